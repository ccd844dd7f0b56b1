package io.seire.command.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.command.CommandSideConfiguration;
import io.seire.platform.PlatformConfiguration;
import io.seire.platform.testing.Api;
import io.seire.platform.testing.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HTTP tests of the command side alone: the platform (security chain, problem answers, event store) and the command
 * side, as a write-only node runs them ({@code SEIRE_MODE=command}), on the shared embedded PostgreSQL. No view
 * exists here, so a test checks a write's answer or refusal and, for "records nothing", the event store itself. All
 * subclasses share one Spring context; each test works on projects of its own (random codes).
 */
@SpringBootTest(classes = {CommandApiTestBase.AutoConfiguration.class, PlatformConfiguration.class,
        CommandSideConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"SEIRE_ADMIN_PASSWORD=" + CommandApiTestBase.ADMIN_PASSWORD,
                "seire.admin-password-file=target/admin-password",
                "seire.chain.generated-signing-key-file=target/chain-signing-key",
                "seire.personal-data.master-key=" + CommandApiTestBase.MASTER_KEY,
                // as in ops' ApiTestBase (ADR 0019)
                "seire.event-store.max-gap-offset=100"})
public abstract class CommandApiTestBase {

    public static final String ADMIN_PASSWORD = "admin-test-password";
    /** The master key personal data is encrypted under in the test database (as ops' ApiTestBase). */
    public static final String MASTER_KEY = "wwSQUlGXdZw/cLyw6GByPYfr+hGZbff8oQc0ZczFinI=";
    protected static final String PASSWORD = "Parool-õ-123";

    /** Spring Boot's auto-configuration, as ops' SeireApplication switches it on for a command node. */
    @EnableAutoConfiguration
    static class AutoConfiguration {
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api admin;

    @BeforeEach
    void connect() {
        admin = new Api("http://localhost:" + port, "admin", ADMIN_PASSWORD);
    }

    /** A new user with one role and its memberships; answers a client signed in as that user. */
    protected Api user(String role, List<String> projects, List<String> programmes) {
        String name = unique(role.toLowerCase(Locale.ROOT));
        Api.Response r = admin.post("/api/v1/users", Map.of("username", name, "password", PASSWORD,
                "roles", List.of(role), "projects", projects, "programmes", programmes));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return admin.as(name, PASSWORD);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** How many events the project's stream holds (what a refused write must leave unchanged). */
    protected long countEvents(String projectId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                projectId);
        return n == null ? 0 : n;
    }

    /** The registration body of a project like ops' seed project (2024-06 – 2028-07, one period a year). */
    protected static Map<String, Object> registration(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Kodanikuühiskonna pädevuse suurendamine");
        body.put("programme", "Šveitsi-Eesti koostööprogramm");
        body.put("beneficiary", "SA Kodanikuühiskonna Sihtkapital");
        body.put("currency", "EUR");
        body.put("eligibleFrom", "2024-06-01");
        body.put("eligibleTo", "2028-07-31");
        body.put("flexibilityPercent", "10");
        List<Map<String, String>> periods = new ArrayList<>();
        String[][] years = {{"2024", "2024-06-01", "2024-12-31"}, {"2025", "2025-01-01", "2025-12-31"},
                {"2026", "2026-01-01", "2026-12-31"}, {"2027", "2027-01-01", "2027-12-31"},
                {"2028", "2028-01-01", "2028-07-31"}};
        for (String[] p : years) {
            periods.add(Map.of("id", p[0], "from", p[1], "to", p[2]));
        }
        body.put("reportingPeriods", periods);
        return body;
    }

    /**
     * Registers project {@code id} over HTTP with sub-activities {@code 1} and {@code 2} and budget lines
     * {@code AT1-SERVICES} (sub-activity 1) and {@code AT2-STAFF} (sub-activity 2); answers the last write's position.
     */
    protected long project(String id) {
        long position = created(admin.post("/api/v1/projects", registration(id)));
        String base = "/api/v1/projects/" + Api.seg(id);
        position = created(admin.post(base + "/sub-activities", Map.of("code", "1", "name", "Nõustamine")));
        position = created(admin.post(base + "/sub-activities", Map.of("code", "2", "name", "Koolitused")));
        position = created(admin.post(base + "/budget-lines", Map.of("code", "AT1-SERVICES", "subActivity", "1",
                "costCategory", "SERVICES", "planned", "120000.00")));
        position = created(admin.post(base + "/budget-lines", Map.of("code", "AT2-STAFF", "subActivity", "2",
                "costCategory", "STAFF", "planned", "80000.00")));
        return position;
    }

    private static long created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.position();
    }
}
