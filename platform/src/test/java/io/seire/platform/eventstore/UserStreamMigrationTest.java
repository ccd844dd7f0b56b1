package io.seire.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.platform.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** ADR 0020: a store recorded before users had streams of their own is moved to {@code user/<name>} streams. */
class UserStreamMigrationTest {

    @Test
    void user_streams_recorded_under_the_bare_name_move_and_project_streams_stay() throws Exception {
        javax.sql.DataSource db = TestDatabase.fresh("user_streams_" + ProcessHandle.current().pid());
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("9").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        String insert = "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                + "payload, payloadtype, timestamp) VALUES (?, 0, ?, ?, '\\x7b7d'::bytea, 'x', '2025-01-01T00:00:00Z')";
        jdbc.update(insert, "mari", "UserAccount", "e1");
        jdbc.update(insert, "Šveits.1", "Project", "e2");

        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.queryForList("SELECT aggregateidentifier FROM domainevententry ORDER BY globalindex",
                String.class)).containsExactly("user/mari", "Šveits.1");
    }
}
