package io.seire.platform.security;

import io.seire.kernel.Bounds;
import io.seire.platform.web.StorableText;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks HTTP Basic credentials against the stored BCrypt hash.
 *
 * <ul>
 *   <li>Every request reads the user's row (one primary-key look-up), so a disabled user, new roles or a new
 *       password count on every node at the next request.</li>
 *   <li>A successful check is remembered for a short while, keyed by a keyed hash of the user name, the password
 *       and the stored hash: a changed password can never match a remembered check. HTTP Basic re-authenticates
 *       every request; without this, BCrypt's deliberate slowness would cap the write rate far below the
 *       database's.</li>
 *   <li>An unknown user name costs what a known one costs: its password is checked against a dummy hash, so the
 *       answer's timing does not tell which names exist.</li>
 *   <li>{@link SignInLimits} pauses a user name or an address after repeated failures; while paused, no password is
 *       checked at all. Checks of one user name run one at a time, so parallel requests of one client wait for the
 *       first check and then find it remembered.</li>
 * </ul>
 */
public class BasicCredentials implements AuthenticationProvider {

    static final String WRONG = "Unknown user or wrong password";
    private static final int MAX_REMEMBERED = 10_000;
    private static final int STRIPES = 64;

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final SignInLimits limits;
    private final Duration rememberFor;
    private final Clock clock;
    private final String dummyHash;
    private final SecretKeySpec fingerprintKey;
    private final Map<String, Instant> remembered = new ConcurrentHashMap<>();
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public BasicCredentials(UserAccounts accounts, PasswordEncoder passwords, SignInLimits limits,
                            Duration rememberFor, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.limits = limits;
        this.rememberFor = rememberFor;
        this.clock = clock;
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.fingerprintKey = new SecretKeySpec(secret, "HmacSHA256");
        random.nextBytes(secret);
        this.dummyHash = passwords.encode(Base64.getEncoder().encodeToString(secret));
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String password = String.valueOf(request.getCredentials());
        String address = SignInOrigin.of(request.getDetails()).address();
        // a name no user can have is counted for its address only, and never asked of the database
        String countable = couldBeAUser(username) ? username : null;
        limits.checkAllowed(countable, address);
        Optional<UserAccounts.Account> account = countable == null ? Optional.empty() : accounts.find(username);
        String hash = account.map(UserAccounts.Account::passwordHash).orElse(dummyHash);
        String key = fingerprint(username, password, hash);
        if (account.isPresent() && isRemembered(key)) {
            return signedIn(account.get());
        }
        ReentrantLock lock = stripes[Math.floorMod(username.hashCode(), STRIPES)];
        lock.lock();
        try {
            if (account.isPresent() && isRemembered(key)) {
                return signedIn(account.get()); // a parallel request checked the same credentials meanwhile
            }
            try (SignInLimits.Attempt attempt = limits.admit(countable, address)) {
                boolean matches = passwords.matches(password, hash); // one BCrypt, whether the user exists or not
                if (!matches || account.isEmpty()) {
                    attempt.failed();
                    throw new BadCredentialsException(WRONG);
                }
                attempt.succeeded();
            }
            remember(key);
            return signedIn(account.get());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static Authentication signedIn(UserAccounts.Account account) {
        if (account.disabled()) {
            // said only to whoever knows the password
            throw new DisabledException("This account is disabled; ask an administrator.");
        }
        return new ActorAuthentication(account.actor());
    }

    private static boolean couldBeAUser(String username) {
        return username != null && !username.isEmpty()
                && username.codePointCount(0, username.length()) <= Bounds.MAX_NAME_LENGTH
                && StorableText.problem(username) == null;
    }

    private boolean isRemembered(String key) {
        Instant until = remembered.get(key);
        return until != null && until.isAfter(clock.instant());
    }

    private void remember(String key) {
        Instant now = clock.instant();
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.values().removeIf(until -> !until.isAfter(now));
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
        }
        remembered.put(key, now.plus(rememberFor));
    }

    /** A keyed hash (with a key that lives only in this process) of the credentials and the hash they matched. */
    private String fingerprint(String username, String password, String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            for (String part : new String[]{username, password, hash}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(new byte[]{(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                        (byte) (bytes.length >>> 8), (byte) bytes.length});
                mac.update(bytes);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
