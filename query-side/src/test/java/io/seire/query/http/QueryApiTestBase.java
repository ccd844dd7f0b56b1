package io.seire.query.http;

import io.seire.platform.PlatformConfiguration;
import io.seire.platform.testing.Api;
import io.seire.platform.testing.TestDatabase;
import io.seire.query.QuerySideConfiguration;
import io.seire.query.ViewFixture;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.SubscribableMessageSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HTTP tests of the query side alone: the platform (security chain, problem answers, event store) and the query side,
 * as a read-only node runs them ({@code SEIRE_MODE=query}), on the shared embedded PostgreSQL. No command side runs
 * here: a test's history is fed through {@link ViewFixture}'s {@link io.seire.query.ProjectionHarness} (stored in the
 * real event table, handled by the real projections behind Axon's adapter). The node's own processor subscribes to a
 * source that sends nothing, so that it and the harness (also in the view tests of this module, in the same JVM)
 * never handle the same events; read-your-writes ({@code minPosition}) still answers, as it reads the audit view the
 * harness writes. All subclasses share one Spring context.
 */
@SpringBootTest(classes = {QueryApiTestBase.AutoConfiguration.class, PlatformConfiguration.class,
        QuerySideConfiguration.class, QueryApiTestBase.FedByTheHarness.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"SEIRE_ADMIN_PASSWORD=" + QueryApiTestBase.ADMIN_PASSWORD,
                "seire.admin-password-file=target/admin-password",
                "seire.chain.generated-signing-key-file=target/chain-signing-key",
                "seire.personal-data.master-key=" + QueryApiTestBase.MASTER_KEY,
                // as in ops' ApiTestBase (ADR 0019)
                "seire.event-store.max-gap-offset=100",
                // the views are fed by the harness alone: the processor subscribes to a source that sends nothing
                "axon.eventhandling.processors.project-views.mode=subscribing",
                "axon.eventhandling.processors.project-views.source=" + QueryApiTestBase.NO_EVENTS})
public abstract class QueryApiTestBase {

    public static final String ADMIN_PASSWORD = "admin-test-password";
    /** The master key personal data is encrypted under in the test database (as ops' ApiTestBase). */
    public static final String MASTER_KEY = "wwSQUlGXdZw/cLyw6GByPYfr+hGZbff8oQc0ZczFinI=";

    static final String NO_EVENTS = "noEvents";

    /** Spring Boot's auto-configuration, as ops' SeireApplication switches it on for a query node. */
    @EnableAutoConfiguration
    static class AutoConfiguration {
    }

    /** The projections' processor's source in this context: it never sends an event. */
    @Configuration(proxyBeanMethods = false)
    static class FedByTheHarness {
        @Bean(NO_EVENTS)
        SubscribableMessageSource<EventMessage<?>> noEvents() {
            return processor -> () -> true;
        }
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

    @Autowired
    private PasswordEncoder passwords;

    /** The history of each test, fed through the harness as user {@code admin}. */
    protected final ViewFixture fixture = new ViewFixture("admin");

    protected Api admin;

    @BeforeEach
    void connect() {
        admin = new Api("http://localhost:" + port, "admin", ADMIN_PASSWORD);
        // a query node signs users in from the accounts table the command side keeps (AccountsTable); without a
        // command side the test puts the admin's row there itself
        if (jdbc.queryForList("SELECT 1 FROM app_user WHERE username = 'admin'").isEmpty()) {
            jdbc.update("INSERT INTO app_user (username, password_hash, roles, projects, programmes) "
                    + "VALUES ('admin', ?, ARRAY['ADMIN'], ARRAY[]::text[], ARRAY[]::text[]) ON CONFLICT (username) "
                    + "DO NOTHING", passwords.encode(ADMIN_PASSWORD));
        }
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
