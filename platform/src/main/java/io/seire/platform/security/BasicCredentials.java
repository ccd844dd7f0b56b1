package io.seire.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks HTTP Basic credentials against the stored BCrypt hash, and remembers a successful check for a short while
 * (keyed by a SHA-256 of the credentials, never the password itself). HTTP Basic re-authenticates every request;
 * without this, BCrypt's deliberate slowness would cap the write rate far below the database's.
 */
public class BasicCredentials implements AuthenticationProvider {

    private record Remembered(ActorAuthentication authentication, Instant until) {
    }

    private static final int MAX_REMEMBERED = 10_000;

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final Duration rememberFor;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    public BasicCredentials(UserAccounts accounts, PasswordEncoder passwords, Duration rememberFor, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.rememberFor = rememberFor;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String password = String.valueOf(request.getCredentials());
        if (io.seire.platform.web.StorableText.problem(username) != null
                || username.length() > io.seire.kernel.Bounds.MAX_NAME_LENGTH) {
            // no user can have such a name; asking the database would only fail
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        String key = fingerprint(username, password);
        Instant now = clock.instant();
        Remembered hit = remembered.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.authentication();
        }
        UserAccounts.Account account = accounts.find(username)
                .filter(a -> passwords.matches(password, a.passwordHash()))
                .orElseThrow(() -> new BadCredentialsException("Unknown user or wrong password"));
        ActorAuthentication authentication = new ActorAuthentication(account.actor());
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.values().removeIf(r -> !r.until().isAfter(now));
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
        }
        remembered.put(key, new Remembered(authentication, now.plus(rememberFor)));
        return authentication;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String fingerprint(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
