package io.seire.platform.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the limits report, for the test to read. */
final class RecordingAudit implements SignInLimits.Audit {

    final List<SignInLimits.Lockout> lockouts = new ArrayList<>();
    final List<String> refusals = new ArrayList<>();

    @Override
    public void lockedOut(SignInLimits.Lockout lockout) {
        lockouts.add(lockout);
    }

    @Override
    public void refused(SignInLimits.Scope scope, String subject, String address, String username, Instant until) {
        refusals.add(scope.word() + " " + subject);
    }
}
