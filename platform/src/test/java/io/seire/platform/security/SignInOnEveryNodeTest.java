package io.seire.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.kernel.access.Role;
import io.seire.platform.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Two nodes over one real PostgreSQL, each remembering a user's successful sign-in: a change to the accounts table
 * (as the write side makes it, in the transaction that records the change) counts on both at the next request.
 */
class SignInOnEveryNodeTest {

    static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(TestDatabase.migrated());
    }

    static BasicCredentials node() {
        return new BasicCredentials(new UserAccounts(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc)), new BCryptPasswordEncoder(4),
                new SignInLimits(new SignInLimits.Settings(5, 50, Duration.ofMinutes(15), Duration.ofSeconds(30),
                        Duration.ofMinutes(15)), new RecordingAudit(), new TestClock()), Duration.ofMinutes(5),
                new TestClock());
    }

    static ActorAuthentication signIn(BasicCredentials node, String user, String password) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        token.setDetails(new SignInOrigin("192.0.2.1"));
        return (ActorAuthentication) node.authenticate(token);
    }

    @Test
    void a_disabled_user_or_new_roles_count_on_every_node_at_the_next_request() {
        String user = "sõlm-" + UUID.randomUUID();
        jdbc.update("INSERT INTO app_user (username, password_hash, roles, projects, programmes) "
                + "VALUES (?, ?, '{FINANCE}', '{}', '{}')", user, new BCryptPasswordEncoder(4).encode("Parool-sõlm-1"));
        BasicCredentials first = node();
        BasicCredentials second = node();
        assertThat(signIn(first, user, "Parool-sõlm-1").actor().roles()).containsExactly(Role.FINANCE);
        assertThat(signIn(second, user, "Parool-sõlm-1").actor().roles()).containsExactly(Role.FINANCE);

        jdbc.update("UPDATE app_user SET roles = '{MANAGER}', projects = '{P1}' WHERE username = ?", user);
        for (BasicCredentials node : List.of(first, second)) {
            ActorAuthentication now = signIn(node, user, "Parool-sõlm-1");
            assertThat(now.actor().roles()).containsExactly(Role.MANAGER);
            assertThat(now.actor().projects()).containsExactly("P1");
        }

        jdbc.update("UPDATE app_user SET disabled = true WHERE username = ?", user);
        for (BasicCredentials node : List.of(first, second)) {
            assertThatThrownBy(() -> signIn(node, user, "Parool-sõlm-1")).isInstanceOf(DisabledException.class);
        }
    }

    /** What reading the account on every request costs: one primary-key look-up over a pooled connection. */
    @Test
    void reading_the_account_on_every_request_is_one_cheap_look_up() {
        String user = "mõõdetud-" + UUID.randomUUID();
        jdbc.update("INSERT INTO app_user (username, password_hash, roles, projects, programmes) "
                + "VALUES (?, 'x', '{FINANCE}', '{P1,P2}', '{}')", user);
        UserAccounts accounts = new UserAccounts(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc));
        for (int i = 0; i < 500; i++) {
            accounts.find(user); // warm up the pool, the driver and the JIT
        }
        int lookUps = 2_000;
        long start = System.nanoTime();
        for (int i = 0; i < lookUps; i++) {
            assertThat(accounts.find(user)).isPresent();
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / lookUps;
        System.out.printf("account look-up per signed-in request: %.0f µs (mean of %d)%n", micros, lookUps);
        assertThat(micros).as("mean µs per look-up").isLessThan(5_000);
    }
}
