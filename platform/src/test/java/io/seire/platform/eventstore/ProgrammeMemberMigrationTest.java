package io.seire.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.platform.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ADR 0021: projects registered before the programme register existed are entered in it, so a programme registered
 * later still sees which currency they keep their books in.
 */
class ProgrammeMemberMigrationTest {

    @Test
    void projects_registered_before_the_register_are_entered_with_their_programme_and_currency() throws Exception {
        javax.sql.DataSource db = TestDatabase.fresh("programme_member_" + ProcessHandle.current().pid());
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("15").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        String insert = "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                + "payload, payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00Z')";
        jdbc.update(insert, "Šveits.1.01.25-0006", 0, "Project", "e1",
                ("{\"projectId\":\"Šveits.1.01.25-0006\",\"name\":\"Pädevuskeskus\",\"programme\":\"Šveitsi-Eesti "
                        + "koostööprogramm\",\"currency\":\"EUR\"}").getBytes(StandardCharsets.UTF_8),
                "io.seire.kernel.setup.ProjectRegistered");
        jdbc.update(insert, "Šveits.1.01.25-0006", 1, "Project", "e2",
                "{\"projectId\":\"Šveits.1.01.25-0006\",\"code\":\"1\"}".getBytes(StandardCharsets.UTF_8),
                "io.seire.kernel.setup.SubActivityAdded");
        jdbc.update(insert, "user/mari", 0, "UserAccount", "e3", "{}".getBytes(StandardCharsets.UTF_8),
                "io.seire.kernel.access.UserRegistered");

        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.queryForList("SELECT project_id || ' ' || programme || ' ' || currency FROM programme_member",
                String.class)).containsExactly("Šveits.1.01.25-0006 Šveitsi-Eesti koostööprogramm EUR");
    }
}
