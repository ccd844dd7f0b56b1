package io.seire.command.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.seire.kernel.access.Actor;
import io.seire.kernel.access.Role;
import io.seire.platform.security.SignInLimits;
import io.seire.platform.security.SignInRefused;
import io.seire.platform.security.UserAccounts;
import io.seire.platform.web.ProblemResponses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Where a plaintext password meets the write side: the policy, hashes for retries, the current-password check. */
class PasswordsTest {

    final PasswordEncoder encoder = spy(new BCryptPasswordEncoder(4));
    final UserAccounts accounts = mock(UserAccounts.class);
    final List<SignInLimits.Lockout> lockouts = new ArrayList<>();
    final SignInLimits limits = new SignInLimits(new SignInLimits.Settings(5, 50, Duration.ofMinutes(15),
            Duration.ofSeconds(30), Duration.ofMinutes(15)), new SignInLimits.Audit() {
        @Override
        public void lockedOut(SignInLimits.Lockout lockout) {
            lockouts.add(lockout);
        }

        @Override
        public void refused(SignInLimits.Scope scope, String subject, String address, String username, Instant until) {
        }
    }, Clock.systemUTC());
    final Passwords passwords = new Passwords(encoder, accounts, limits);

    void stored(String user, String password) {
        when(accounts.find(user)).thenReturn(Optional.of(new UserAccounts.Account(
                new Actor(user, Set.of(Role.FINANCE), Set.of(), Set.of()), new BCryptPasswordEncoder(4).encode(password),
                false)));
    }

    @Test
    void a_password_has_twelve_characters_to_seventy_two_bytes() {
        assertThat(Passwords.problem("Üksteist-11")).contains("at least 12 characters");
        assertThat(Passwords.problem("Kaksteist-12")).isNull();
        assertThat(Passwords.problem("õ".repeat(36))).isNull();
        assertThat(Passwords.problem("õ".repeat(37))).contains("at most 72 bytes");
    }

    @Test
    void a_password_the_user_already_has_keeps_its_stored_hash_so_a_retry_matches_the_first_request() {
        stored("kaja", "Kaksteist-12");
        String storedHash = accounts.find("kaja").orElseThrow().passwordHash();
        assertThat(passwords.hashFor("kaja", "Kaksteist-12")).isEqualTo(storedHash);
        String fresh = passwords.hashFor("kaja", "Teine-parool-1");
        assertThat(fresh).isNotEqualTo(storedHash).isNotEqualTo(passwords.hashFor("kaja", "Teine-parool-1"));
        assertThat(encoder.matches("Teine-parool-1", fresh)).isTrue();
    }

    @Test
    void wrong_current_passwords_count_as_failed_sign_ins_and_a_pause_answers_429() {
        stored("kaja", "Kaksteist-12");
        for (int i = 0; i < 5; i++) {
            assertThat(passwords.confirms("kaja", "Arvatud-parool-" + i, "192.0.2.1")).isFalse();
        }
        assertThat(lockouts).singleElement().satisfies(l -> assertThat(l.subject()).isEqualTo("kaja"));
        clearInvocations(encoder);
        SignInRefused paused = catchThrowableOfType(() -> passwords.confirms("kaja", "Kaksteist-12", "192.0.2.1"),
                SignInRefused.class);
        verify(encoder, never()).matches(anyString(), anyString());

        ResponseEntity<ProblemDetail> answer = new ProblemResponses().signInPaused(paused);
        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(answer.getBody().getType().toString()).isEqualTo("/problems/sign-in-paused");
    }
}
