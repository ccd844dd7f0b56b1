package io.seire.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.seire.kernel.access.Actor;
import io.seire.kernel.access.Role;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** HTTP Basic sign-in: the same cost for every name, remembered checks that never outlive a change, and limits. */
class BasicCredentialsTest {

    static final String A = "192.0.2.1";
    static final String B = "192.0.2.2";
    static final String PASSWORD = "Õige-parool-1";

    final TestClock clock = new TestClock();
    final RecordingAudit audit = new RecordingAudit();
    final PasswordEncoder encoder = spy(new BCryptPasswordEncoder(4));
    final PasswordEncoder hashes = new BCryptPasswordEncoder(4);
    final UserAccounts accounts = mock(UserAccounts.class);
    final Map<String, UserAccounts.Account> rows = new HashMap<>();
    final SignInLimits limits = new SignInLimits(new SignInLimits.Settings(5, 8, Duration.ofMinutes(15),
            Duration.ofSeconds(30), Duration.ofMinutes(15)), audit, clock);
    BasicCredentials credentials;

    @BeforeEach
    void setUp() {
        when(accounts.find(anyString())).thenAnswer(call -> Optional.ofNullable(rows.get(call.<String>getArgument(0))));
        credentials = new BasicCredentials(accounts, encoder, limits, Duration.ofMinutes(5), clock);
        clearInvocations(encoder); // the dummy hash is made once, when the provider is built
    }

    void user(String name, String password, boolean disabled, Role... roles) {
        rows.put(name, new UserAccounts.Account(new Actor(name, Set.of(roles), Set.of(), Set.of()),
                hashes.encode(password), disabled));
    }

    ActorAuthentication signIn(String user, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        token.setDetails(new SignInOrigin(address));
        return (ActorAuthentication) credentials.authenticate(token);
    }

    void wrong(String user, String address) {
        assertThatThrownBy(() -> signIn(user, "vale-parool-123", address)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void an_unknown_user_costs_one_bcrypt_check_like_a_known_one() {
        Throwable unknown = catchThrowableOfType(() -> signIn("nobody", "arvatud-123456", A),
                BadCredentialsException.class);
        verify(encoder, times(1)).matches(eq("arvatud-123456"), argThat(hash -> hash.startsWith("$2a$04$")));

        user("kaja", PASSWORD, false, Role.FINANCE);
        clearInvocations(encoder);
        Throwable known = catchThrowableOfType(() -> signIn("kaja", "arvatud-123456", A), BadCredentialsException.class);
        verify(encoder, times(1)).matches(eq("arvatud-123456"), argThat(hash -> hash.startsWith("$2a$04$")));
        assertThat(known.getMessage()).isEqualTo(unknown.getMessage());
    }

    @Test
    void a_name_no_user_can_have_is_checked_against_the_dummy_and_never_looked_up() {
        assertThatThrownBy(() -> signIn("kaja\u0000", PASSWORD, A)).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("k".repeat(201), PASSWORD, A)).isInstanceOf(BadCredentialsException.class);
        verify(accounts, never()).find(anyString());
        verify(encoder, times(2)).matches(anyString(), anyString());
    }

    @Test
    void a_remembered_sign_in_does_not_outlive_a_new_password() {
        user("kaja", PASSWORD, false, Role.FINANCE);
        signIn("kaja", PASSWORD, A);
        signIn("kaja", PASSWORD, A);
        verify(encoder, times(1)).matches(anyString(), anyString());

        user("kaja", "Uus-parool-456", false, Role.FINANCE); // the accounts table after a password change
        assertThatThrownBy(() -> signIn("kaja", PASSWORD, A)).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn("kaja", "Uus-parool-456", A).actor().username()).isEqualTo("kaja");
    }

    @Test
    void a_disabled_user_is_refused_at_the_next_request_though_remembered() {
        user("kaja", PASSWORD, false, Role.FINANCE);
        signIn("kaja", PASSWORD, A);
        UserAccounts.Account row = rows.get("kaja");
        rows.put("kaja", new UserAccounts.Account(row.actor(), row.passwordHash(), true));
        assertThatThrownBy(() -> signIn("kaja", PASSWORD, A)).isInstanceOf(DisabledException.class)
                .hasMessageContaining("disabled");
        rows.put("kaja", row);
        assertThat(signIn("kaja", PASSWORD, A).actor().username()).isEqualTo("kaja");
        verify(encoder, times(1)).matches(anyString(), anyString());
    }

