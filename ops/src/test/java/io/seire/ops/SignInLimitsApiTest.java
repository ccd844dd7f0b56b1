package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.platform.security.SignInLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Brute force over HTTP: after too many failures a user name, or an address, is paused; every attempt, even with
 * the right password, answers 429 with Retry-After and no password is checked; each pause is audited. Each test
 * sends from a loopback address of its own, so the pauses it causes touch no other test.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInLimitsApiTest extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignInLimits limits;

    static final String PASSWORD = "Parool-õ-123"; // what ApiTestBase.user gives

    @Test
    void after_five_failures_of_a_user_even_the_right_password_answers_429_with_retry_after(CapturedOutput output) {
        Api kaja = user("FINANCE", List.of(), List.of());
        String name = kaja.username();
        FromAddress guesser = FromAddress.fresh(port);
        int allowed = limits.settings().maxFailuresPerUser();
        for (int i = 1; i <= allowed; i++) {
            FromAddress.Reply wrong = guesser.get("/api/v1/projects", name, "Arvatud-parool-" + i, Map.of());
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
        }
        FromAddress.Reply paused = guesser.get("/api/v1/projects", name, PASSWORD, Map.of());
        assertThat(paused.status()).as(paused.toString()).isEqualTo(429);
        assertThat(paused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(paused.json().path("type").asText()).isEqualTo("/problems/sign-in-paused");
        long retryAfter = Long.parseLong(paused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, limits.settings().firstBackOff().toSeconds());

        // the pause is the user name's: the right password from anywhere else is refused too
        Api.Response elsewhere = kaja.get("/api/v1/projects");
        assertThat(elsewhere.status()).isEqualTo(429);
        assertThat(elsewhere.header("Retry-After")).isNotNull();

        Map<String, Object> record = jdbc.queryForMap("SELECT * FROM sign_in_lockout WHERE scope = 'user' AND subject = ?",
                name);
        assertThat(record.get("failures")).isEqualTo(allowed);
        assertThat(record.get("address")).isEqualTo(guesser.address());
        assertThat(output.getAll()).contains("Sign-in paused for user '" + name + "'")
                .contains("Refused sign-in for user '" + name + "'")
                .doesNotContain("Arvatud-parool-").doesNotContain(PASSWORD);
    }

    @Test
    void an_address_is_paused_after_its_failures_whatever_user_names_or_forwarding_headers_it_sends() {
        FromAddress guesser = FromAddress.fresh(port);
        int allowed = limits.settings().maxFailuresPerAddress();
        for (int i = 1; i <= allowed; i++) {
            // a new address in X-Forwarded-For each time: not believed without trusted proxies
            FromAddress.Reply wrong = guesser.get("/api/v1/projects", unique("arvatud"), "Arvatud-parool-1",
                    Map.of("X-Forwarded-For", "203.0.113." + i));
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
        }
        FromAddress.Reply paused = guesser.get("/api/v1/projects", "admin", ADMIN_PASSWORD,
                Map.of("X-Forwarded-For", "198.51.100.1"));
        assertThat(paused.status()).as(paused.toString()).isEqualTo(429);
        assertThat(paused.json().path("detail").asText()).contains("from your address");
        assertThat(Long.parseLong(paused.header("Retry-After"))).isPositive();

        // the same user from another address is not paused
        assertThat(FromAddress.fresh(port).get("/api/v1/projects", "admin", ADMIN_PASSWORD, Map.of()).status())
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/projects").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT failures FROM sign_in_lockout WHERE scope = 'address' AND subject = ?",
                Integer.class, guesser.address())).isEqualTo(allowed);
    }
}
