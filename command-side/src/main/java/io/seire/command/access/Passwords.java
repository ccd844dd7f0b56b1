package io.seire.command.access;

import io.seire.platform.security.SignInLimits;
import io.seire.platform.security.UserAccounts;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Where a plaintext password meets Seire, and the only place it does on the write side: it is checked against the
 * policy, turned into a BCrypt hash, or compared with the stored hash. What leaves here (commands, events, the
 * idempotency record's request hash) holds only hashes.
 */
@Component
public class Passwords {

    /** The shortest password, in characters. */
    public static final int MIN_LENGTH = 12;
    /** The longest password, in UTF-8 bytes: all that BCrypt reads. */
    public static final int MAX_BYTES = 72;

    private final PasswordEncoder encoder;
    private final UserAccounts accounts;
    private final SignInLimits limits;

    public Passwords(PasswordEncoder encoder, UserAccounts accounts, SignInLimits limits) {
        this.encoder = encoder;
        this.accounts = accounts;
        this.limits = limits;
    }

    /** What is wrong with a new password, in words; null when nothing is. */
    public static String problem(String password) {
        if (password == null) {
            return null;
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters long";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            // BCrypt reads no further than this
            return "must be at most " + MAX_BYTES + " bytes long (letters such as õ or š count as two, an emoji as four)";
        }
        return null;
    }

    /**
     * The hash a new password of this user is recorded with: the stored hash when it already holds this password
     * (a retried request, whose idempotency record must then match the first), else a new one with a fresh salt.
     */
    public String hashFor(String username, String password) {
        return accounts.find(username)
                .map(UserAccounts.Account::passwordHash)
                .filter(stored -> encoder.matches(password, stored))
                .orElseGet(() -> encoder.encode(password));
    }

    /**
     * Whether the password is the user's current one. Counted like a sign-in: a wrong one is a failure for the user
     * and the address, and while either is paused no password is checked ({@code SignInRefused}, 429).
     */
    public boolean confirms(String username, String password, String address) {
        try (SignInLimits.Attempt attempt = limits.admit(username, address)) {
            boolean matches = accounts.find(username)
                    .map(account -> encoder.matches(password, account.passwordHash()))
                    .orElse(false);
            if (matches) {
                attempt.succeeded();
            } else {
                attempt.failed();
            }
            return matches;
        }
    }
}
