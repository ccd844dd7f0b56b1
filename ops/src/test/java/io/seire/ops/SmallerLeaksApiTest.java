package io.seire.ops;

import io.seire.platform.testing.Api;

import static io.seire.platform.testing.ProblemAssertions.assertProblem;
import static io.seire.platform.testing.ProblemAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, item 10: what a reader learns about projects they may not see, text without a bound, a write whose commit
 * was lost, and addresses nothing serves. Query dates without a bound are tested in the query side's
 * {@code MalformedRequestApiTest}, CSRF-able decisions in the command side's.
 */
class SmallerLeaksApiTest extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_project_the_reader_may_not_see_answers_404_at_once_even_while_its_views_are_behind() {
        // a position nobody will ever commit lies below the project's events: the views' tokens stop short of them
        jdbc.queryForObject("SELECT nextval(pg_get_serial_sequence('domainevententry', 'globalindex'))", Long.class);
        String id = unique("Hidden");
        long position = SeedProject.setUp(admin, id);
        String base = "/api/v1/projects/" + Api.seg(id);
        assertThat(admin.get(base + "?minPosition=" + position).status()).isEqualTo(200);
        Api stranger = user("FINANCE", List.of(unique("Other")), List.of());
        Api otherLiaison = user("LIAISON", List.of(), List.of("Muu programm"));
        // the views now lack the project's last event, as while they are behind
        jdbc.update("UPDATE audit_entry SET position = -position WHERE project_id = ? AND position = ?", id, position);
        try {
            for (Api reader : List.of(stranger, otherLiaison)) {
                for (String view : List.of("", "/expenditures", "/budget-execution?period=2024", "/audit-trail",
                        "/audit-trail/verification", "/reports", "/staffing?on=2024-12-31")) {
                    String path = base + view + (view.contains("?") ? "&" : "?") + "minPosition=" + position;
                    long started = System.nanoTime();
                    Api.Response r = reader.get(path);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertThat(r.status()).as(path + " " + r.body()).isEqualTo(404);
                    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(millis).as("a 404 that waited first tells that the project exists").isLessThan(2_500);
                }
            }
            // a reader who may see it waits, and is told to come back
            Api.Response behind = admin.get(base + "?minPosition=" + position);
            assertThat(behind.status()).as(behind.body()).isEqualTo(503);
            assertThat(behind.header("Retry-After")).isNotNull();
        } finally {
            jdbc.update("UPDATE audit_entry SET position = -position WHERE project_id = ? AND position = ?", id, -position);
        }
        assertThat(admin.get(base + "?minPosition=" + position).status()).isEqualTo(200);
    }

    @Test
    void free_text_longer_than_its_bound_is_refused_naming_the_field_and_nothing_is_recorded() {
        String id = unique("Text");
        SeedProject.setUp(admin, id);
        long before = countEvents(id);
        String base = "/api/v1/projects/" + Api.seg(id);
        String longest = "õ".repeat(10_000);
        String tooLong = "õ".repeat(10_001);

        assertRefused(admin.post(base + "/sub-activities", Map.of("code", "7", "name", "n".repeat(1_001))),
                "name", "longer than 1000 characters");
        assertRefused(admin.post(base + "/reports", Map.of("period", "2024", "kind", "INTERIM", "assessment", tooLong)),
                "assessment", "longer than 10000 characters");
        assertRefused(admin.post(base + "/budget-lines/AT1-SERVICES/revisions", Map.of("planned", "1.00",
                "effectiveFrom", "2025-01-01", "reason", tooLong)), "reason", "longer than 10000 characters");
        assertRefused(admin.post(base + "/expenditures", expenditure("E1", "s".repeat(1_001), "Kohv")),
                "supplier", "longer than 1000 characters");
        assertRefused(admin.post(base + "/expenditures", expenditure("E1", "OÜ Puu", tooLong)),
                "description", "longer than 10000 characters");
        assertRefused(admin.post(base + "/positions", Map.of("code", "P1", "title", "t".repeat(1_001),
                "subActivities", List.of("1"), "openedOn", "2024-06-01")), "title", "longer than 1000 characters");
        String csv = "id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n"
                + "r1;AT1-SERVICES;10,00;01.07.2024;;OÜ Puu;A-1;" + tooLong + "\n";
        Api.Response file = admin.postRaw(base + "/expenditures/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.status()).as(file.body()).isEqualTo(422);
        assertThat(file.json().path("errors").get(0).path("row").asInt()).isEqualTo(2);
        assertThat(file.json().path("errors").get(0).path("column").asText()).isEqualTo("description");

        assertThat(countEvents(id)).as("nothing recorded").isEqualTo(before);
        Api.Response fits = admin.post(base + "/expenditures", expenditure("E1", "s".repeat(1_000), longest));
        assertThat(fits.status()).as(fits.body()).isEqualTo(201);
        assertThat(admin.get(base + "/expenditures?minPosition=" + fits.position()).json().path("items").get(0)
                .path("description").asText()).isEqualTo(longest);
    }

    @Test
    void a_write_whose_commit_was_lost_answers_outcome_unknown_and_a_retry_with_its_key_answers_the_first_answer() {
        String id = unique("Commit");
        SeedProject.setUp(admin, id);
        String base = "/api/v1/projects/" + Api.seg(id);

        // the server committed, the answer was lost on the way back
        long before = countEvents(id);
        CommitFaults.arm(CommitFaults.Fault.COMMITTED);
        Api keyed = admin.withHeader("Idempotency-Key", unique("k"));
        Api.Response lost = keyed.post(base + "/expenditures", expenditure("E1", "OÜ Puu", "Kohv"));
        assertThat(CommitFaults.fired()).isTrue();
        assertOutcomeUnknown(lost);
        assertThat(countEvents(id)).as("it was recorded").isEqualTo(before + 1);
        Api.Response retried = keyed.post(base + "/expenditures", expenditure("E1", "OÜ Puu", "Kohv"));
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.json().path("id").asText()).isEqualTo("E1");
        assertThat(retried.position()).isEqualTo(jdbc.queryForObject(
                "SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, id));
        assertThat(countEvents(id)).as("the retry recorded nothing new").isEqualTo(before + 1);

        // the connection was lost before the server committed
        CommitFaults.arm(CommitFaults.Fault.ROLLED_BACK);
        Api other = admin.withHeader("Idempotency-Key", unique("k"));
        assertOutcomeUnknown(other.post(base + "/expenditures", expenditure("E2", "OÜ Puu", "Tee")));
        assertThat(countEvents(id)).as("it was not recorded").isEqualTo(before + 1);
        Api.Response recorded = other.post(base + "/expenditures", expenditure("E2", "OÜ Puu", "Tee"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(countEvents(id)).isEqualTo(before + 2);
        Api.Response list = admin.get(base + "/expenditures?minPosition=" + recorded.position());
        assertThat(list.json().path("items").findValuesAsText("id")).containsExactlyInAnyOrder("E1", "E2");
    }

    @Test
    void an_address_nothing_serves_answers_404_problem_json() {
        for (Api.Response r : List.of(admin.get("/api/v1/nope"), admin.get("/nope"),
                admin.post("/api/v1/projects/" + Api.seg(unique("X")) + "/nope", "{}"),
                admin.get("/api/v1/nope", "text/csv"))) {
            assertProblem(r, 404);
            assertThat(r.json().path("type").asText()).isEqualTo("/problems/not-found");
            assertThat(r.body()).doesNotContain("timestamp");
        }
    }

    private long countEvents(String projectId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                projectId);
        return n == null ? 0 : n;
    }

    private static Map<String, Object> expenditure(String id, String supplier, String description) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("budgetLine", "AT1-SERVICES");
        e.put("amount", "10.00");
        e.put("incurredOn", "2024-07-01");
        e.put("supplier", supplier);
        e.put("invoice", "A-" + id);
        e.put("description", description);
        return e;
    }

    private static void assertOutcomeUnknown(Api.Response r) {
        assertProblem(r, 503);
        assertThat(r.json().path("type").asText()).isEqualTo("/problems/outcome-unknown");
        assertThat(r.json().path("detail").asText()).contains("same Idempotency-Key").doesNotContain("Nothing was recorded");
        assertThat(r.header("Retry-After")).isNotNull();
    }
}
