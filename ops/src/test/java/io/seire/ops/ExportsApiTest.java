package io.seire.ops;

import io.seire.platform.eventstore.EventAppendOrder;
import io.seire.platform.testing.Api;
import io.seire.platform.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seire.query.QuerySideConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exports run on resources of their own (at most 4 at once, their own threads and connections) with a write timeout
 * (3 s in tests): readers that stop reading cannot starve other exports, reads or writes, and are cut off.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExportsApiTest extends ApiTestBase {

    private static final int MAX_CONCURRENT = 4;
    private static final String LAST_CHUNK = "\r\n0\r\n\r\n";

    @Autowired
    JdbcTemplate jdbc;

    /** Set up once for the tests of this class. */
    private static String longTrail;

    /** A project whose audit trail is about 5 MB as CSV: more than the socket buffers of both ends hold. */
    private synchronized String projectWithLongTrail() {
        if (longTrail != null) {
            return longTrail;
        }
        String project = unique("Eksport");
        String base = "/api/v1/projects/" + Api.seg(project);
        SeedProject.setUp(admin, project);
        // 16,000 expenditures recorded one by one, an event each, appended as the event store appends (under its
        // lock) and as an earlier version stored them (version 1, the description in the clear): an import would be
        // 16 events (ADR 0056), and 16,000 single requests would take the test a minute
        jdbc.update("WITH appending AS (SELECT pg_advisory_xact_lock(" + EventAppendOrder.APPEND_LOCK + ")), "
                        + "last AS (SELECT sequencenumber, metadata FROM domainevententry WHERE aggregateidentifier = ? "
                        + "ORDER BY sequencenumber DESC LIMIT 1) "
                        + "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                        + "metadata, payload, payloadrevision, payloadtype, timestamp) "
                        + "SELECT ?, last.sequencenumber + g, 'Project', gen_random_uuid()::text, last.metadata, "
                        + "convert_to(format('{\"projectId\":%s,\"expenditureId\":\"E-%s\",\"budgetLine\":"
                        + "\"AT6-STAFF\",\"amount\":1.00,\"incurredOn\":\"2024-07-01\",\"paidOn\":null,"
                        + "\"supplier\":\"OÜ Puu\",\"invoice\":\"A-%s\",\"description\":\"Kohv\","
                        + "\"allowDuplicateInvoice\":false,\"corrects\":null}', to_json(?::text), g, g), 'UTF8'), "
                        + "'1', 'io.seire.kernel.finance.ExpenditureRecorded', ? "
                        + "FROM appending, last, generate_series(1, 16000) g ORDER BY g",
                project, project, project, java.time.Instant.now().toString());
        long position = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, project);
        // 16,000 events take the projections a while on a busy machine
        Api.Response trail = admin.get(base + "/audit-trail?size=1&minPosition=" + position);
        for (int attempt = 0; trail.status() == 503 && attempt < 18; attempt++) {
            trail = admin.get(base + "/audit-trail?size=1&minPosition=" + position);
        }
        assertThat(trail.status()).as(trail.body()).isEqualTo(200);
        assertThat(trail.json().path("total").asInt()).isGreaterThan(16_000);
        longTrail = project;
        return project;
    }

    private RawHttp stalledExport(String base) {
        RawHttp http = RawHttp.connect(port, 4096);
        http.send("GET", base + "/audit-trail", RawHttp.basic("admin", ADMIN_PASSWORD), "Accept: text/csv");
        return http;
    }

    /** Export connections in use: reading, or holding a cursor open between reads (one look, one count). */
    private int exportConnectionsInUse() {
        // parallel workers of an export's query carry its application name too: count the connections only
        Integer n = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? "
                + "AND state IN ('active', 'idle in transaction') AND backend_type = 'client backend'", Integer.class,
                QuerySideConfiguration.EXPORT_CONNECTIONS);
        return n == null ? 0 : n;
    }

    @Test
    void readers_that_stop_reading_starve_no_one_and_are_cut_off_after_the_write_timeout(CapturedOutput log)
            throws Exception {
        String project = projectWithLongTrail();
        String base = "/api/v1/projects/" + Api.seg(project);
        int total = admin.get(base + "/audit-trail?size=1").json().path("total").asInt();

        // six clients ask for the trail, read a little and stop reading: four exports start, two find no slot
        List<RawHttp> stalled = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < MAX_CONCURRENT + 2; i++) {
            RawHttp http = stalledExport(base);
            int status = http.status();
            statuses.add(status);
            if (status == 200) {
                assertThat(http.read(200)).hasSize(200);
                stalled.add(http);
            } else {
                assertThat(http.head()).contains("Retry-After");
                http.close();
            }
        }
        assertThat(statuses).containsExactly(200, 200, 200, 200, 503, 503);
        assertThat(exportConnectionsInUse()).as("export connections in use").isEqualTo(MAX_CONCURRENT);

        // meanwhile another export is refused at once, and reads and writes go on as usual
        long asked = System.nanoTime();
        Api.Response refused = admin.get(base + "/audit-trail", "text/csv");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(millisSince(asked)).isLessThan(1000);
        long write = System.nanoTime();
        java.util.concurrent.CompletableFuture<Api.Response> posted = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> admin.post(base + "/expenditures", Map.of("budgetLine", "AT1-SERVICES", "amount", "1.00",
                        "incurredOn", "2024-07-02")));
        String slowWrite = "";
        try {
            posted.get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException slow) {
            slowWrite = whatWaits(); // what the server's threads and the database wait for while the write is slow
        }
        Api.Response recorded = posted.join();
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        long writeMillis = millisSince(write);
        assertThat(admin.get(base + "/expenditures?size=1&minPosition=" + recorded.position()).status())
                .isEqualTo(200);
        assertThat(millisSince(write)).as("the write took %d ms, its read-back the rest; %s", writeMillis, slowWrite)
                .isLessThan(2000);

        // a client that keeps asking gets the whole trail once the stalled exports are cut off (3 s)
        long started = System.nanoTime();
        Api.Response whole;
        do {
            Thread.sleep(200);
            whole = admin.get(base + "/audit-trail", "text/csv");
        } while (whole.status() == 503 && millisSince(started) < 20_000);
        assertThat(whole.status()).as(whole.body()).isEqualTo(200);
        assertThat(whole.body().split("\r\n")).hasSize(1 + total + 1);
        assertThat(millisSince(started)).isLessThan(20_000);

        // each stalled export gave back its connection 3 s after it stalled, and its answer is never completed: the
        // closing chunk does not come (Tomcat drops the connection after its own connection timeout)
        awaitNoExportConnectionInUse(6_000);
        for (RawHttp http : stalled) {
            String rest = new String(http.readUntilQuiet(1500), StandardCharsets.ISO_8859_1);
            assertThat(rest).doesNotEndWith(LAST_CHUNK);
            http.close();
        }
        assertThat(log.getOut()).contains("cut off after").doesNotContain(" ERROR ");
    }

    @Test
    void a_client_that_goes_away_is_one_line_in_the_log(CapturedOutput log) throws Exception {
        String project = projectWithLongTrail();
        RawHttp http = stalledExport("/api/v1/projects/" + Api.seg(project));
        assertThat(http.status()).isEqualTo(200);
        http.read(200);
        http.reset();
        long started = System.nanoTime();
        while (!log.getOut().contains("the client went away") && millisSince(started) < 10_000) {
            Thread.sleep(100);
        }
        assertThat(log.getOut()).contains("ended after", "the client went away").doesNotContain(" ERROR ")
                .doesNotContain("ClientAbortException");
        awaitNoExportConnectionInUse(10_000);
    }

    @Test
    void the_audit_csv_writes_formulas_as_text_while_ndjson_and_json_keep_what_was_recorded() {
        String project = unique("Valem");
        String base = "/api/v1/projects/" + Api.seg(project);
        SeedProject.setUp(admin, project);
        Api.Response recorded = admin.withHeader("Idempotency-Key", "@SUM(A1)").post(base + "/expenditures",
                Map.of("id", "E1", "budgetLine", "AT1-SERVICES", "amount", "10.00", "incurredOn", "2024-07-01"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        Api.Response cancelled = admin.post(base + "/expenditures/E1/cancellation",
                Map.of("reason", "=HYPERLINK(\"http://example.invalid\",\"vaata\")"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        long position = cancelled.position();

        Api.Response csv = admin.get(base + "/audit-trail?minPosition=" + position, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(",'@SUM(A1),", "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"vaata\"\")\"")
                .doesNotContain(",@SUM", ",=HYPERLINK", ",\"=HYPERLINK");

        Api.Response ndjson = admin.get(base + "/audit-trail?minPosition=" + position, "application/x-ndjson");
        assertThat(ndjson.body()).contains("\"idempotencyKey\":\"@SUM(A1)\"")
                .contains("\"reason\":\"=HYPERLINK(\\\"http://example.invalid\\\",\\\"vaata\\\")\"");
        JsonNode page = admin.get(base + "/audit-trail?type=ExpenditureCancelled").json();
        assertThat(page.path("items").get(0).path("reason").asText()).startsWith("=HYPERLINK(");
    }

    /** The database's sessions and this JVM's request and database threads, for the message of a failure. */
    private String whatWaits() {
        StringBuilder out = new StringBuilder("\nsessions:\n");
        jdbc.query("SELECT pid, application_name, state, wait_event_type, wait_event, now() - xact_start AS xact, "
                + "left(query, 160) AS query FROM pg_stat_activity WHERE backend_type = 'client backend'", rs -> {
                    out.append(rs.getInt("pid")).append(' ').append(rs.getString("application_name")).append(' ')
                            .append(rs.getString("state")).append(' ').append(rs.getString("wait_event_type"))
                            .append('/').append(rs.getString("wait_event")).append(' ').append(rs.getString("xact"))
                            .append(' ').append(rs.getString("query")).append('\n');
                });
        out.append("threads:\n");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (stack.length > 0 && java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("io.seire"))) {
                out.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (int i = 0; i < Math.min(stack.length, 40); i++) {
                    out.append("    ").append(stack[i]).append('\n');
                }
            }
        });
        return out.toString();
    }

    private void awaitNoExportConnectionInUse(long millis) throws InterruptedException {
        long started = System.nanoTime();
        while (exportConnectionsInUse() > 0 && millisSince(started) < millis) {
            Thread.sleep(100);
        }
        assertThat(exportConnectionsInUse()).isZero();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
