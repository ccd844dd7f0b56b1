package io.seire.ops;

import io.seire.platform.testing.Api;

import io.seire.command.CommandSideConfiguration;
import io.seire.platform.PlatformConfiguration;
import io.seire.platform.testing.TestDatabase;
import io.seire.query.QuerySideConfiguration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Integration tests over HTTP against the whole single-node system on a real PostgreSQL. All subclasses share one
 * database and one Spring context; each test works on projects of its own (random codes) so they do not meet.
 */
@SpringBootTest(classes = {SeireApplication.AutoConfiguration.class, PlatformConfiguration.class,
        CommandSideConfiguration.class, QuerySideConfiguration.class, io.seire.console.ConsoleConfiguration.class,
        CommitFaults.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"SEIRE_ADMIN_PASSWORD=" + ApiTestBase.ADMIN_PASSWORD,
                "seire.admin-password-file=target/admin-password",
                "seire.chain.generated-signing-key-file=target/chain-signing-key",
                "seire.personal-data.master-key=" + ApiTestBase.MASTER_KEY,
                // far below a CSV import's size: every test then proves that no event is skipped (ADR 0019)
                "seire.event-store.max-gap-offset=100",
                // exports that stall are cut off after this long (ExportsApiTest waits for it)
                "seire.export.write-timeout=PT3S"})
public abstract class ApiTestBase {

    public static final String ADMIN_PASSWORD = "admin-test-password";
    /** The master key personal data is encrypted under in the shared test database (every context must use it). */
    public static final String MASTER_KEY = "wwSQUlGXdZw/cLyw6GByPYfr+hGZbff8oQc0ZczFinI=";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @LocalServerPort
    protected int port;

    protected Api admin;

    @BeforeEach
    void connect() {
        admin = new Api("http://localhost:" + port, "admin", ADMIN_PASSWORD);
    }

    /** A new user with one role and its memberships; answers a client signed in as that user. */
    protected Api user(String role, java.util.List<String> projects, java.util.List<String> programmes) {
        String name = unique(role.toLowerCase(java.util.Locale.ROOT));
        Api.Response r = admin.post("/api/v1/users", java.util.Map.of("username", name, "password", "Parool-õ-123",
                "roles", java.util.List.of(role), "projects", projects, "programmes", programmes));
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(201);
        return admin.as(name, "Parool-õ-123");
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
