package io.seire.ops;

import static io.seire.ops.SmallerLeaksApiTest.assertProblem;
import static io.seire.ops.SmallerLeaksApiTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, item 11: what a bounded fuzz run found. Each kind of malformed request has one answer on every endpoint,
 * a 4xx problem+json, and records nothing.
 */
class MalformedRequestApiTest extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_json_object_holding_a_field_twice_is_refused_naming_the_field() {
        String id = unique("Dup");
        SeedProject.setUp(admin, id);
        long before = countEvents(id);
        String base = "/api/v1/projects/" + Api.seg(id);
        assertRefused(admin.post(base + "/sub-activities", "{\"code\":\"S1\",\"name\":\"x\",\"code\":\"dup\"}"),
                "code", "more than once");
        assertRefused(admin.post(base + "/expenditures", "{\"budgetLine\":\"AT1-SERVICES\",\"amount\":\"1.00\","
                + "\"incurredOn\":\"2024-07-01\",\"amount\":\"2.00\"}"), "amount", "more than once");
        assertRefused(admin.post(base + "/positions", "{\"code\":\"P\",\"title\":\"t\",\"subActivities\":[\"1\"],"
                + "\"openedOn\":\"2024-06-01\",\"title\":\"u\"}"), "title", "more than once");
        String registration = Api.write(SeedProject.registration(unique("DupReg")))
                .replace("\"id\":\"2024\"", "\"id\":\"2024\",\"id\":\"2024b\"");
        assertRefused(admin.post("/api/v1/projects", registration), "reportingPeriods[0].id", "more than once");
        assertThat(countEvents(id)).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void a_content_type_that_is_a_pattern_or_multipart_is_refused_with_415_on_every_method() {
        String id = unique("Ctype");
        SeedProject.setUp(admin, id);
        long before = countEvents(id);
        String base = "/api/v1/projects/" + Api.seg(id);
        byte[] body = "{\"code\":\"S2\",\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("*/*", "text/*", "multipart/form-data", "multipart/form-data; boundary=x")) {
            assertProblem(admin.send("POST", base + "/sub-activities", Map.of("Content-Type", type), body), 415);
            assertProblem(admin.send("POST", base + "/expenditures/import", Map.of("Content-Type", type), body), 415);
            assertProblem(admin.send("GET", base, Map.of("Content-Type", type), null), 415);
        }
        for (String type : List.of("json", "application/json; charset=no-such-charset", "a/b/c")) {
            assertProblem(admin.send("POST", base + "/sub-activities", Map.of("Content-Type", type), body), 400);
            assertProblem(admin.send("GET", base, Map.of("Content-Type", type), null), 400);
        }
        assertThat(countEvents(id)).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void an_accept_header_that_cannot_be_read_answers_a_problem_body() {
        String id = unique("Accept");
        SeedProject.setUp(admin, id);
        String base = "/api/v1/projects/" + Api.seg(id);
        for (String accept : List.of("x;;;==", "application", "text/csv;q=abc")) {
            Api.Response get = admin.send("GET", base, Map.of("Accept", accept), null);
            assertRefused(get, "Accept", "cannot be read");
            assertRefused(admin.send("POST", base + "/sub-activities", Map.of("Accept", accept, "Content-Type",
                    "application/json"), "{\"code\":\"S3\",\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)),
                    "Accept", "cannot be read");
        }
        // a readable Accept that nothing here can answer: 406, and still a problem body
        assertProblem(admin.send("GET", base, Map.of("Accept", "image/png"), null), 406);
        assertProblem(admin.send("GET", base + "/nope", Map.of("Accept", "image/png"), null), 404);
    }

    @Test
    void a_date_field_takes_only_yyyy_mm_dd() {
        String id = unique("Dates");
        SeedProject.setUp(admin, id);
        long before = countEvents(id);
        String base = "/api/v1/projects/" + Api.seg(id);
        assertThat(admin.post(base + "/positions", Map.of("code", "P", "title", "Koordinaator",
                "subActivities", List.of("1"), "openedOn", "2024-06-01")).status()).isEqualTo(201);
        assertThat(admin.post(base + "/positions/P/hires", Map.of("staffId", "S", "name", "Maris Praats",
                "startDate", "2024-07-01", "workloadPercent", "100")).status()).isEqualTo(201);
        before = countEvents(id);
        for (String date : List.of("\"2025-01-01T00:00:00Z\"", "\"2025-01-01T00:00:00\"", "\"2025-01-01Z\"",
                "[2025,1,1]", "20250101", "\"20250101\"", "\"2025-1-1\"")) {
            assertRefused(admin.post(base + "/budget-lines/AT1-SERVICES/revisions",
                    "{\"planned\":\"1.00\",\"effectiveFrom\":" + date + ",\"reason\":\"x\"}"), "effectiveFrom", "YYYY-MM-DD");
            assertRefused(admin.post(base + "/positions/P/recruitment-failures",
                    "{\"date\":" + date + ",\"reason\":\"x\"}"), "date", "YYYY-MM-DD");
            assertRefused(admin.post(base + "/staff/S/departure",
                    "{\"endDate\":" + date + ",\"reason\":\"x\"}"), "endDate", "YYYY-MM-DD");
            assertRefused(admin.post(base + "/expenditures", "{\"budgetLine\":\"AT1-SERVICES\",\"amount\":\"1.00\","
                    + "\"incurredOn\":" + date + "}"), "incurredOn", "YYYY-MM-DD");
        }
        assertThat(countEvents(id)).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void as_of_that_is_not_an_instant_is_refused_on_every_view() {
        String id = unique("AsOf");
        SeedProject.setUp(admin, id);
        String base = "/api/v1/projects/" + Api.seg(id);
        assertThat(admin.post(base + "/reports", Map.of("id", "R1", "period", "2024", "kind", "INTERIM",
                "assessment", "Hinnang")).status()).isEqualTo(201);
        for (String view : List.of("/api/v1/projects", base, base + "/audit-trail", base + "/audit-trail/verification",
                base + "/reports", base + "/reports/R1", base + "/reports/R1/changes", base + "/expenditures",
                base + "/budget-execution?period=2024", base + "/results-framework?period=2024",
                base + "/activity-progress?period=2024", base + "/staffing?on=2024-12-31")) {
            String path = view + (view.contains("?") ? "&" : "?") + "asOf=abc";
            assertRefused(admin.get(path), "asOf", "ISO-8601 instant");
        }
        assertRefused(admin.get(base + "/audit-trail?asOf=abc", "text/csv"), "asOf", "ISO-8601 instant");
    }

    @Test
    void a_list_as_of_an_instant_shows_what_was_recorded_then() {
        String before = java.time.Instant.now().minusSeconds(1).toString();
        String id = unique("AsOfList");
        long position = SeedProject.setUp(admin, id);
        Api.Response now = admin.get("/api/v1/projects?size=1000&minPosition=" + position);
        assertThat(now.json().path("items").findValuesAsText("id")).contains(id);
        Api.Response then = admin.get("/api/v1/projects?size=1000&asOf=" + before);
        assertThat(then.status()).as(then.body()).isEqualTo(200);
        assertThat(then.json().path("items").findValuesAsText("id")).doesNotContain(id);
        Api.Response trail = admin.get("/api/v1/projects/" + Api.seg(id) + "/audit-trail?asOf=" + before);
        assertThat(trail.status()).as(trail.body()).isEqualTo(404);
    }

    @Test
    void a_min_position_beyond_the_last_event_or_below_zero_is_refused_at_once_everywhere() {
        String id = unique("MinPos");
        SeedProject.setUp(admin, id);
        String base = "/api/v1/projects/" + Api.seg(id);
        long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        for (String view : List.of("/api/v1/projects", base, base + "/audit-trail", base + "/expenditures",
                base + "/budget-execution?period=2024", base + "/staffing?on=2024-12-31")) {
            String sep = view.contains("?") ? "&" : "?";
            long started = System.nanoTime();
            assertRefused(admin.get(view + sep + "minPosition=" + (head + 1_000_000)), "minPosition",
                    "beyond the last recorded event");
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_500);
            assertRefused(admin.get(view + sep + "minPosition=-1"), "minPosition", "0 or more");
            assertRefused(admin.get(view + sep + "minPosition=abc"), "minPosition", "whole number");
            assertThat(admin.get(view + sep + "minPosition=" + head).status()).isEqualTo(200);
        }
    }

    private long countEvents(String projectId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                projectId);
        return n == null ? 0 : n;
    }
}
