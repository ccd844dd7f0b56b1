package io.seire.ops;

import io.seire.platform.testing.Api;

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
 * nothing, and it refuses to start while another node holds a claim. A completed rebuild gives the same rows, byte
 * for byte, though it loads them in bulk (ADR 0038).
 */
class ProjectionRebuildTest extends ApiTestBase {

    @Autowired
    DataSource dataSource;
    @Autowired
    ProjectionRebuild rebuild;
    @Autowired
    io.seire.query.read.BulkLoad bulkLoad;

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** The projections of the other contexts cached in this JVM (other nodes, as ops/rebuild sees them). */
    private List<org.axonframework.eventhandling.StreamingEventProcessor> others = List.of();

    /** A rebuild asks every other node to be stopped: the other contexts of this test JVM are other nodes. */
    @org.junit.jupiter.api.BeforeEach
    void theOnlyNodeProjecting() {
        others = ContextsOfThisJvm.stopProjectionsBeside(context);
    }

    @AfterEach
    void noHook() throws Exception {
        hook(() -> { });
        replayHook(() -> { });
        others.forEach(org.axonframework.eventhandling.StreamingEventProcessor::start);
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
            // the rows as a sorted list of their text: ORDER BY 1, 2 leaves rows that share both columns (spending_day's
            // days of one line) in whatever order the table holds them, which a rebuild may change
            rows.put(table, jdbc().queryForList("SELECT * FROM " + table + " ORDER BY 1, 2").stream()
                    .map(Object::toString).sorted().toList().toString());
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

    @Autowired
    io.seire.query.read.ProjectionProgress progress;

    /**
     * Another node that takes every segment the reset released (it started during the rebuild) replays them itself:
     * this node cannot see when the views are complete, so it stops with the usual refusal instead of waiting for
     * ever, and builds the dropped indexes again. Here the other node holds every token row from the moment the reset
     * commits (its lock was asked for first, so it is granted first), and this node's processor claims none.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 240) // without the refusal the rebuild would wait for ever
    void a_rebuild_whose_segments_another_node_takes_as_it_starts_stops_with_the_same_refusal() throws Exception {
        long position = someRecordedFacts();
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread otherNode = new Thread(() -> {
            try (java.sql.Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (java.sql.PreparedStatement lock = connection.prepareStatement(
                        "SELECT segment FROM tokenentry WHERE processorname = ? FOR UPDATE")) {
                    lock.setString(1, Projections.GROUP);
                    lock.executeQuery().close(); // waits for the rebuild's transaction to commit
                }
                held.countDown();
                release.await();
                connection.rollback();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "other-query-node");
        hook(otherNode::start); // inside the rebuild's transaction, which holds the token rows until it commits
        ProjectionRebuild.ClaimedElsewhere refused = null;
        try {
            rebuild.rebuild(p -> { }, Duration.ofMillis(50));
        } catch (ProjectionRebuild.ClaimedElsewhere e) {
            refused = e;
        } finally {
            release.countDown();
            otherNode.join(10_000);
        }
        assertThat(held.getCount()).isZero();
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("Another Seire node claimed").contains("Stop every query node");
        assertThat(jdbc().queryForObject("SELECT count(*) FROM projection_rebuild_index", Long.class)).isZero();
        // once the other node lets go, this one claims the segments and replays everything
        long started = System.nanoTime();
        while (!progress.reachedPosition(position) && System.nanoTime() - started < 180_000_000_000L) {
            Thread.sleep(200);
        }
        assertThat(progress.reachedPosition(position)).isTrue();
        someRecordedFacts();
    }

    /** Also: the end of the replay is noticed at once, not when the next progress report is due (an hour here). */
    @Test
    @org.junit.jupiter.api.Timeout(value = 240)
    void a_rebuild_gives_the_same_rows_as_the_live_projection() throws Exception {
        long position = someRecordedFacts();
        Map<String, Object> before = snapshot();
        before.remove("tokens");
        List<ProjectionRebuild.Progress> reports = new java.util.ArrayList<>();

        ProjectionRebuild.Progress done = rebuild.rebuild(reports::add, Duration.ofHours(1));

        assertThat(done.done()).isTrue();
        assertThat(reports).as("the first report is due at once, the next in an hour, yet the end came before it")
                .hasSizeLessThanOrEqualTo(2);
        Map<String, Object> after = snapshot();
        after.remove("tokens");
        assertThat(after).isEqualTo(before);
        assertThat(admin.get("/api/v1/projects?minPosition=" + position).status()).isEqualTo(200);
    }

    /**
     * A history with every kind of change a projection folds: corrections, cancellations, retractions, values and a
     * budget revision back-dated before facts already recorded, free text COPY must escape, a foreign-currency amount,
     * hires and a departure, a work plan through approval, a reimbursement request through payment.
     */
    private long aHistoryOfEveryKindOfChange() {
        String programme = unique("Šveitsi-Eesti koostööprogramm rebuild");
        assertThat(admin.post("/api/v1/programmes", AccessMatrixTest.programme(programme)).status()).isEqualTo(201);
        String project = unique("rebuild-Ž");
        String base = "/api/v1/projects/" + Api.seg(project);
        ok(admin.post("/api/v1/projects", AccessMatrixTest.body("id", project, "name", "Õigused \\ \"ümber\"",
                "programme", programme, "component", "C1", "beneficiary", "KÜSK", "currency", "EUR",
                "eligibleFrom", "2024-06-01", "eligibleTo", "2026-12-31", "flexibilityPercent", "10",
                "reportingPeriods", List.of(
                        AccessMatrixTest.body("id", "2024", "from", "2024-06-01", "to", "2024-12-31"),
                        AccessMatrixTest.body("id", "2025", "from", "2025-01-01", "to", "2025-12-31")))));
        ok(admin.post(base + "/sub-activities", AccessMatrixTest.body("code", "1", "name", "Üks")));
        ok(admin.post(base + "/budget-lines", AccessMatrixTest.body("code", "L", "subActivity", "1",
                "costCategory", "STAFF", "planned", "10000.00")));
        ok(admin.post(base + "/budget-lines", AccessMatrixTest.body("code", "S", "subActivity", "1",
                "costCategory", "SERVICES", "planned", "5000.00")));
        ok(admin.post(base + "/indicators", AccessMatrixTest.body("code", "O1", "name", "Näitaja", "unit", "tk",
                "kind", "OUTPUT", "measure", "NUMBER", "aggregation", "SUM", "ascending", true, "baseline", "0",
                "target", "5")));
        ok(admin.post(base + "/positions", AccessMatrixTest.body("code", "POS", "title", "Projektijuht",
                "subActivities", List.of("1"), "openedOn", "2024-06-01")));
        for (int i = 1; i <= 6; i++) {
            ok(admin.post(base + "/expenditures", AccessMatrixTest.body("id", "X" + i, "budgetLine", i % 2 == 0 ? "L" : "S",
                    "amount", i + "0.25", "incurredOn", "2025-03-0" + i, "paidOn", "2025-03-1" + i,
                    "supplier", "Tarnija\tõ " + i, "invoice", "A-" + i, "description", "Rida üks\nrida \\ kaks")));
        }
        // back-dated: recorded after the 2025 facts, incurred in 2024
        ok(admin.post(base + "/expenditures", AccessMatrixTest.body("id", "X0", "budgetLine", "L", "amount", "99.99",
                "incurredOn", "2024-07-01", "paidOn", "2024-07-15")));
        ok(admin.post(base + "/expenditures/X2/corrections", AccessMatrixTest.body("amount", "21.00",
                "reason", "Parandus\r\nteine rida")));
        ok(admin.post(base + "/expenditures/X2/corrections", AccessMatrixTest.body("incurredOn", "2024-08-01",
                "reason", "Tagantjärele")));
        ok(admin.post(base + "/expenditures/X3/cancellation", AccessMatrixTest.body("reason", "Topelt")));
        // an import: its rows in one event, sharing its position; one corrected, one cancelled after it
        ok(admin.postRaw(base + "/expenditures/import?file=marts.csv", "text/csv",
                ("id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n"
                        + "I1;L;10,00;05.03.2025;;Tarnija õ;I-1;\"Imporditud\trida \\ üks\"\n"
                        + "I2;S;20,00;05.03.2025;;Tarnija;I-2;Teine\n"
                        + "I3;S;30,00;01.07.2024;;;I-3;\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ok(admin.post(base + "/expenditures/I1/corrections", AccessMatrixTest.body("amount", "11.00",
                "reason", "Imporditu parandus")));
        ok(admin.post(base + "/expenditures/I3/cancellation", AccessMatrixTest.body("reason", "Vale rida")));
        ok(admin.post(base + "/budget-lines/L/revisions", AccessMatrixTest.body("planned", "9000.00",
                "effectiveFrom", "2024-06-01", "reason", "Tagasiulatuv muudatus")));
        ok(admin.post(base + "/indicators/O1/values", AccessMatrixTest.body("id", "V1", "period", "2025", "value", "2",
                "note", "Märkus\tveerus")));
        ok(admin.post(base + "/indicators/O1/values", AccessMatrixTest.body("id", "V0", "period", "2024", "value", "1")));
        ok(admin.post(base + "/indicators/O1/values/V1/corrections", AccessMatrixTest.body("value", "3",
                "reason", "Parandus")));
        ok(admin.post(base + "/indicators/O1/values/V0/retraction", AccessMatrixTest.body("reason", "Vale")));
        for (String period : List.of("2025", "2024", "2025")) {
            ok(admin.post(base + "/sub-activities/1/progress", AccessMatrixTest.body("period", period,
                    "status", "ON_TRACK", "summary", "Kõik hästi\n\\ \"tsitaat\"\t" + period,
                    "problems", "Probleem", "measures", "Meede", "nextSteps", "Edasi")));
        }
        ok(admin.post(base + "/positions/POS/hires", AccessMatrixTest.body("staffId", "S1", "name", "Maris Praats",
                "startDate", "2024-06-03", "workloadPercent", "100")));
        ok(admin.post(base + "/staff/S1/departure", AccessMatrixTest.body("endDate", "2024-11-29")));
        ok(admin.post(base + "/positions/POS/hires", AccessMatrixTest.body("staffId", "S2", "name", "Elmo Puidet",
                "startDate", "2024-12-01", "workloadPercent", "50")));
        ok(admin.post(base + "/work-plans", AccessMatrixTest.workPlan()));
        ok(admin.post(base + "/work-plans/2025/submission", AccessMatrixTest.body()));
        ok(admin.post(base + "/work-plans/2025/return", AccessMatrixTest.body("comment", "Täienda")));
        ok(admin.post(base + "/work-plans", AccessMatrixTest.workPlan()));
        ok(admin.post(base + "/work-plans/2025/submission", AccessMatrixTest.body()));
        ok(admin.post(base + "/work-plans/2025/approval", AccessMatrixTest.body("comment", "Sobib")));
        ok(admin.post(base + "/reimbursement-requests", AccessMatrixTest.claim("RR")));
        ok(admin.post(base + "/reimbursement-requests/RR/approval", AccessMatrixTest.body()));
        long last = ok(admin.post(base + "/reimbursement-requests/RR/payment",
                AccessMatrixTest.body("paidOn", "2025-02-01", "amount", "50.00")));
        assertThat(admin.get("/api/v1/projects?minPosition=" + last).status()).isEqualTo(200);
        return last;
    }

    private static long ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        return r.position();
    }

