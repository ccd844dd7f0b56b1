package io.seire.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.platform.testing.TestDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read-your-writes asks {@link EventTable#audited} whether every event up to a position has its audit entry. Right
 * after a large import the planner's statistics still describe the project as it was before; the question must stay
 * one index lookup per event even then (issue 16: it compared every imported event with every entry of the project).
 */
class EventTableAuditedTest {

    private static final int IMPORTED = 10_000;

    @Test
    void after_a_large_import_the_planner_has_not_seen_each_event_is_looked_up_by_position_not_compared_with_every_entry()
            throws Exception {
        DataSource db = TestDatabase.fresh("audited_plan_" + ProcessHandle.current().pid());
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.execute("ALTER TABLE domainevententry SET (autovacuum_enabled = false)");
        jdbc.execute("ALTER TABLE audit_entry SET (autovacuum_enabled = false)");
        append(jdbc, "P-import", 0, 3);
        jdbc.execute("ANALYZE domainevententry");
        jdbc.execute("ANALYZE audit_entry");
        append(jdbc, "P-import", 3, IMPORTED); // the import, which the statistics have not seen
        long last = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        EventTable events = new EventTable(jdbc);

        assertThat(events.audited(0, last, "P-import")).isTrue();
        assertThat(events.audited(0, last, null)).isTrue();
        for (String stream : new String[] {"P-import", null}) {
            JsonNode plan = new ObjectMapper().readTree(explain(jdbc, stream, last));
            assertThat(rowsReadInVain(plan)).as("rows compared in vain, stream " + stream)
                    .isLessThan(IMPORTED);
        }

        jdbc.update("DELETE FROM audit_entry WHERE position = ?", last - IMPORTED / 2);
        assertThat(events.audited(0, last, "P-import")).isFalse();
        assertThat(events.audited(0, last, null)).isFalse();
        assertThat(events.audited(last - IMPORTED / 2, last, "P-import")).as("after the missing entry").isTrue();
    }

    private static String explain(JdbcTemplate jdbc, String stream, long last) {
        String sql = "EXPLAIN (ANALYZE, FORMAT JSON) "
                + EventTable.UNAUDITED.formatted(stream == null ? "" : "AND d.aggregateidentifier = :stream ");
        var statement = JdbcClient.create(jdbc).sql(sql).param("from", 0L).param("to", last);
        if (stream != null) {
            statement = statement.param("stream", stream);
        }
        return statement.query(String.class).single();
    }

    /** Rows the plan read and threw away, over every loop of every node (EXPLAIN gives them per loop). */
    private static long rowsReadInVain(JsonNode node) {
        long removed = (node.path("Rows Removed by Join Filter").asLong(0) + node.path("Rows Removed by Filter").asLong(0))
                * Math.max(1, node.path("Actual Loops").asLong(1));
        for (JsonNode child : node) {
            removed += rowsReadInVain(child);
        }
        return removed;
    }

    /** Events {@code from} to {@code from + count - 1} of a project, each with its audit entry. */
    private static void append(JdbcTemplate jdbc, String project, int from, int count) {
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload, "
                + "payloadtype, timestamp) SELECT ?, s, 'Project', ? || s, convert_to('{}', 'UTF8'), 'Recorded', "
                + "'2026-12-01T06:00:00.000Z' FROM generate_series(?, ?) s", project, project + "-", from, from + count - 1);
        jdbc.update("INSERT INTO audit_entry (position, project_id, sequence, recorded_at, type, summary, subjects) "
                + "SELECT globalindex, aggregateidentifier, sequencenumber, now(), 'Recorded', 'recorded', '{}' "
                + "FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber >= ?", project, from);
    }
}
