package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Yearly work plans over HTTP on the seed project: who may draft, submit, approve, return and read; the plan's
 * versions and history; bad requests; and the year's columns of budget execution against figures computed by hand,
 * as of now and as of an instant between two approvals.
 */
class WorkPlansApiTest extends ApiTestBase {

    private String project;
    private String base;
    private Api finance;
    private Api manager;
    private Api liaison;
    private long position;

    @BeforeEach
    void project() {
        project = SeedProject.CODE + "-" + unique("plan");
        base = "/api/v1/projects/" + Api.seg(project);
        position = SeedProject.setUp(admin, project);
        finance = user("FINANCE", List.of(project), List.of());
        manager = user("MANAGER", List.of(project), List.of());
        liaison = user("LIAISON", List.of(), List.of("Šveitsi-Eesti koostööprogramm"));
    }

    // ---------------------------------------------------------------- helpers

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static Map<String, Object> amount(String line, String planned) {
        return body("budgetLine", line, "planned", planned);
    }

    static Map<String, Object> activity(String sub, String from, String to, String description) {
        return body("subActivity", sub, "from", from, "to", to, "description", description);
    }

    static final List<Map<String, Object>> ACTIVITIES_2025 = List.of(
            activity("1", "2025-02-01", "2025-11-30", "Nõustamised sotsiaalsetele ettevõtetele"),
            activity("6", "2025-01-01", "2025-12-31", "Projekti juhtimine"));

    static Map<String, Object> plan(int year, List<Map<String, Object>> budget) {
        return body("year", year, "budget", budget, "activities", ACTIVITIES_2025);
    }

