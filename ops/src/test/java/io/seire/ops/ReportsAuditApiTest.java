package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ministry side end to end: the seed project's 2024 report is submitted and locks the period, returned,
 * corrected and resubmitted; the submitted report stays as it was, {@code changes} lists the correction, asOf views
 * match, the audit trail tells who did what, and the hash chain catches tampering done directly in PostgreSQL.
 */
class ReportsAuditApiTest extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    private String project;
    private String base;
    private Api finance;
    private Api manager;
    private Api liaison;
    private long position;

    @BeforeEach
    void project() {
        project = SeedProject.CODE + "-" + unique("rep");
        base = "/api/v1/projects/" + Api.seg(project);
        position = SeedProject.setUp(admin, project);
        finance = user("FINANCE", List.of(project), List.of());
        manager = user("MANAGER", List.of(project), List.of());
        liaison = user("LIAISON", List.of(), List.of("Šveitsi-Eesti koostööprogramm"));
    }

    private Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        position = Math.max(position, r.position());
        return r;
    }

    private Map<String, Object> expenditure(String id, String line, String amount, String incurred) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("budgetLine", line);
        body.put("amount", amount);
        body.put("incurredOn", incurred);
        body.put("supplier", "OÜ Õpe");
        body.put("invoice", "A-" + id);
        body.put("description", "Koolitus – Tartu Ülikool");
        return body;
    }

    private void record2024() {
        ok(finance.withHeader("Idempotency-Key", "k-" + project.hashCode()).post(base + "/expenditures",
                expenditure("E1", "AT6-STAFF", "10000.00", "2024-07-31")));
        ok(finance.post(base + "/expenditures", expenditure("E2", "AT1-SERVICES", "1500.00", "2024-09-15")));
        ok(manager.post(base + "/sub-activities/1/progress", Map.of("period", "2024", "status", "ON_TRACK",
                "summary", "Koostati hankeplaan ning detailselt planeeritud hangete läbiviimise ajakava.")));
        ok(manager.post(base + "/positions", Map.of("code", "PJ", "title", "Projektijuht", "subActivities", List.of("6"),
                "openedOn", "2024-06-01")));
        ok(manager.post(base + "/positions/PJ/hires", Map.of("staffId", "EV", "name", "Evelyn Valtin",
                "startDate", "2024-06-01", "workloadPercent", "100")));
        ok(manager.post(base + "/indicators/O2/values", Map.of("id", "O2-24", "period", "2024", "value", "2")));
        String csv = "id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n"
                + "K-1;AT6-TRAVEL;845,20;02.10.2024;;Lennufirma;T-9;Brüssel, SI foorum\n";
        ok(finance.postRaw(base + "/expenditures/import?file=oktoober.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static String withoutDigest(String document) {
        return document.replaceFirst(",\"documentSha256\":\"[0-9a-f]{64}\"}$", "}");
    }

    private Api.Response submit(String id) {
        return manager.post(base + "/reports", Map.of("id", id, "period", "2024", "kind", "INTERIM",
                "assessment", "Planeeritud vahenditega täideti püstitatud eesmärgid, arvestades projekti käivitamise perioodi."));
    }

    @Test
    void the_submitted_report_stays_as_it_was_while_changes_asOf_and_the_chain_tell_the_rest() throws Exception {
        record2024();
        Api.Response submitted = ok(submit("R-2024"));
        assertThat(submitted.status()).isEqualTo(201);
        String chainHead = submitted.json().path("chainHead").asText();
        assertThat(chainHead).hasSize(64);
        Instant afterSubmission = Instant.now();
        Thread.sleep(20);

        Api.Response document = liaison.get(base + "/reports/R-2024?minPosition=" + position);
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        JsonNode report = document.json();
        assertThat(report.path("chainHead").asText()).isEqualTo(chainHead);
        assertThat(report.path("assessment").asText()).startsWith("Planeeritud vahenditega");
        assertThat(report.path("projectData").path("name").asText()).startsWith("Kodanikuühiskonna");
        assertThat(report.path("activityProgress").path("subActivities").get(0).path("summary").asText())
                .isEqualTo("Koostati hankeplaan ning detailselt planeeritud hangete läbiviimise ajakava.");
        assertThat(report.path("staffing").path("onPeriodEnd").path("fte").asText()).isEqualTo("1.00");
        assertThat(report.path("staffing").path("changes").path("changes")).hasSize(2);
        JsonNode totals = report.path("budgetExecution").path("totals");
        // 10000.00 staff + 1500.00 services + 845.20 travel + 15 % of staff 1500.00
        assertThat(totals.path("spentCumulative").asText()).isEqualTo("13845.20");

        // the period is locked: every write that would change its figures is refused with 409
        Api.Response late = finance.post(base + "/expenditures", expenditure("E3", "AT1-SERVICES", "10.00", "2024-11-01"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asText()).contains("locked");
        assertThat(finance.post(base + "/expenditures/E2/corrections", Map.of("amount", "1400.00",
                "reason", "Arve summa vale")).status()).isEqualTo(409);
        assertThat(manager.post(base + "/indicators/O2/values", Map.of("period", "2024", "value", "1")).status()).isEqualTo(409);
        assertThat(manager.post(base + "/sub-activities/2/progress", Map.of("period", "2024", "status", "ON_TRACK",
                "summary", "x")).status()).isEqualTo(409);
        assertThat(admin.post(base + "/budget-lines/AT6-STAFF/revisions", Map.of("planned", "1.00",
                "effectiveFrom", "2024-12-01", "reason", "x")).status()).isEqualTo(409);
        assertThat(submit("R-again").status()).isEqualTo(409);
        assertThat(manager.post(base + "/reports/R-2024/approval", Map.of()).status()).isEqualTo(403);

        // an adjustment in an open period, naming the locked expenditure it corrects
        Map<String, Object> adjustment = expenditure("ADJ-1", "AT1-SERVICES", "-100.00", "2025-01-15");
        adjustment.put("invoice", "A-E2");
        adjustment.put("corrects", "E2");
        ok(finance.post(base + "/expenditures", adjustment));

        // the liaison returns the report; the period opens and the expenditure is corrected
        ok(liaison.post(base + "/reports/R-2024/return", Map.of("comment", "Alategevuse 1 arve summa vajab parandamist")));
        Api.Response correction = ok(finance.post(base + "/expenditures/E2/corrections", Map.of("amount", "1400.00",
                "reason", "Arve summa vale")));
        long correctionPosition = correction.position();

        Api.Response again = liaison.get(base + "/reports/R-2024?minPosition=" + position);
        // the document as submitted is unchanged; only the digest of its PDF moved, which now shows the return
        assertThat(withoutDigest(again.body())).isEqualTo(withoutDigest(document.body()));
        assertThat(again.json().path("documentSha256").asText()).isNotEqualTo(document.json().path("documentSha256").asText());

        JsonNode changes = liaison.get(base + "/reports/R-2024/changes?minPosition=" + position).json();
        Map<String, JsonNode> byFigure = new LinkedHashMap<>();
        changes.path("changes").forEach(c -> byFigure.put(c.path("figure").asText(), c));
        JsonNode line = byFigure.get("budgetExecution.lines[AT1-SERVICES].spentCumulative");
        assertThat(line).as(changes.toString()).isNotNull();
        assertThat(line.path("submitted").asText()).isEqualTo("1500.00");
        assertThat(line.path("now").asText()).isEqualTo("1400.00");
        assertThat(line.path("events")).hasSize(1);
        assertThat(line.path("events").get(0).path("position").asLong()).isEqualTo(correctionPosition);
        assertThat(line.path("events").get(0).path("reason").asText()).isEqualTo("Arve summa vale");
        assertThat(byFigure.get("budgetExecution.totals.spentCumulative").path("now").asText()).isEqualTo("13745.20");
        assertThat(byFigure.keySet()).noneMatch(f -> f.contains("AT6-STAFF"));

        // asOf the moment of submission, every view reads as the report does
        JsonNode thenBudget = liaison.get(base + "/budget-execution?period=2024&asOf=" + afterSubmission).json();
        assertThat(thenBudget).isEqualTo(report.path("budgetExecution"));
        JsonNode thenResults = liaison.get(base + "/results-framework?period=2024&asOf=" + afterSubmission).json();
        assertThat(thenResults).isEqualTo(report.path("resultsFramework"));
        JsonNode thenProgress = liaison.get(base + "/activity-progress?period=2024&asOf=" + afterSubmission).json();
        assertThat(thenProgress).isEqualTo(report.path("activityProgress"));
        JsonNode thenStaffing = liaison.get(base + "/staffing?on=2024-12-31&asOf=" + afterSubmission).json();
        assertThat(thenStaffing).isEqualTo(report.path("staffing").path("onPeriodEnd"));
        assertThat(liaison.get(base + "/budget-execution?period=2024").json().path("totals").path("spentCumulative")
                .asText()).isEqualTo("13745.20");

        // resubmitted, approved
        Api.Response resubmitted = ok(submit("R-2024-2"));
        ok(liaison.post(base + "/reports/R-2024-2/approval", Map.of("comment", "Kinnitatud")));
        JsonNode list = liaison.get(base + "/reports?minPosition=" + position).json();
        assertThat(list.findValuesAsText("status")).containsExactly("RETURNED", "APPROVED");
        assertThat(resubmitted.json().path("chainHead").asText()).isNotEqualTo(chainHead);

        // the chain is valid and its head at the report's position is the report's chain head
        JsonNode verification = liaison.get(base + "/audit-trail/verification?minPosition=" + position).json();
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("events").asLong()).isEqualTo(
                jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, project));
        long pinned = report.path("composedFromPosition").asLong();
        assertThat(jdbc.queryForObject("SELECT hash FROM event_chain WHERE position = ?", String.class, pinned))
                .isEqualTo(chainHead);

        // the audit trail: who, when, in which role, from which source, why
        JsonNode trail = liaison.get(base + "/audit-trail?size=1000").json();
        assertThat(trail.path("total").asLong()).isEqualTo(verification.path("events").asLong());
        JsonNode e1 = find(trail.path("items"), "ExpenditureRecorded", "E1");
        assertThat(e1.path("actor").asText()).startsWith("finance");
        assertThat(e1.path("roles").asText()).isEqualTo("FINANCE");
        assertThat(e1.path("idempotencyKey").asText()).isEqualTo("k-" + project.hashCode());
        assertThat(e1.path("correlationId").asText()).isNotBlank();
        assertThat(e1.path("source").asText()).isEqualTo("API");
        assertThat(e1.path("businessDate").asText()).isEqualTo("2024-07-31");
        JsonNode imported = trail.path("items").findParents("type").stream()
                .filter(item -> item.path("type").asText().equals("ExpendituresImported")).findFirst().orElseThrow();
        assertThat(imported.path("summary").asText())
                .isEqualTo("1 expenditure imported: K-1; 845.20 in all, incurred on 2024-10-02");
        assertThat(imported.path("source").asText()).isEqualTo("CSV import oktoober.csv");
        JsonNode corrected = find(trail.path("items"), "ExpenditureCorrected", "E2");
        assertThat(corrected.path("reason").asText()).isEqualTo("Arve summa vale");
        assertThat(corrected.path("summary").asText()).contains("1500.00 → 1400.00");
        assertThat(trail.toString()).doesNotContain("Evelyn");

        JsonNode onlyLiaison = liaison.get(base + "/audit-trail?type=ReportReturned").json();
        assertThat(onlyLiaison.path("total").asInt()).isEqualTo(1);
        assertThat(onlyLiaison.path("items").get(0).path("roles").asText()).isEqualTo("LIAISON");
        assertThat(liaison.get(base + "/audit-trail?to=2000-01-01T00:00:00Z").json().path("total").asInt()).isZero();

        Api.Response csv = liaison.get(base + "/audit-trail", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] csvLines = csv.body().split("\r\n");
        assertThat(csvLines[0]).startsWith("position,recordedAt,actor");
        assertThat(csvLines).hasSize(1 + trail.path("total").asInt());
        assertThat(csv.body()).contains(",\"Project registered: Kodanikuühiskonna").doesNotContain("Evelyn");
        Api.Response ndjson = liaison.get(base + "/audit-trail", "application/x-ndjson");
        assertThat(ndjson.body().split("\n")).hasSize(trail.path("total").asInt());
        assertThat(Api.JSON.readTree(ndjson.body().split("\n")[0]).path("type").asText()).isEqualTo("ProjectRegistered");
    }

    private static JsonNode find(JsonNode items, String type, String id) {
        for (JsonNode item : items) {
            if (item.path("type").asText().equals(type) && item.path("summary").asText().contains(" " + id + " ")) {
                return item;
            }
        }
        throw new AssertionError("no " + type + " of " + id + " in " + items);
    }

    @Test
    void a_back_dated_entry_made_today_is_invisible_to_asOf_yesterday() throws Exception {
        ok(finance.post(base + "/expenditures", expenditure("E1", "AT6-STAFF", "100.00", "2024-07-31")));
        Thread.sleep(20);
        Instant before = Instant.now();
        Thread.sleep(20);
        ok(finance.post(base + "/expenditures", expenditure("E0", "AT6-STAFF", "50.00", "2024-06-15")));
        String then = liaison.get(base + "/budget-execution?period=2024&minPosition=" + position + "&asOf=" + before)
                .json().path("totals").path("spentCumulative").asText();
        String now = liaison.get(base + "/budget-execution?period=2024").json().path("totals").path("spentCumulative").asText();
        assertThat(then).isEqualTo("115.00");
        assertThat(now).isEqualTo("172.50");
        assertThat(liaison.get(base + "/expenditures?asOf=" + before).json().path("total").asInt()).isEqualTo(1);
        assertThat(liaison.get(base + "?asOf=2000-01-01T00:00:00Z").status()).isEqualTo(404);
        assertThat(liaison.get(base + "/budget-execution?period=2024&asOf=eile").status()).isEqualTo(400);
    }

    @Test
    void one_changed_byte_is_detected_at_its_position() {
        record2024();
        assertValid();
        long target = eventOf("ExpenditureRecorded", 1);
        assertValid();
        jdbc.update("UPDATE domainevententry SET payload = overlay(payload placing '\\x20'::bytea from 5 for 1) "
                + "WHERE globalindex = ?", target);
        assertBrokenAt(target);
    }

    @Test
    void a_deleted_row_is_detected_at_its_position() {
        record2024();
        assertValid();
        long target = eventOf("PositionOpened", 0);
        assertValid();
        jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", target);
        assertBrokenAt(target);
    }

    @Test
    void reordered_rows_are_detected_at_the_first_moved_position() {
        record2024();
        assertValid();
        long first = eventOf("ExpenditureRecorded", 0);
        long second = eventOf("ExpenditureRecorded", 1);
        assertValid();
        jdbc.update("UPDATE domainevententry SET globalindex = -globalindex WHERE globalindex = ?", first);
        jdbc.update("UPDATE domainevententry SET globalindex = ? WHERE globalindex = ?", first, second);
        jdbc.update("UPDATE domainevententry SET globalindex = ? WHERE globalindex = ?", second, -first);
        assertBrokenAt(first);
    }

    private long eventOf(String type, int index) {
        return jdbc.queryForList("SELECT position FROM audit_entry WHERE project_id = ? AND type = ? ORDER BY position",
                Long.class, project, type).get(index);
    }

    private void assertValid() {
        JsonNode v = liaison.get(base + "/audit-trail/verification?minPosition=" + position).json();
        assertThat(v.path("valid").asBoolean()).as(v.toString()).isTrue();
    }

    private void assertBrokenAt(long position) {
        JsonNode v = liaison.get(base + "/audit-trail/verification").json();
        assertThat(v.path("valid").asBoolean()).as(v.toString()).isFalse();
        assertThat(v.path("firstBrokenPosition").asLong()).as(v.toString()).isEqualTo(position);
    }
}
