package io.seire.platform.security;

import io.seire.platform.web.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused before its password was looked at, because of too many failures by this user name or from this
 * address: answered 429 with {@code Retry-After}.
 */
public class SignInRefused extends AuthenticationException {

    private final SignInLimits.Scope scope;
    private final long retryAfterSeconds;

    public SignInRefused(SignInLimits.Scope scope, long retryAfterSeconds) {
        super(scope == SignInLimits.Scope.USER
                ? "Too many failed sign-ins with this user name: sign-in is paused. Try again in " + retryAfterSeconds
                + " seconds."
                : "Too many failed sign-ins from your address: sign-in is paused. Try again in " + retryAfterSeconds
                + " seconds.");
        this.scope = scope;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public SignInLimits.Scope scope() {
        return scope;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The answer: 429 problem+json; the caller adds {@code Retry-After}. */
    public ProblemDetail problem() {
        return Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "sign-in-paused", "Too many failed sign-ins",
                getMessage(), List.of());
    }
}