    private Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        position = Math.max(position, r.position());
        return r;
    }

    private static void problem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.json().path("errors").findValuesAsText("field")).as(r.body()).contains(field);
        }
    }

    private JsonNode read(Api as, String path) {
        Api.Response r = as.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + position);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    private Api.Response submit(Api as, int year) {
        return as.post(base + "/work-plans/" + year + "/submission", Map.of());
    }

    private Api.Response approve(Api as, int year, String comment) {
        return as.post(base + "/work-plans/" + year + "/approval", comment == null ? Map.of() : Map.of("comment", comment));
    }

    private Api.Response returnPlan(Api as, int year, String comment) {
        return as.post(base + "/work-plans/" + year + "/return", Map.of("comment", comment));
    }

    private int eventCount() {
        return read(admin, base + "/audit-trail?size=1").path("total").asInt();
    }

    // ---------------------------------------------------------------- endpoints and access

    @Test
    void each_role_does_what_the_contract_says_and_no_more() {
        Api stranger = user("MANAGER", List.of("someone-else"), List.of());
        Api otherLiaison = user("LIAISON", List.of(), List.of("ESF+ Eesti"));
        Map<String, Object> plan = plan(2025, List.of(amount("AT6-STAFF", "100000.00")));

        // drafting: managers and finance staff of the project
        problem(liaison.post(base + "/work-plans", plan), 403, null);
        problem(stranger.post(base + "/work-plans", plan), 404, null);
        problem(otherLiaison.post(base + "/work-plans", plan), 404, null);
        assertThat(admin.anonymous().post(base + "/work-plans", plan).status()).isEqualTo(401);
        Api.Response first = ok(manager.post(base + "/work-plans", plan));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("id").asText()).isEqualTo("2025");
        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        Api.Response second = ok(finance.post(base + "/work-plans", plan(2025, List.of(amount("AT6-STAFF", "90000.00")))));
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        assertThat(second.position()).isGreaterThan(first.position());

        // submission: managers
        problem(submit(finance, 2025), 403, null);
        problem(submit(liaison, 2025), 403, null);
        problem(submit(stranger, 2025), 404, null);
        Api.Response submitted = ok(submit(manager, 2025));
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.json().path("version").asInt()).isEqualTo(2);

        // approval and return: liaisons of the project's programme
        problem(approve(manager, 2025, null), 403, null);
        problem(approve(finance, 2025, null), 403, null);
        problem(approve(otherLiaison, 2025, null), 404, null);
        problem(returnPlan(manager, 2025, "Paranda"), 403, null);
        problem(returnPlan(otherLiaison, 2025, "Paranda"), 404, null);
        ok(returnPlan(liaison, 2025, "Lisa tegevuste ajakava"));
        ok(manager.post(base + "/work-plans", plan));
        ok(submit(manager, 2025));
        Api.Response approved = ok(approve(liaison, 2025, null));
        assertThat(approved.json().path("version").asInt()).isEqualTo(3);

        // reading: everyone who reads the project
        for (Api reader : List.of(admin, manager, finance, liaison)) {
            assertThat(read(reader, base + "/work-plans/2025").path("approved").path("version").asInt()).isEqualTo(3);
        }
        problem(stranger.get(base + "/work-plans/2025?minPosition=" + position), 404, null);
        problem(otherLiaison.get(base + "/work-plans/2025"), 404, null);
        problem(manager.get(base + "/work-plans/2026"), 404, null);
        problem(admin.get("/api/v1/projects/" + Api.seg(unique("none")) + "/work-plans/2025"), 404, null);
    }

    // ---------------------------------------------------------------- versions and history

    @Test
    void a_plan_is_drafted_returned_revised_and_approved_and_keeps_every_step() {
        ok(manager.post(base + "/work-plans", plan(2025, List.of(amount("AT6-STAFF", "100000.00"),
                amount("AT1-SERVICES", "30000"), amount("AT6-TRAVEL", "5000.5")))));
        JsonNode drafted = read(finance, base + "/work-plans/2025");
        assertThat(drafted.toString()).isEqualTo("{\"year\":2025,\"status\":\"DRAFT\",\"version\":1,"
                + "\"budget\":[{\"budgetLine\":\"AT6-STAFF\",\"planned\":\"100000.00\"},"
                + "{\"budgetLine\":\"AT1-SERVICES\",\"planned\":\"30000.00\"},"
                + "{\"budgetLine\":\"AT6-TRAVEL\",\"planned\":\"5000.50\"}],"
                + "\"activities\":[{\"subActivity\":\"1\",\"from\":\"2025-02-01\",\"to\":\"2025-11-30\","
                + "\"description\":\"Nõustamised sotsiaalsetele ettevõtetele\"},"
                + "{\"subActivity\":\"6\",\"from\":\"2025-01-01\",\"to\":\"2025-12-31\","
                + "\"description\":\"Projekti juhtimine\"}],"
                + "\"approved\":null,\"history\":[{\"version\":1,\"status\":\"DRAFT\",\"at\":\""
                + drafted.path("history").get(0).path("at").asText() + "\",\"actor\":\"" + manager.username() + "\"}]}");

        ok(submit(manager, 2025));
        assertThat(read(liaison, base + "/work-plans/2025").path("status").asText()).isEqualTo("SUBMITTED");
        ok(returnPlan(liaison, 2025, "Reisikulud on põhjendamata"));
        assertThat(read(liaison, base + "/work-plans/2025").path("status").asText()).isEqualTo("RETURNED");
        ok(finance.post(base + "/work-plans", plan(2025, List.of(amount("AT6-STAFF", "100000.00"),
                amount("AT1-SERVICES", "30000.00")))));
        ok(submit(manager, 2025));
        ok(approve(liaison, 2025, "Kinnitatud"));
        // version 3 drafted: version 2 stays in force until 3 is approved
        ok(manager.post(base + "/work-plans", plan(2025, List.of(amount("AT6-STAFF", "110000.00")))));

        JsonNode plan = read(manager, base + "/work-plans/2025");
        assertThat(plan.path("status").asText()).isEqualTo("DRAFT");
        assertThat(plan.path("version").asInt()).isEqualTo(3);
        assertThat(plan.path("budget").toString()).isEqualTo("[{\"budgetLine\":\"AT6-STAFF\",\"planned\":\"110000.00\"}]");
        JsonNode approved = plan.path("approved");
        assertThat(approved.path("version").asInt()).isEqualTo(2);
        assertThat(approved.path("budget").toString()).isEqualTo("[{\"budgetLine\":\"AT6-STAFF\",\"planned\":\"100000.00\"},"
                + "{\"budgetLine\":\"AT1-SERVICES\",\"planned\":\"30000.00\"}]");
        assertThat(approved.path("activities")).hasSize(2);
        List<String> steps = new ArrayList<>();
        for (JsonNode step : plan.path("history")) {
            steps.add(step.path("version").asInt() + " " + step.path("status").asText() + " "
                    + step.path("actor").asText() + " " + step.path("comment").asText("-"));
            assertThat(Instant.parse(step.path("at").asText())).isBefore(Instant.now().plusSeconds(1));
        }
        assertThat(steps).containsExactly(
                "1 DRAFT " + manager.username() + " -",
                "1 SUBMITTED " + manager.username() + " -",
                "1 RETURNED " + liaison.username() + " Reisikulud on põhjendamata",
                "2 DRAFT " + finance.username() + " -",
                "2 SUBMITTED " + manager.username() + " -",
                "2 APPROVED " + liaison.username() + " Kinnitatud",
                "3 DRAFT " + manager.username() + " -");
        assertThat(plan.path("history").get(0).has("comment")).isFalse();

        // the audit trail tells it in a clerk's words, and the hash chain covers it
        JsonNode trail = read(liaison, base + "/audit-trail?size=1000");
        List<String> summaries = new ArrayList<>();
        for (JsonNode entry : trail.path("items")) {
            if (entry.path("type").asText().startsWith("WorkPlan")) {
                summaries.add(entry.path("type").asText() + ": " + entry.path("summary").asText()
                        + (entry.path("reason").isNull() ? "" : " (" + entry.path("reason").asText() + ")"));
            }
        }
        assertThat(summaries).containsExactly(
                "WorkPlanDrafted: Work plan for 2025, version 1, drafted: AT6-STAFF 100000.00, AT1-SERVICES 30000.00, "
                        + "AT6-TRAVEL 5000.50 (135000.50 in all); 2 activities planned",
                "WorkPlanSubmitted: Work plan for 2025, version 1, submitted for approval",
                "WorkPlanReturned: Work plan for 2025, version 1, returned for rework (Reisikulud on põhjendamata)",
                "WorkPlanDrafted: Work plan for 2025, version 2, drafted: AT6-STAFF 100000.00, AT1-SERVICES 30000.00 "
                        + "(130000.00 in all); 2 activities planned",
                "WorkPlanSubmitted: Work plan for 2025, version 2, submitted for approval",
                "WorkPlanApproved: Work plan for 2025, version 2, approved: it is the year's plan and budget from now "
                        + "on (Kinnitatud)",
                "WorkPlanDrafted: Work plan for 2025, version 3, drafted: AT6-STAFF 110000.00 (110000.00 in all); "
                        + "2 activities planned");
        JsonNode verification = read(liaison, base + "/audit-trail/verification");
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("events").asLong()).isEqualTo(trail.path("total").asLong());
    }

    @Test
    void the_rules_answer_with_the_contracts_statuses_and_record_nothing() {
        ok(manager.post(base + "/work-plans", plan(2025, List.of(amount("AT6-TRAVEL", "5000.00")))));
        ok(submit(manager, 2025));
        ok(approve(liaison, 2025, null));
        int events = eventCount();
        String path = base + "/work-plans";

        // field shape: 400
        problem(manager.post(path, body("budget", List.of())), 400, "year");
        problem(manager.post(path, body("year", "2026", "budget", List.of())), 400, null);
        problem(manager.post(path, body("year", 2026)), 400, "budget");
        problem(manager.post(path, body("year", 2026, "budget", List.of(amount("AT6-STAFF", "-1.00")))), 400,
                "budget[0].planned");
        problem(manager.post(path, body("year", 2026, "budget", List.of(amount("AT6-STAFF", "1.001")))), 400,
                "budget[0].planned");
        problem(manager.post(path, body("year", 2026, "budget", List.of(amount("AT6-STAFF", "lots")))), 400,
                "budget[0].planned");
        problem(manager.post(path, body("year", 2026, "budget", List.of(amount("AT6-STAFF", "1.00"),
                amount("AT6-STAFF", "2.00")))), 400, "budget[1].budgetLine");
        problem(manager.post(path, body("year", 2026, "budget", List.of(), "activities",
                List.of(activity("1", "2026-02-30", "2026-03-01", "x")))), 400, null);
        problem(manager.post(path, body("year", 2026, "budget", List.of(), "activities",
                List.of(body("subActivity", "1", "from", "2026-02-01", "to", "2026-03-01")))), 400,
                "activities[0].description");
        problem(manager.post(path, body("year", 2026, "budget", List.of(), "unknown", 1)), 400, null);

        // business rules: 422, 409, 404
        problem(manager.post(path, body("year", 2023, "budget", List.of())), 422, "year");
        problem(manager.post(path, body("year", 2026, "budget", List.of(amount("AT9-NOPE", "1.00")))), 422,
                "budget[0].budgetLine");
        problem(manager.post(path, body("year", 2026, "budget", List.of(amount("AT6-INDIRECT", "1.00")))), 422,
                "budget[0].budgetLine");
        problem(manager.post(path, body("year", 2026, "budget", List.of(), "activities",
                List.of(activity("9", "2026-02-01", "2026-03-01", "x")))), 422, "activities[0].subActivity");
        problem(manager.post(path, body("year", 2026, "budget", List.of(), "activities",
                List.of(activity("1", "2026-11-01", "2027-01-31", "x")))), 422, "activities[0].to");
        problem(manager.post(path, body("year", 2028, "budget", List.of(), "activities",
                List.of(activity("1", "2028-07-01", "2028-08-31", "x")))), 422, "activities[0].to");
        problem(manager.post(path, body("year", 2026, "budget", List.of(), "activities",
                List.of(activity("1", "2026-05-01", "2026-04-01", "x")))), 422, "activities[0].to");
        // AT6-TRAVEL is planned at 20000.00: 5000.00 approved for 2025 leaves 15000.00
        Api.Response over = manager.post(path, body("year", 2026, "budget", List.of(amount("AT6-TRAVEL", "15000.01"))));
        problem(over, 422, "budget[0].planned");
        assertThat(over.json().path("detail").asText()).contains("AT6-TRAVEL", "20000.00", "20000.01",
                "2025: 5000.00 approved", "2026: 15000.01 in this plan");
        problem(submit(manager, 2025), 409, null);
        problem(approve(liaison, 2025, null), 409, null);
        problem(submit(manager, 2027), 404, null);
        problem(approve(liaison, 2027, null), 404, null);
        problem(manager.post(base + "/work-plans/2025/submission", Map.of("version", 7)), 404, null);
        problem(manager.post(base + "/work-plans/abc/submission", Map.of()), 400, null);
        problem(manager.get(base + "/work-plans/abc"), 400, null);
        problem(liaison.post(base + "/work-plans/2025/return", Map.of()), 400, "comment");
        assertThat(manager.postRaw(base + "/work-plans/2025/submission", "application/x-www-form-urlencoded",
                new byte[0]).status()).isEqualTo(415);

        ok(manager.post(path, body("year", 2026, "budget", List.of(amount("AT6-TRAVEL", "15000.00")))));
        ok(submit(manager, 2026));
        problem(manager.post(path, body("year", 2026, "budget", List.of())), 409, "year");
        assertThat(eventCount()).isEqualTo(events + 2);

        // the same write again with its Idempotency-Key answers the first answer and records nothing
        Api keyed = manager.withHeader("Idempotency-Key", unique("k"));
        Api.Response once = ok(keyed.post(path, body("year", 2027, "budget", List.of())));
        assertThat(keyed.post(path, body("year", 2027, "budget", List.of())).body()).isEqualTo(once.body());
        assertThat(read(manager, base + "/work-plans/2027").path("version").asInt()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- budget execution

    /**
     * Spending: STAFF 10000.03 in 2024, then 20000.07 (Feb), SERVICES 5000.00 on AT1 and 700.00 on AT2, TRAVEL
     * 1234.57, and STAFF 3333.33 in August. The 15 % flat rate (AT6-INDIRECT) on STAFF is 1500.00 at the end of 2024
     * (1500.0045), 4500.02 at the end of June 2025 (30000.10 × 15 % = 4500.015) and 5000.01 at the end of 2025
     * (33333.43 × 15 % = 5000.0145).
     */
    @Test
    void budget_execution_shows_the_years_approved_plan_beside_the_whole_project() throws Exception {
        for (String[] e : new String[][] {{"E1", "AT6-STAFF", "10000.03", "2024-09-15"},
                {"E2", "AT6-STAFF", "20000.07", "2025-02-10"}, {"E3", "AT1-SERVICES", "5000.00", "2025-03-01"},
                {"E4", "AT6-TRAVEL", "1234.57", "2025-05-05"}, {"E5", "AT6-STAFF", "3333.33", "2025-08-20"},
                {"E6", "AT2-SERVICES", "700.00", "2025-04-01"}}) {
            ok(finance.post(base + "/expenditures", body("id", e[0], "budgetLine", e[1], "amount", e[2],
                    "incurredOn", e[3], "supplier", "OÜ Tarnija", "invoice", "A-" + e[0], "description", "Arve")));
        }
        String june = base + "/budget-execution?to=2025-06-30";
        JsonNode none = read(manager, june);
        assertThat(none.path("totals").has("yearPlanned")).isTrue();
        assertYear(none.path("totals"), null, null, null);
        Instant beforeAnyApproval = Instant.now();
        Thread.sleep(20);

        // version 1: STAFF 100000.00, SERVICES of AT1 30000.00, TRAVEL 5000.00
        ok(manager.post(base + "/work-plans", plan(2025, List.of(amount("AT6-STAFF", "100000.00"),
                amount("AT1-SERVICES", "30000.00"), amount("AT6-TRAVEL", "5000.00")))));
        ok(submit(manager, 2025));
        ok(approve(liaison, 2025, null));
        read(manager, june);
        Instant betweenApprovals = Instant.now();
        Thread.sleep(20);

        // version 2, approved later: STAFF 120000.05, AT1 25000.00, TRAVEL 5000.00, AT3 10000.00; AT2 not named
        ok(finance.post(base + "/work-plans", plan(2025, List.of(amount("AT6-STAFF", "120000.05"),
                amount("AT1-SERVICES", "25000.00"), amount("AT6-TRAVEL", "5000.00"),
                amount("AT3-SERVICES", "10000.00")))));
        JsonNode stillVersion1 = read(manager, june);
        assertYear(line(stillVersion1, "AT6-STAFF"), "100000.00", "20000.07", "20.00");
        ok(submit(manager, 2025));
        ok(approve(liaison, 2025, "Teine versioon"));

        JsonNode now = read(manager, june);
        assertYear(line(now, "AT6-STAFF"), "120000.05", "20000.07", "16.67");
        assertYear(line(now, "AT1-SERVICES"), "25000.00", "5000.00", "20.00");
        assertYear(line(now, "AT6-TRAVEL"), "5000.00", "1234.57", "24.69");
        assertYear(line(now, "AT3-SERVICES"), "10000.00", "0.00", "0.00");
        assertYear(line(now, "AT2-SERVICES"), "0.00", "700.00", null);
        assertYear(line(now, "AT4-SERVICES"), "0.00", "0.00", null);
        // 15 % of 120000.05 = 18000.0075; spent 4500.02 − 1500.00
        assertYear(line(now, "AT6-INDIRECT"), "18000.01", "3000.02", "16.67");
        assertYear(group(now, "subActivities", "subActivity", "1"), "25000.00", "5000.00", "20.00");
        assertYear(group(now, "subActivities", "subActivity", "2"), "0.00", "700.00", null);
        assertYear(group(now, "subActivities", "subActivity", "6"), "143000.06", "24234.66", "16.95");
        assertYear(group(now, "costCategories", "costCategory", "SERVICES"), "35000.00", "5700.00", "16.29");
        assertYear(group(now, "costCategories", "costCategory", "INDIRECT"), "18000.01", "3000.02", "16.67");
        assertYear(now.path("totals"), "178000.06", "29934.66", "16.82");
        // the whole-project figures are unchanged beside them
        assertThat(line(now, "AT6-STAFF").path("spentCumulative").asText()).isEqualTo("30000.10");
        assertThat(line(now, "AT6-INDIRECT").path("spentCumulative").asText()).isEqualTo("4500.02");

        // as of an instant between the approvals, version 1 is in force; before the first, none
        JsonNode then = read(manager, june + "&asOf=" + betweenApprovals);
        assertYear(line(then, "AT6-STAFF"), "100000.00", "20000.07", "20.00");
        assertYear(line(then, "AT1-SERVICES"), "30000.00", "5000.00", "16.67");
        assertYear(line(then, "AT3-SERVICES"), "0.00", "0.00", null);
        assertYear(line(then, "AT6-INDIRECT"), "15000.00", "3000.02", "20.00");
        assertYear(group(then, "subActivities", "subActivity", "6"), "120000.00", "24234.66", "20.20");
        assertYear(then.path("totals"), "150000.00", "29934.66", "19.96");
        assertYear(read(manager, june + "&asOf=" + beforeAnyApproval).path("totals"), null, null, null);

        // the whole year: August's STAFF counts; the flat rate is 5000.01 − 1500.00
        JsonNode year = read(manager, base + "/budget-execution?period=2025");
        assertYear(line(year, "AT6-STAFF"), "120000.05", "23333.40", "19.44");
        assertYear(line(year, "AT6-INDIRECT"), "18000.01", "3500.01", "19.44");
        // a year without an approved plan has no yearly figures
        assertYear(read(manager, base + "/budget-execution?period=2024").path("totals"), null, null, null);
        assertYear(line(read(manager, base + "/budget-execution?to=2026-03-31"), "AT6-STAFF"), null, null, null);
    }

    @Test
    void a_report_shows_the_years_plan_and_its_changes_name_the_approval_that_changed_it() {
        ok(finance.post(base + "/expenditures", body("id", "E1", "budgetLine", "AT6-STAFF", "amount", "1000.00",
                "incurredOn", "2024-07-01")));
        ok(manager.post(base + "/work-plans", body("year", 2024, "budget", List.of(amount("AT6-STAFF", "50000.00")))));
        ok(submit(manager, 2024));
        ok(approve(liaison, 2024, null));
        ok(manager.post(base + "/reports", body("id", "R-2024", "period", "2024", "kind", "INTERIM",
                "assessment", "Tegevused algasid plaanipäraselt")));
        JsonNode report = read(liaison, base + "/reports/R-2024");
        assertYear(line(report.path("budgetExecution"), "AT6-STAFF"), "50000.00", "1000.00", "2.00");

        // a new version approved while the period is locked: the report stays, its changes name the approval
        ok(manager.post(base + "/work-plans", body("year", 2024, "budget", List.of(amount("AT6-STAFF", "40000.00")))));
        ok(submit(manager, 2024));
        ok(approve(liaison, 2024, "Vähendatud"));
        assertYear(line(read(liaison, base + "/reports/R-2024").path("budgetExecution"), "AT6-STAFF"), "50000.00",
                "1000.00", "2.00");
        JsonNode changes = read(liaison, base + "/reports/R-2024/changes").path("changes");
        JsonNode planned = null;
        for (JsonNode change : changes) {
            if (change.path("figure").asText().equals("budgetExecution.lines[AT6-STAFF].yearPlanned")) {
                planned = change;
            }
        }
        assertThat(planned).as(changes.toString()).isNotNull();
        assertThat(planned.path("submitted").asText()).isEqualTo("50000.00");
        assertThat(planned.path("now").asText()).isEqualTo("40000.00");
        assertThat(planned.path("events").findValuesAsText("type")).containsExactly("WorkPlanApproved");
    }

    @Test
    void the_openapi_document_shows_the_work_plan_endpoints_and_the_years_columns() {
        JsonNode docs = admin.anonymous().get("/v3/api-docs").json();
        JsonNode paths = docs.path("paths");
        String plans = "/api/v1/projects/{projectId}/work-plans";
        assertThat(paths.path(plans).has("post")).isTrue();
        for (String step : List.of("submission", "approval", "return")) {
            assertThat(paths.path(plans + "/{year}/" + step).has("post")).as(step).isTrue();
        }
        assertThat(paths.path(plans + "/{year}").has("get")).isTrue();
        JsonNode schemas = docs.path("components").path("schemas");
        assertThat(schemas.path("WorkPlanDraftRequest").path("properties").has("activities")).isTrue();
        assertThat(schemas.path("WorkPlanDecisionRequest").path("properties").has("comment")).isTrue();
        assertThat(schemas.path("WorkPlan").path("properties").has("approved")).isTrue();
        assertThat(schemas.path("WorkPlanStep").path("properties").has("actor")).isTrue();
        assertThat(schemas.path("Figures").path("properties").has("yearExecutionPercent")).isTrue();
    }

    private static JsonNode line(JsonNode view, String code) {
        return group(view, "lines", "code", code);
    }

    private static JsonNode group(JsonNode view, String list, String key, String value) {
        for (JsonNode row : view.path(list)) {
            if (row.path(key).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no " + key + " " + value + " in " + view.path(list));
    }

    private static void assertYear(JsonNode row, String planned, String spent, String percent) {
        assertThat(row.has("yearPlanned") && row.has("spentInYear") && row.has("yearExecutionPercent"))
                .as(row.toString()).isTrue();
        assertThat(row.path("yearPlanned").isNull() ? null : row.path("yearPlanned").asText()).as("yearPlanned of " + row)
                .isEqualTo(planned);
        assertThat(row.path("spentInYear").isNull() ? null : row.path("spentInYear").asText()).as("spentInYear of " + row)
                .isEqualTo(spent);
        assertThat(row.path("yearExecutionPercent").isNull() ? null : row.path("yearExecutionPercent").asText())
                .as("yearExecutionPercent of " + row).isEqualTo(percent);
    }
}