    /** Every read table's full contents, each row as PostgreSQL writes it as text, in order. */
    private Map<String, List<String>> everyReadTable() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        List<String> names = new java.util.ArrayList<>(ProjectionRebuild.VIEW_TABLES);
        names.addAll(List.of("event_chain", "report", "report_decision")); // kept by a rebuild, not recomputed
        for (String table : names) {
            tables.put(table, jdbc().queryForList("SELECT t::text FROM " + table + " t ORDER BY 1", String.class));
        }
        tables.put("indexes", jdbc().queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                + "ORDER BY indexname", String.class));
        return tables;
    }

    @Test
    void a_rebuild_writes_read_tables_byte_identical_to_the_live_projection_of_the_same_events() throws Exception {
        long position = aHistoryOfEveryKindOfChange();
        Map<String, List<String>> live = everyReadTable();
        assertThat(live.get("expenditure_version")).anyMatch(row -> row.contains("\n") && row.contains("\t")); // COPY had text to escape
        assertThat(projectsWhoseStateIsNotTheirLastAuditedEvent()).isEmpty();

        ProjectionRebuild.Progress done = rebuild.rebuild(p -> { }, Duration.ofMillis(50));

        assertThat(done.done()).isTrue();
        assertThat(rebuild.lastReplay().complete()).as("replayed by the rebuild itself, not left to the processor")
                .isTrue();
        Map<String, List<String>> rebuilt = everyReadTable();
        for (String table : live.keySet()) {
            assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(live.get(table));
        }
        assertThat(jdbc().queryForObject("SELECT count(*) FROM projection_rebuild_index", Long.class)).isZero();
        assertThat(admin.get("/api/v1/projects?minPosition=" + position).status()).isEqualTo(200);
        assertThat(projectsWhoseStateIsNotTheirLastAuditedEvent()).isEmpty();
    }

    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;

    /** Where each of the processor's segments stands now. */
    private Map<Integer, Long> segmentPositions() {
        Map<Integer, Long> positions = new java.util.TreeMap<>();
        processing.eventProcessor(Projections.GROUP, org.axonframework.eventhandling.StreamingEventProcessor.class)
                .orElseThrow().processingStatus().forEach((segment, status) ->
                        positions.put(segment, status.getCurrentPosition().orElse(-1L)));
        return positions;
    }

    /**
     * The rebuild replays the events itself, each only in its own segment (ADR 0053): every event up to the head is
     * handled by it, none is left to the processor, and every segment, those that had none of the events too, stands
     * at the head afterwards, so the processor goes on from there.
     */
    @Test
    void the_rebuild_replays_every_event_itself_and_leaves_every_segment_at_the_head() throws Exception {
        someRecordedFacts();
        someRecordedFacts();
        long head = jdbc().queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        long events = jdbc().queryForObject("SELECT count(*) FROM domainevententry WHERE globalindex <= ?", Long.class,
                head);

        assertThat(rebuild.rebuild(p -> { }, Duration.ofMillis(50)).done()).isTrue();

        io.seire.query.read.RebuildReplay.Outcome replayed = rebuild.lastReplay();
        assertThat(replayed.complete()).as(String.valueOf(replayed.failure())).isTrue();
        assertThat(replayed.handled()).isEqualTo(events);
        Map<Integer, Long> positions = segmentPositions();
        assertThat(positions).hasSize(4);
        assertThat(positions.values()).allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(head));
        someRecordedFacts(); // and the processor projects what comes next
    }

    /**
     * A batch of the replay that fails stops the replay: the batches committed before stay, with their segments'
     * tokens, and the processor goes on from those tokens (handling no event twice, which a bulk load's COPY would
     * refuse) to the same rows as the live projection.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 240)
    void a_replay_that_fails_part_way_leaves_the_processor_to_go_on_from_its_tokens_to_the_same_rows()
            throws Exception {
        for (int i = 0; i < 4; i++) {
            someRecordedFacts(); // projects in several segments: more than one batch to replay
        }
        long head = jdbc().queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        Map<String, Object> before = snapshot();
        before.remove("tokens");
        java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
        replayHook(() -> {
            if (batches.incrementAndGet() == 2) {
                throw new IllegalStateException("a projection failed on this batch");
            }
        });

        ProjectionRebuild.Progress done = rebuild.rebuild(p -> { }, Duration.ofMillis(50));

        assertThat(done.done()).isTrue();
        io.seire.query.read.RebuildReplay.Outcome replayed = rebuild.lastReplay();
        assertThat(replayed.complete()).isFalse();
        assertThat(replayed.failure()).hasMessageContaining("a projection failed on this batch");
        assertThat(replayed.handled()).as("the first batch committed before the second failed").isPositive();
        Map<String, Object> after = snapshot();
        after.remove("tokens");
        assertThat(after).isEqualTo(before);
        assertThat(segmentPositions().values()).allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(head));
        assertThat(jdbc().queryForObject("SELECT count(*) FROM projection_rebuild_index", Long.class)).isZero();
    }

    /** Every project's projected_to (the state roll-ups remember figures by) is the position of its last event. */
    private List<String> projectsWhoseStateIsNotTheirLastAuditedEvent() {
        return jdbc().queryForList("SELECT p.project_id FROM project p WHERE p.projected_to IS DISTINCT FROM "
                + "(SELECT max(a.position) FROM audit_entry a WHERE a.project_id = p.project_id)", String.class);
    }

    @Test
    void the_view_indexes_a_rebuild_that_died_had_dropped_are_re_created_when_a_node_starts() {
        someRecordedFacts();
        String definition = jdbc().queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = "
                + "'audit_entry_by_time'", String.class);
        // what a rebuild that died after emptying the views leaves behind: the index dropped, its definition kept
        jdbc().update("INSERT INTO projection_rebuild_index (name, definition) VALUES ('audit_entry_by_time', ?)",
                definition);
        jdbc().execute("DROP INDEX audit_entry_by_time");

        bulkLoad.restoreIndexesOnStart(); // what a node runs when it starts

        assertThat(jdbc().queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'audit_entry_by_time'",
                String.class)).isEqualTo(definition);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM projection_rebuild_index", Long.class)).isZero();
    }

    private void replayHook(Runnable hook) throws Exception {
        Method set = ProjectionRebuild.class.getDeclaredMethod("beforeReplayBatch", Runnable.class);
        set.setAccessible(true);
        set.invoke(rebuild, hook);
    }

    private void hook(Runnable hook) throws Exception {
        Method set = ProjectionRebuild.class.getDeclaredMethod("betweenTruncateAndReset", Runnable.class);
        set.setAccessible(true);
        set.invoke(rebuild, hook);
    }
}
