package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Finance end to end over HTTP: record, correct, cancel, import and read budget execution, against figures computed
 * by hand below.
 */
class FinanceApiTest extends ApiTestBase {

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("projectCache")
    org.axonframework.common.caching.Cache projectCache;

    private String project;
    private String base;
    private Api finance;
    private long position;

    @BeforeEach
    void project() {
        project = SeedProject.CODE + "-" + unique("fin");
        base = "/api/v1/projects/" + Api.seg(project);
        position = SeedProject.setUp(admin, project);
        finance = user("FINANCE", List.of(project), List.of());
    }

    private Api.Response spend(String id, String line, String amount, String incurred, String supplier, String invoice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("budgetLine", line);
        body.put("amount", amount);
        body.put("incurredOn", incurred);
        body.put("paidOn", incurred);
        body.put("supplier", supplier);
        body.put("invoice", invoice);
        body.put("description", "Kulu " + id + " – šokolaad ja õunad 🍎");
        Api.Response r = finance.post(base + "/expenditures", body);
        if (r.status() == 201) {
            position = Math.max(position, r.position());
        }
        return r;
    }

    private void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        position = Math.max(position, r.position());
    }

    private JsonNode execution(String query) {
        Api.Response r = finance.get(base + "/budget-execution?" + query + "&minPosition=" + position);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static Map<String, JsonNode> byCode(JsonNode lines, String key) {
        Map<String, JsonNode> map = new HashMap<>();
        lines.forEach(l -> map.put(l.path(key).asText(), l));
        return map;
    }

    private static void figures(JsonNode row, String original, String planned, String inPeriod, String cumulative,
                                String remaining, String percent) {
        assertThat(row.path("originalPlanned").asText()).as("originalPlanned of " + row).isEqualTo(original);
        assertThat(row.path("planned").asText()).as("planned of " + row).isEqualTo(planned);
        assertThat(row.path("spentInPeriod").asText()).as("spentInPeriod of " + row).isEqualTo(inPeriod);
        assertThat(row.path("spentCumulative").asText()).as("spentCumulative of " + row).isEqualTo(cumulative);
        assertThat(row.path("remaining").asText()).as("remaining of " + row).isEqualTo(remaining);
        assertThat(row.path("executionPercent").asText()).as("executionPercent of " + row).isEqualTo(percent);
    }

    @Test
    void budget_execution_equals_a_hand_computation_cent_for_cent() throws Exception {
        ok(spend("E1", "AT6-STAFF", "3333.33", "2024-07-31", null, null));
        ok(spend("E2", "AT6-STAFF", "3333.33", "2024-08-31", null, null));
        ok(spend("E3", "AT1-SERVICES", "1500.00", "2024-09-15", "OÜ Nõustaja", "S-1"));
        ok(spend("E4", "AT6-TRAVEL", "845.20", "2024-10-02", "Lennufirma", "T-9"));
        ok(spend("E5", "AT6-STAFF", "3333.34", "2024-12-31", null, null));
        ok(spend("E6", "AT6-TRAVEL", "100.00", "2024-11-06", "Lennufirma", "T-10"));
        ok(finance.post(base + "/expenditures/E6/cancellation", Map.of("reason", "Topelt sisestatud")));
        Thread.sleep(20);
        Instant beforeCorrections = Instant.now();
        Thread.sleep(20);
        ok(spend("E7", "AT6-STAFF", "4000.01", "2025-01-31", null, null));
        ok(spend("E8", "AT1-SERVICES", "2500.00", "2025-02-10", "OÜ Nõustaja", "S-2"));
        ok(finance.post(base + "/expenditures/E3/corrections", Map.of("amount", "1600.00", "incurredOn", "2025-01-15",
                "reason", "Arve kuupäev ja summa parandatud")));
        ok(admin.post(base + "/budget-lines/AT6-STAFF/revisions", Map.of("planned", "380000.00",
                "effectiveFrom", "2025-01-01", "reason", "Eelarve muudatus nr 1")));
        String csv = "id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n"
                + "K-1;AT6-TRAVEL;120,50;01.03.2025;;Bussifirma;B-1;Sõit Narva\n"
                + "K-2;AT1-SERVICES;80,00;15.12.2024;;Kohvik Ülle;K-77;Töötoa toitlustus\n";
        Api.Response imported = finance.postRaw(base + "/expenditures/import?file=jaanuar.csv", "text/csv; charset=UTF-8",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(2);
        position = imported.position();

        // ---- 2024: STAFF 10000.00, AT1 only the back-dated 80.00 (E3 moved to 2025), TRAVEL 845.20 (E6 cancelled),
        //      INDIRECT 15 % of 10000.00 = 1500.00; the STAFF revision is effective only from 2025.
        JsonNode y2024 = execution("period=2024");
        Map<String, JsonNode> lines = byCode(y2024.path("lines"), "code");
        figures(lines.get("AT6-STAFF"), "400000.00", "400000.00", "10000.00", "10000.00", "390000.00", "2.50");
        figures(lines.get("AT1-SERVICES"), "120000.00", "120000.00", "80.00", "80.00", "119920.00", "0.07");
        figures(lines.get("AT6-TRAVEL"), "20000.00", "20000.00", "845.20", "845.20", "19154.80", "4.23");
        figures(lines.get("AT6-INDIRECT"), "60000.00", "60000.00", "1500.00", "1500.00", "58500.00", "2.50");
        figures(lines.get("AT2-SERVICES"), "80000.00", "80000.00", "0.00", "0.00", "80000.00", "0.00");
        figures(y2024.path("totals"), "810000.00", "810000.00", "12425.20", "12425.20", "797574.80", "1.53");
        figures(byCode(y2024.path("subActivities"), "subActivity").get("6"),
                "480000.00", "480000.00", "12345.20", "12345.20", "467654.80", "2.57");
        figures(byCode(y2024.path("costCategories"), "costCategory").get("SERVICES"),
                "330000.00", "330000.00", "80.00", "80.00", "329920.00", "0.02");
        assertThat(y2024.path("from").asText()).isEqualTo("2024-06-01");
        assertThat(y2024.path("to").asText()).isEqualTo("2024-12-31");

        // ---- 2025: STAFF planned 380000.00 from 2025; INDIRECT cumulative round(14000.01 × 15 %) = 2100.00, so
        //      600.00 in the period; AT1 E3 (1600.00) + E8 (2500.00).
        JsonNode y2025 = execution("period=2025");
        lines = byCode(y2025.path("lines"), "code");
        figures(lines.get("AT6-STAFF"), "400000.00", "380000.00", "4000.01", "14000.01", "365999.99", "3.68");
        figures(lines.get("AT1-SERVICES"), "120000.00", "120000.00", "4100.00", "4180.00", "115820.00", "3.48");
        figures(lines.get("AT6-TRAVEL"), "20000.00", "20000.00", "120.50", "965.70", "19034.30", "4.83");
        figures(lines.get("AT6-INDIRECT"), "60000.00", "57000.00", "600.00", "2100.00", "54900.00", "3.68");
        figures(y2025.path("totals"), "810000.00", "787000.00", "8820.51", "21245.71", "765754.29", "2.70");

        // ---- to=2025-02-15: the period 2025 up to that day (K-1 on 1 March not yet)
        JsonNode toFeb = execution("to=2025-02-15");
        lines = byCode(toFeb.path("lines"), "code");
        assertThat(toFeb.path("from").asText()).isEqualTo("2025-01-01");
        figures(lines.get("AT6-TRAVEL"), "20000.00", "20000.00", "0.00", "845.20", "19154.80", "4.23");
        figures(lines.get("AT6-INDIRECT"), "60000.00", "57000.00", "600.00", "2100.00", "54900.00", "3.68");

        // ---- as recorded before the corrections: E3 still in 2024 at 1500.00, no K-2, no revision
        JsonNode then = execution("period=2024&asOf=" + beforeCorrections);
        lines = byCode(then.path("lines"), "code");
        figures(lines.get("AT1-SERVICES"), "120000.00", "120000.00", "1500.00", "1500.00", "118500.00", "1.25");

        // ---- the list shows each item's history
        Api.Response list = finance.get(base + "/expenditures?minPosition=" + position);
        assertThat(list.json().path("total").asInt()).isEqualTo(10);
        Map<String, JsonNode> items = byCode(list.json().path("items"), "id");
        JsonNode e3 = items.get("E3");
        assertThat(e3.path("amount").asText()).isEqualTo("1600.00");
        assertThat(e3.path("status").asText()).isEqualTo("RECORDED");
        assertThat(e3.path("history")).hasSize(1);
        JsonNode correction = e3.path("history").get(0);
        assertThat(correction.path("type").asText()).isEqualTo("CORRECTED");
        assertThat(correction.path("changes").path("amount").toString()).isEqualTo("{\"from\":\"1500.00\",\"to\":\"1600.00\"}");
        assertThat(correction.path("changes").path("incurredOn").toString()).isEqualTo("{\"from\":\"2024-09-15\",\"to\":\"2025-01-15\"}");
        assertThat(correction.path("reason").asText()).isEqualTo("Arve kuupäev ja summa parandatud");
        assertThat(correction.path("actor").asText()).startsWith("finance");
        assertThat(items.get("E6").path("status").asText()).isEqualTo("CANCELLED");
        assertThat(items.get("E6").path("history").get(0).path("type").asText()).isEqualTo("CANCELLED");
        assertThat(items.get("E1").path("description").asText()).isEqualTo("Kulu E1 – šokolaad ja õunad 🍎");
        assertThat(items.get("K-2").path("supplier").asText()).isEqualTo("Kohvik Ülle");

        Api.Response period2024 = finance.get(base + "/expenditures?period=2024&budgetLine=AT6-STAFF");
        assertThat(period2024.json().path("items").findValuesAsText("id")).containsExactly("E1", "E2", "E5");

        // ---- the same file again records nothing new
        Api.Response again = finance.postRaw(base + "/expenditures/import?file=jaanuar.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("imported").asInt()).isEqualTo(0);
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(2);
    }

    @Test
    void budget_rules_are_applied_at_once_with_a_clear_message() {
        ok(spend("B1", "AT6-TRAVEL", "22000.00", "2024-07-01", null, null));
        Api.Response over = spend("B2", "AT6-TRAVEL", "0.01", "2024-07-02", null, null);
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().path("detail").asText()).contains("AT6-TRAVEL").contains("22000.01")
                .contains("10 % flexibility");

        ok(spend("B3", "AT1-SERVICES", "100.00", "2024-07-01", "OÜ Õun", "Ä-1"));
        Api.Response duplicate = spend("B4", "AT1-SERVICES", "50.00", "2024-07-03", "OÜ Õun", "Ä-1");
        assertThat(duplicate.status()).isEqualTo(409);
        Map<String, Object> flagged = new LinkedHashMap<>(Map.of("id", "B4", "budgetLine", "AT1-SERVICES",
                "amount", "50.00", "incurredOn", "2024-07-03", "supplier", "OÜ Õun", "invoice", "Ä-1",
                "allowDuplicateInvoice", true));
        assertThat(finance.post(base + "/expenditures", flagged).status()).isEqualTo(201);

        Api.Response outside = spend("B5", "AT1-SERVICES", "10.00", "2028-08-01", null, null);
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().path("errors").get(0).path("field").asText()).isEqualTo("incurredOn");

        Api.Response badDate = spend("B6", "AT1-SERVICES", "10.00", "2024-02-30", null, null);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(spend("B7", "AT1-SERVICES", "10.001", "2024-07-01", null, null).status()).isEqualTo(400);
        assertThat(spend("B8", "AT1-SERVICES", "-10.00", "2024-07-01", null, null).status()).isEqualTo(400);
        assertThat(spend("B9", "AT6-INDIRECT", "10.00", "2024-07-01", null, null).status()).isEqualTo(422);
        assertThat(spend("B10", "NOPE", "10.00", "2024-07-01", null, null).status()).isEqualTo(422);
        assertThat(finance.post(base + "/expenditures/NOPE/cancellation", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(finance.post(base + "/expenditures/B3/corrections", Map.of("amount", "1.00")).status()).isEqualTo(400);

        Api.Response reposted = spend("B3", "AT1-SERVICES", "100.00", "2024-07-01", "OÜ Õun", "Ä-1");
        assertThat(reposted.status()).isEqualTo(201);
        Api.Response conflicting = spend("B3", "AT1-SERVICES", "101.00", "2024-07-01", "OÜ Õun", "Ä-1");
        assertThat(conflicting.status()).isEqualTo(409);

        Api.Response noPeriod = finance.get(base + "/budget-execution");
        assertThat(noPeriod.status()).isEqualTo(400);
        assertThat(finance.get(base + "/budget-execution?to=2030-01-01").status()).isEqualTo(422);
        assertThat(finance.get(base + "/budget-execution?period=1999").status()).isEqualTo(422);
    }

    @Test
    void a_bad_import_lists_every_bad_row_and_records_nothing() {
        String csv = "id,budgetLine,amount,incurredOn,paidOn,supplier,invoice,description\n"
                + "I-1,AT1-SERVICES,10.00,2024-07-01,,,,\n"
                + "I-2,AT1-SERVICES,abc,2024-07-01,,,,\n"
                + "I-3,NOPE,10.00,2024-07-01,,,,\n"
                + "I-4,AT1-SERVICES,10.00,2023-04-31,,,,\n";
        Api.Response r = finance.postRaw(base + "/expenditures/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        List<String> rows = new ArrayList<>();
        r.json().path("errors").forEach(e -> rows.add(e.path("row").asInt() + ":" + e.path("column").asText()));
        assertThat(rows).containsExactly("3:amount", "4:budgetLine", "5:incurredOn");
        Api.Response list = finance.get(base + "/expenditures");
        assertThat(list.json().path("total").asInt()).isZero();
    }

    @Test
    void a_row_whose_quote_is_never_closed_is_refused_naming_it_instead_of_swallowing_the_next() {
        String csv = "id,budgetLine,amount,incurredOn,paidOn,supplier,invoice,description\n"
                + "Q-1,AT1-SERVICES,10.00,2024-07-01,,,,\"Kohv ja sai\n"
                + "Q-2,AT1-SERVICES,12.00,2024-07-02,,,,Tee\n";
        Api.Response r = finance.postRaw(base + "/expenditures/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().path("errors")).hasSize(1);
        assertThat(r.json().path("errors").get(0).path("row").asInt()).isEqualTo(2);
        assertThat(r.json().path("errors").get(0).path("message").asText()).contains("never closed");
        assertThat(finance.get(base + "/expenditures").json().path("total").asInt()).isZero();
    }

    @Test
    void the_same_idempotency_key_sent_concurrently_records_once_and_answers_the_same() throws Exception {
        Api keyed = finance.withHeader("Idempotency-Key", unique("key"));
        Map<String, Object> body = Map.of("budgetLine", "AT1-SERVICES", "amount", "12.34", "incurredOn", "2024-07-01");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Api.Response> call = () -> keyed.post(base + "/expenditures", body);
                answers.add(pool.submit(call));
            }
            String first = answers.get(0).get().body();
            for (Future<Api.Response> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(201);
                assertThat(answer.get().body()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
        Api.Response list = finance.get(base + "/expenditures?minPosition=" + Api.JSON.readTree(
                keyed.post(base + "/expenditures", body).body()).path("position").asLong());
        assertThat(list.json().path("total").asInt()).isEqualTo(1);
        assertThat(keyed.post(base + "/expenditures", Map.of("budgetLine", "AT1-SERVICES", "amount", "99.00",
                "incurredOn", "2024-07-01")).status()).isEqualTo(422);
    }

    /**
     * Writes racing for one project on one node wait in turn for the project's lock and then decide on the cached
     * project, which the lock holder left current: none is refused as a conflict and retried, and none drops the
     * project from the cache to replay its history (the version is checked after the lock, not before it).
     */
    @Test
    void concurrent_writes_to_one_project_on_one_node_take_turns_without_a_conflict_or_a_reload() throws Exception {
        ok(spend("V0", "AT1-SERVICES", "10.00", "2024-07-01", "OÜ Järjekord", "V-0")); // the project is cached now
        java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();
        org.axonframework.common.Registration listening = projectCache.registerCacheEntryListener(
                new org.axonframework.common.caching.Cache.EntryListenerAdapter() {
                    @Override
                    public void onEntryRemoved(Object key) {
                        if (project.equals(key)) {
                            dropped.incrementAndGet();
                        }
                    }
                });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                String id = "V" + i;
                Map<String, Object> body = Map.of("id", id, "budgetLine", "AT1-SERVICES", "amount", "10.00",
                        "incurredOn", "2024-07-01", "supplier", "OÜ Järjekord", "invoice", id);
                answers.add(pool.submit(() -> finance.post(base + "/expenditures", body)));
            }
            for (Future<Api.Response> answer : answers) {
                ok(answer.get()); // in this thread, after the writes
            }
        } finally {
            pool.shutdown();
            listening.cancel();
        }
        assertThat(dropped.get()).as("times the project was dropped from the cache").isZero();
        assertThat(finance.get(base + "/expenditures?minPosition=" + position).json().path("total").asInt())
                .isEqualTo(41);
    }

    /**
     * An event whose transaction commits after later events were already projected (its position was a gap in the
     * store until then) is projected at its own position, counted in every view and linked into the chain.
     */
    @Test
    void an_expenditure_committed_after_later_events_were_projected_is_still_counted() throws Exception {
        ok(spend("G1", "AT1-SERVICES", "100.00", "2024-07-01", "OÜ Hiline", "H-1"));
        long late;
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            // a writer outside the append lock, which every insert into the event table takes (ADR 0059) unless, as
            // here, a superuser's session turns the table's triggers off: its position stays a gap until it commits
            try (Statement replica = writer.createStatement()) {
                replica.execute("SET LOCAL session_replication_role = replica");
            }
            // what the event store writes for a second expenditure, held uncommitted like a slow writer's transaction
            Map<String, Object> last = new JdbcTemplate(new SingleConnectionDataSource(writer, true)).queryForMap(
                    "SELECT sequencenumber, type, metadata, payload, payloadrevision, payloadtype FROM domainevententry "
                            + "WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", project);
            String payload = new String((byte[]) last.get("payload"), StandardCharsets.UTF_8);
            assertThat(payload).contains("\"expenditureId\":\"G1\"");
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO domainevententry (aggregateidentifier, "
                    + "sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                    + "VALUES (?,?,?,?,?,?,?,?,?) RETURNING globalindex")) {
                insert.setString(1, project);
                insert.setLong(2, (Long) last.get("sequencenumber") + 1);
                insert.setString(3, (String) last.get("type"));
                insert.setString(4, java.util.UUID.randomUUID().toString());
                insert.setBytes(5, (byte[]) last.get("metadata"));
                insert.setBytes(6, payload.replace("\"G1\"", "\"G2\"").replace("100.00", "250.00")
                        .getBytes(StandardCharsets.UTF_8));
                insert.setString(7, (String) last.get("payloadrevision"));
                insert.setString(8, (String) last.get("payloadtype"));
                insert.setString(9, Instant.now().toString());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    late = rs.getLong(1);
                }
            }
            // meanwhile another project's events (above the open position) are written and projected
            String other = SeedProject.CODE + "-" + unique("other");
            long otherPosition = SeedProject.setUp(admin, other);
            assertThat(otherPosition).isGreaterThan(late);
            assertThat(admin.get("/api/v1/projects/" + Api.seg(other) + "/expenditures?minPosition=" + otherPosition)
                    .status()).isEqualTo(200);
            writer.commit();
        }
        Api.Response list = finance.get(base + "/expenditures?minPosition=" + late);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().path("items").forEach(e -> ids.add(e.path("id").asText() + "=" + e.path("amount").asText()));
        assertThat(ids).containsExactlyInAnyOrder("G1=100.00", "G2=250.00");
        JsonNode trail = admin.get(base + "/audit-trail?size=1000").json();
        List<Long> positions = new ArrayList<>();
        trail.path("items").forEach(e -> positions.add(e.path("position").asLong()));
        assertThat(positions).contains(late);
        JsonNode verification = admin.get(base + "/audit-trail/verification?minPosition=" + late).json();
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
    }
}
