package io.seire.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.query.read.ProjectionRebuild;
import io.seire.query.read.Projections;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ops/rebuild} empties the views and resets the tokens in one transaction: a death in between changes
 * nothing, and it refuses to start while another node holds a claim. A completed rebuild gives the same rows.
 */
class ProjectionRebuildTest extends ApiTestBase {

    @Autowired
    DataSource dataSource;
    @Autowired
    ProjectionRebuild rebuild;

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @AfterEach
    void noHook() throws Exception {
        hook(() -> { });
    }

    private long someRecordedFacts() {
        String project = SeedProject.CODE + "-" + unique("rebuild");
        long position = SeedProject.setUp(admin, project);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("budgetLine", "AT6-TRAVEL");
            body.put("amount", "1" + i + ".50");
            body.put("incurredOn", "2024-07-0" + (i + 1));
            Api.Response r = admin.post("/api/v1/projects/" + Api.seg(project) + "/expenditures", body);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            position = r.position();
        }
        assertThat(admin.get("/api/v1/projects?minPosition=" + position).status()).isEqualTo(200);
        return position;
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (String table : ProjectionRebuild.VIEW_TABLES) {
            rows.put(table, jdbc().queryForList("SELECT * FROM " + table + " ORDER BY 1, 2").toString());
        }
        rows.put("tokens", jdbc().queryForList("SELECT segment, token FROM tokenentry WHERE processorname = ? "
                + "ORDER BY segment", Projections.GROUP).stream()
                .map(r -> r.get("segment") + ":" + java.util.Arrays.toString((byte[]) r.get("token"))).toList());
        return rows;
    }

    @Test
    void a_death_between_emptying_the_views_and_resetting_the_tokens_changes_nothing() throws Exception {
        someRecordedFacts();
        Map<String, Object> before = snapshot();
        // as if the process were killed there: PostgreSQL loses the connection and ends the transaction
        hook(() -> jdbc().execute("SELECT pg_terminate_backend(pg_backend_pid())"));

        assertThatThrownBy(() -> rebuild.rebuild(p -> { }, Duration.ofMillis(50))).isInstanceOf(RuntimeException.class);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM expenditure_version", Long.class)).isPositive();
        // the processor goes on: a new write is still seen
        someRecordedFacts();
    }

    @Test
    void a_claim_held_by_another_node_refuses_the_rebuild_with_a_clear_message_and_changes_nothing() throws Exception {
        someRecordedFacts();
        ProjectionRebuild.ClaimedElsewhere refused = null;
        Map<String, Object> before = snapshot();
        jdbc().update("UPDATE tokenentry SET owner = 'query-node-2@elsewhere', timestamp = ? WHERE processorname = ?",
                Instant.now().toString(), Projections.GROUP);
        try {
            rebuild.rebuild(p -> { }, Duration.ofMillis(50));
        } catch (ProjectionRebuild.ClaimedElsewhere e) {
            refused = e;
        } finally {
            jdbc().update("UPDATE tokenentry SET owner = NULL WHERE processorname = ? AND owner = ?",
                    Projections.GROUP, "query-node-2@elsewhere");
        }
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("query-node-2@elsewhere").contains("Stop every query node")
                .contains("nothing was changed");
        Map<String, Object> after = snapshot();
        assertThat(after.get("expenditure_version")).isEqualTo(before.get("expenditure_version"));
        someRecordedFacts();
    }

    @Test
    void a_rebuild_gives_the_same_rows_as_the_live_projection() throws Exception {
        long position = someRecordedFacts();
        Map<String, Object> before = snapshot();
        before.remove("tokens");

        ProjectionRebuild.Progress done = rebuild.rebuild(p -> { }, Duration.ofMillis(50));

        assertThat(done.done()).isTrue();
        Map<String, Object> after = snapshot();
        after.remove("tokens");
        assertThat(after).isEqualTo(before);
        assertThat(admin.get("/api/v1/projects?minPosition=" + position).status()).isEqualTo(200);
    }

    private void hook(Runnable hook) throws Exception {
        Method set = ProjectionRebuild.class.getDeclaredMethod("betweenTruncateAndReset", Runnable.class);
        set.setAccessible(true);
        set.invoke(rebuild, hook);
    }
}
