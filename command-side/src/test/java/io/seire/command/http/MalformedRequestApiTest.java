package io.seire.command.http;

import static io.seire.platform.testing.ProblemAssertions.assertProblem;
import static io.seire.platform.testing.ProblemAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.seire.platform.testing.Api;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 11: what a bounded fuzz run found, on the write endpoints. Each kind of malformed request has one
 * answer on every endpoint, a 4xx problem+json, and records nothing (the project's stream in the event store is
 * unchanged). The refusals of the read endpoints' parameters are in the query side's {@code MalformedRequestApiTest};
 * what needs both sides stays in ops' {@code MalformedRequestApiTest}.
 */
class MalformedRequestApiTest extends CommandApiTestBase {

    @Test
    void a_json_object_holding_a_field_twice_is_refused_naming_the_field() {
        String id = unique("Dup");
        project(id);
        long before = countEvents(id);
        String base = "/api/v1/projects/" + Api.seg(id);
        assertRefused(admin.post(base + "/sub-activities", "{\"code\":\"S1\",\"name\":\"x\",\"code\":\"dup\"}"),
                "code", "more than once");
        assertRefused(admin.post(base + "/expenditures", "{\"budgetLine\":\"AT1-SERVICES\",\"amount\":\"1.00\","
                + "\"incurredOn\":\"2024-07-01\",\"amount\":\"2.00\"}"), "amount", "more than once");
        assertRefused(admin.post(base + "/positions", "{\"code\":\"P\",\"title\":\"t\",\"subActivities\":[\"1\"],"
                + "\"openedOn\":\"2024-06-01\",\"title\":\"u\"}"), "title", "more than once");
        String registration = Api.write(registration(unique("DupReg")))
                .replace("\"id\":\"2024\"", "\"id\":\"2024\",\"id\":\"2024b\"");
        assertRefused(admin.post("/api/v1/projects", registration), "reportingPeriods[0].id", "more than once");
        assertThat(countEvents(id)).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void a_content_type_that_is_a_pattern_or_multipart_is_refused_with_415_on_every_method() {
        String id = unique("Ctype");
        project(id);
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
    void a_date_field_takes_only_yyyy_mm_dd() {
        String id = unique("Dates");
        project(id);
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

    /** Moved from ops' {@code SmallerLeaksApiTest}. */
    @Test
    void approval_and_return_need_a_json_body_sent_as_json() {
        String id = unique("Csrf");
        project(id);
        String base = "/api/v1/projects/" + Api.seg(id);
        Api.Response submitted = admin.post(base + "/reports", Map.of("id", "R1", "period", "2024", "kind", "INTERIM",
                "assessment", "Hinnang"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        long before = countEvents(id);
        for (String decision : List.of("approval", "return")) {
            String path = base + "/reports/R1/" + decision;
            Map<String, String> none = new LinkedHashMap<>();
            assertProblem(admin.send("POST", path, none, null), 415);
            assertProblem(admin.send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "comment=Kinnitatud".getBytes(StandardCharsets.UTF_8)), 415);
            assertProblem(admin.send("POST", path, Map.of("Content-Type", "text/plain"),
                    "{\"comment\":\"Kinnitatud\"}".getBytes(StandardCharsets.UTF_8)), 415);
            assertProblem(admin.send("POST", path, Map.of("Content-Type", "application/json"), new byte[0]), 400);
        }
        assertThat(countEvents(id)).as("nothing recorded: the report is still only submitted").isEqualTo(before);
        Api.Response approved = admin.post(base + "/reports/R1/approval", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }
}