    @Test
    void new_roles_count_at_the_next_request_though_remembered() {
        user("kaja", PASSWORD, false, Role.FINANCE);
        assertThat(signIn("kaja", PASSWORD, A).actor().roles()).containsExactly(Role.FINANCE);
        UserAccounts.Account row = rows.get("kaja");
        rows.put("kaja", new UserAccounts.Account(new Actor("kaja", Set.of(Role.MANAGER), Set.of("P"), Set.of()),
                row.passwordHash(), false));
        Actor now = signIn("kaja", PASSWORD, A).actor();
        assertThat(now.roles()).containsExactly(Role.MANAGER);
        assertThat(now.projects()).containsExactly("P");
        verify(encoder, times(1)).matches(anyString(), anyString());
    }

    @Test
    void after_five_failures_of_a_user_even_the_right_password_is_refused_without_a_check() {
        user("kaja", PASSWORD, false, Role.FINANCE);
        for (int i = 1; i <= 5; i++) {
            wrong("kaja", "198.51.100." + i); // from five addresses: the user's count is the user's
        }
        clearInvocations(encoder);
        SignInRefused refused = catchThrowableOfType(() -> signIn("kaja", PASSWORD, B), SignInRefused.class);
        assertThat(refused.scope()).isEqualTo(SignInLimits.Scope.USER);
        assertThat(refused.retryAfterSeconds()).isEqualTo(30);
        assertThatThrownBy(() -> signIn("kaja", PASSWORD, A)).isInstanceOf(SignInRefused.class);
        verify(encoder, never()).matches(anyString(), anyString());
        assertThat(audit.lockouts).singleElement().satisfies(l -> {
            assertThat(l.scope()).isEqualTo(SignInLimits.Scope.USER);
            assertThat(l.subject()).isEqualTo("kaja");
            assertThat(l.failures()).isEqualTo(5);
        });
        assertThat(audit.refusals).containsExactly("user kaja"); // once per pause, however many it refuses
    }

    @Test
    void a_known_user_that_is_remembered_is_paused_too() {
        user("kaja", PASSWORD, false, Role.FINANCE);
        signIn("kaja", PASSWORD, A);
        for (int i = 0; i < 5; i++) {
            wrong("kaja", B);
        }
        assertThatThrownBy(() -> signIn("kaja", PASSWORD, A)).isInstanceOf(SignInRefused.class);
    }

    @Test
    void each_further_failure_after_a_pause_pauses_for_twice_as_long_until_a_quiet_window() {
        user("kaja", PASSWORD, false, Role.FINANCE);
        for (int i = 0; i < 5; i++) {
            wrong("kaja", A);
        }
        clock.advance(Duration.ofSeconds(31));
        wrong("kaja", A);
        assertThat(catchThrowableOfType(() -> signIn("kaja", PASSWORD, A), SignInRefused.class).retryAfterSeconds())
                .isEqualTo(60);
        clock.advance(Duration.ofSeconds(61));
        wrong("kaja", A);
        assertThat(catchThrowableOfType(() -> signIn("kaja", PASSWORD, A), SignInRefused.class).retryAfterSeconds())
                .isEqualTo(120);
        assertThat(audit.lockouts).extracting(SignInLimits.Lockout::failures).containsExactly(5, 1, 1);

        clock.advance(Duration.ofSeconds(121).plus(Duration.ofMinutes(16))); // a whole window without a failure
        for (int i = 0; i < 4; i++) {
            wrong("kaja", A);
        }
        assertThat(signIn("kaja", PASSWORD, A).actor().username()).isEqualTo("kaja");
    }

    @Test
    void a_success_clears_its_users_count() {
        user("kaja", PASSWORD, false, Role.FINANCE);
        for (int i = 0; i < 4; i++) {
            wrong("kaja", A);
        }
        signIn("kaja", PASSWORD, A);
        for (int i = 0; i < 4; i++) {
            wrong("kaja", B);
        }
        assertThat(signIn("kaja", PASSWORD, B).actor().username()).isEqualTo("kaja");
    }

    @Test
    void an_address_is_paused_after_its_limit_whatever_names_it_tries_and_a_success_does_not_clear_it() {
        user("kaja", PASSWORD, false, Role.FINANCE);
        for (int i = 0; i < 7; i++) {
            wrong("nobody-" + i, A);
        }
        signIn("kaja", PASSWORD, A); // a known account does not unlock guessing at the others
        wrong("nobody-7", A);
        clearInvocations(encoder);
        SignInRefused refused = catchThrowableOfType(() -> signIn("kaja", PASSWORD, A), SignInRefused.class);
        assertThat(refused.scope()).isEqualTo(SignInLimits.Scope.ADDRESS);
        verify(encoder, never()).matches(anyString(), anyString());
        assertThat(signIn("kaja", PASSWORD, B).actor().username()).isEqualTo("kaja");
        assertThat(audit.lockouts).singleElement().satisfies(l -> {
            assertThat(l.scope()).isEqualTo(SignInLimits.Scope.ADDRESS);
            assertThat(l.subject()).isEqualTo(A);
            assertThat(l.failures()).isEqualTo(8);
        });
    }
}
