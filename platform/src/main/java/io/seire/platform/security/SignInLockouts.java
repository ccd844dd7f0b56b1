package io.seire.platform.security;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit of sign-in pauses: a WARN line and a {@code sign_in_lockout} row when a pause begins, and a WARN line
 * for the first attempt it refuses (later refusals of the same pause are not repeated, so a flood cannot fill the
 * log). Names the user name and the address, never a password.
 */
public class SignInLockouts implements SignInLimits.Audit {

    private static final Logger log = LoggerFactory.getLogger(SignInLockouts.class);
    private static final int MAX_TEXT = 200;

    private final JdbcClient jdbc;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    public SignInLockouts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockedOut(SignInLimits.Lockout l) {
        log.warn("Sign-in paused for {} '{}' until {} after {} failed sign-ins (last one for user '{}' from {})",
                l.scope().word(), printable(l.subject()), l.lockedUntil(), l.failures(), printable(l.username()),
                l.address());
        try {
            jdbc.sql("INSERT INTO sign_in_lockout (locked_at, locked_until, scope, subject, address, username, "
                            + "failures, node) VALUES (:lockedAt, :lockedUntil, :scope, :subject, :address, :username, "
                            + ":failures, :node)")
                    .param("lockedAt", Timestamp.from(l.lockedAt())).param("lockedUntil", Timestamp.from(l.lockedUntil()))
                    .param("scope", l.scope().word()).param("subject", printable(l.subject()))
                    .param("address", printable(l.address())).param("username", printable(l.username()))
                    .param("failures", l.failures()).param("node", node)
                    .update();
        } catch (RuntimeException e) {
            // the pause holds whether or not it could be written down; the log line above still records it
            log.warn("Could not record the sign-in pause of {} '{}': {}", l.scope().word(), printable(l.subject()),
                    e.toString());
        }
    }

    @Override
    public void refused(SignInLimits.Scope scope, String subject, String address, String username, Instant until) {
        log.warn("Refused sign-in for user '{}' from {}: sign-in for {} '{}' is paused until {} (further refusals of "
                + "this pause are not logged)", printable(username), address, scope.word(), printable(subject), until);
    }

    /** A user name as it may be logged and stored: shortened, without control characters or broken text. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_TEXT).forEach(c -> {
            if (Character.isISOControl(c) || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > MAX_TEXT ? out.append('…').toString() : out.toString();
    }
}
