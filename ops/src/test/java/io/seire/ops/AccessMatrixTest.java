package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint × role × membership. A project you may not see answers 404 (as if it did not exist); a write your
 * role may not do on a project you see answers 403; everything else succeeds. Each case works on a project of its
 * own, set up by the administrator, so the cases do not meet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends ApiTestBase {

    static final int PROJECTS = 600;

    /** Who acts: their role, whether they belong to the case's project (or its programme). */
    enum Who {
        ADMIN("ADMIN", true), FINANCE_MEMBER("FINANCE", true), FINANCE_OTHER("FINANCE", false),
        MANAGER_MEMBER("MANAGER", true), MANAGER_OTHER("MANAGER", false), LIAISON_PROGRAMME("LIAISON", true),
        LIAISON_OTHER("LIAISON", false);

        final String role;
        final boolean member;

        Who(String role, boolean member) {
            this.role = role;
            this.member = member;
        }
    }

    /** The context of one case: its project, who acts, and the position of the last set-up write. */
    record Case(String project, String base, Api as, Api admin, java.util.concurrent.atomic.AtomicLong position) {
        void ok(Api.Response r) {
            AccessMatrixTest.ok(r);
            position.accumulateAndGet(r.position(), Math::max);
        }
    }

    /**
     * An endpoint: the roles that may send a write (empty for reads, which every member may do), what must exist
     * first, and the call.
     */
    record Endpoint(String name, Set<String> roles, Consumer<Case> prepare, BiFunction<Case, Integer, Api.Response> call) {
        Endpoint(String name, String role, Consumer<Case> prepare, BiFunction<Case, Integer, Api.Response> call) {
            this(name, role == null ? Set.of() : Set.of(role), prepare, call);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final String prefix = unique("acl");
    /** The registered programme every case's project belongs to; the liaison of the programme is its liaison. */
    private final String programme = unique("Šveitsi-Eesti koostööprogramm");
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Who, Api> actors = new LinkedHashMap<>();

    private String projectId(int i) {
        return prefix + "-Ž-" + i;
    }

    @BeforeAll
    void actors() {
        connect();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            all.add(projectId(i));
        }
        for (Who who : Who.values()) {
            if (who == Who.ADMIN) {
                actors.put(who, admin);
                continue;
            }
            String name = unique(who.name().toLowerCase());
            boolean liaison = who.role.equals("LIAISON");
            Api.Response r = admin.post("/api/v1/users", Map.of("username", name, "password", "Maatriks-123",
                    "roles", List.of(who.role),
                    "projects", who.member && !liaison ? all : List.of("someone-else"),
                    "programmes", liaison ? List.of(who.member ? programme : "ESF+ Eesti") : List.of()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            actors.put(who, admin.as(name, "Maatriks-123"));
        }
        ok(admin.post("/api/v1/programmes", programme(programme)));
    }

    static Map<String, Object> programme(String id) {
        return body("id", id, "name", "Õigused", "currency", "EUR", "claimCurrency", "CHF", "ceiling", "1000000.00",
                "fundingSources", List.of(body("code", "CH", "name", "Šveits", "share", "85", "claimable", true),
                        body("code", "EE", "name", "Eesti", "share", "15", "claimable", false)),
                "components", List.of(body("code", "C1", "name", "Üks")),
                "indicators", List.of(body("code", "P1", "name", "Näitaja", "unit", "tk")));
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static Consumer<Case> nothing() {
        return c -> {
        };
    }

    static void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
    }

    static final Consumer<Case> EXPENDITURE = c -> c.ok(c.admin().post(c.base() + "/expenditures",
            body("id", "X", "budgetLine", "L", "amount", "10.00", "incurredOn", "2024-07-01")));
    static final Consumer<Case> VALUE = c -> c.ok(c.admin().post(c.base() + "/indicators/O1/values",
            body("id", "V", "period", "2024", "value", "1")));
    static final Consumer<Case> HIRE = c -> c.ok(c.admin().post(c.base() + "/positions/POS/hires",
            body("staffId", "S", "name", "Maris Praats", "startDate", "2024-12-01", "workloadPercent", "100")));
    static final Consumer<Case> DESCRIBED = c -> c.ok(c.admin().post(c.base() + "/expenditures",
            body("id", "DX", "budgetLine", "L", "amount", "10.00", "incurredOn", "2024-07-01",
                    "description", "Koolitus, juhendaja Maris Praats")));
    static final Consumer<Case> NOTED_VALUE = c -> c.ok(c.admin().post(c.base() + "/indicators/O1/values",
            body("id", "NV", "period", "2024", "value", "1", "note", "Nõustas Maris Praats")));
    static final Consumer<Case> PROGRESS = c -> c.ok(c.admin().post(c.base() + "/sub-activities/1/progress",
            body("period", "2024", "status", "ON_TRACK", "summary", "Maris Praats alustas")));
    static final Consumer<Case> REPORT = c -> c.ok(c.admin().post(c.base() + "/reports",
            body("id", "R", "period", "2024", "kind", "INTERIM", "assessment", "Hinnang")));

    static final Consumer<Case> PAID_EXPENDITURE = c -> c.ok(c.admin().post(c.base() + "/expenditures",
            body("id", "PX", "budgetLine", "L", "amount", "100.00", "incurredOn", "2024-07-01", "paidOn", "2024-07-15")));
    static final Consumer<Case> DRAFT_PLAN = c -> c.ok(c.admin().post(c.base() + "/work-plans", workPlan()));
    static final Consumer<Case> SUBMITTED_PLAN = DRAFT_PLAN.andThen(
            c -> c.ok(c.admin().post(c.base() + "/work-plans/2025/submission", body())));
    static final Consumer<Case> CLAIM = PAID_EXPENDITURE.andThen(c -> c.ok(c.admin().post(
            c.base() + "/reimbursement-requests", claim("RR"))));
    static final Consumer<Case> APPROVED_CLAIM = CLAIM.andThen(c -> c.ok(c.admin().post(
            c.base() + "/reimbursement-requests/RR/approval", body())));

    static Map<String, Object> workPlan() {
        return body("year", 2025, "budget", List.of(body("budgetLine", "L", "planned", "4000.00")),
                "activities", List.of(body("subActivity", "1", "from", "2025-01-01", "to", "2025-06-30",
                        "description", "Õppepäevad")));
    }

    static Map<String, Object> claim(String id) {
        return body("id", id, "from", "2024-06-01", "to", "2024-12-31",
                "exchangeRate", body("rate", "0.9412", "date", "2025-01-05", "source", "Euroopa Keskpank"));
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST sub-activities", "ADMIN", nothing(),
                        (c, n) -> c.as().post(c.base() + "/sub-activities", body("code", "A" + n, "name", "Uus"))),
                new Endpoint("POST budget-lines", "ADMIN", nothing(),
                        (c, n) -> c.as().post(c.base() + "/budget-lines", body("code", "B" + n, "subActivity", "1",
                                "costCategory", "SERVICES", "planned", "100.00"))),
                new Endpoint("POST budget-lines/{code}/revisions", "ADMIN", nothing(),
                        (c, n) -> c.as().post(c.base() + "/budget-lines/L/revisions", body("planned", "9000.00",
                                "effectiveFrom", "2025-01-01", "reason", "Muudatus"))),
                new Endpoint("POST indicators", "ADMIN", nothing(),
                        (c, n) -> c.as().post(c.base() + "/indicators", body("code", "I" + n, "name", "Näitaja",
                                "unit", "tk", "kind", "OUTPUT", "measure", "NUMBER", "aggregation", "SUM",
                                "ascending", true, "baseline", "0", "target", "5"))),
                new Endpoint("POST expenditures", "FINANCE", nothing(),
                        (c, n) -> c.as().post(c.base() + "/expenditures", body("budgetLine", "L", "amount", "5.00",
                                "incurredOn", "2024-07-01"))),
                new Endpoint("POST expenditures/{id}/corrections", "FINANCE", EXPENDITURE,
                        (c, n) -> c.as().post(c.base() + "/expenditures/X/corrections", body("amount", "11.00",
                                "reason", "Parandus"))),
                new Endpoint("POST expenditures/{id}/cancellation", "FINANCE", EXPENDITURE,
                        (c, n) -> c.as().post(c.base() + "/expenditures/X/cancellation", body("reason", "Topelt"))),
                new Endpoint("POST expenditures/import", "FINANCE", nothing(),
                        (c, n) -> c.as().postRaw(c.base() + "/expenditures/import", "text/csv",
                                ("id,budgetLine,amount,incurredOn,paidOn,supplier,invoice,description\nK" + n
                                        + ",L,1.00,2024-07-01,,,,\n").getBytes(StandardCharsets.UTF_8))),
                new Endpoint("POST indicators/{code}/values", "MANAGER", nothing(),
                        (c, n) -> c.as().post(c.base() + "/indicators/O1/values", body("period", "2024", "value", "2"))),
                new Endpoint("POST values/{id}/corrections", "MANAGER", VALUE,
                        (c, n) -> c.as().post(c.base() + "/indicators/O1/values/V/corrections", body("value", "3",
                                "reason", "Parandus"))),
                new Endpoint("POST values/{id}/retraction", "MANAGER", VALUE,
                        (c, n) -> c.as().post(c.base() + "/indicators/O1/values/V/retraction", body("reason", "Vale"))),
                new Endpoint("POST sub-activities/{code}/progress", "MANAGER", nothing(),
                        (c, n) -> c.as().post(c.base() + "/sub-activities/1/progress", body("period", "2024",
                                "status", "ON_TRACK", "summary", "Kõik hästi"))),
                new Endpoint("POST positions", "MANAGER", nothing(),
                        (c, n) -> c.as().post(c.base() + "/positions", body("code", "P" + n, "title", "Koordinaator",
                                "subActivities", List.of("1"), "openedOn", "2024-06-01"))),
                new Endpoint("POST positions/{code}/recruitment-failures", "MANAGER", nothing(),
                        (c, n) -> c.as().post(c.base() + "/positions/POS/recruitment-failures", body("date", "2024-10-15",
                                "reason", "Kandidaate ei olnud"))),
                new Endpoint("POST positions/{code}/hires", "MANAGER", nothing(),
                        (c, n) -> c.as().post(c.base() + "/positions/POS/hires", body("name", "Elmo Puidet",
                                "startDate", "2024-11-01", "workloadPercent", "100"))),
                new Endpoint("POST staff/{id}/departure", "MANAGER", HIRE,
                        (c, n) -> c.as().post(c.base() + "/staff/S/departure", body("endDate", "2025-01-31"))),
                new Endpoint("POST staff/{id}/erasure", "ADMIN", HIRE,
                        (c, n) -> c.as().post(c.base() + "/staff/S/erasure", body("reason", "Andmesubjekti taotlus"))),
                new Endpoint("POST expenditures/{id}/redaction", "ADMIN", DESCRIBED,
                        (c, n) -> c.as().post(c.base() + "/expenditures/DX/redaction",
                                body("fields", List.of("description"), "reason", "Andmesubjekti taotlus"))),
                new Endpoint("POST indicators/{code}/values/{id}/redaction", "ADMIN", NOTED_VALUE,
                        (c, n) -> c.as().post(c.base() + "/indicators/O1/values/NV/redaction",
                                body("fields", List.of("note"), "reason", "Andmesubjekti taotlus"))),
                new Endpoint("POST sub-activities/{code}/progress/{period}/redaction", "ADMIN", PROGRESS,
                        (c, n) -> c.as().post(c.base() + "/sub-activities/1/progress/2024/redaction",
                                body("fields", List.of("summary"), "reason", "Andmesubjekti taotlus"))),
                new Endpoint("POST reports", "MANAGER", nothing(),
                        (c, n) -> c.as().post(c.base() + "/reports", body("period", "2025", "kind", "INTERIM",
                                "assessment", "Hinnang"))),
                new Endpoint("POST reports/{id}/approval", "LIAISON", REPORT,
                        (c, n) -> c.as().post(c.base() + "/reports/R/approval", body("comment", "Kinnitatud"))),
                new Endpoint("POST reports/{id}/return", "LIAISON", REPORT,
                        (c, n) -> c.as().post(c.base() + "/reports/R/return", body("comment", "Paranda"))),
                new Endpoint("POST work-plans", Set.of("MANAGER", "FINANCE"), nothing(),
                        (c, n) -> c.as().post(c.base() + "/work-plans", workPlan())),
                new Endpoint("POST work-plans/{year}/submission", "MANAGER", DRAFT_PLAN,
                        (c, n) -> c.as().post(c.base() + "/work-plans/2025/submission", body())),
                new Endpoint("POST work-plans/{year}/approval", "LIAISON", SUBMITTED_PLAN,
                        (c, n) -> c.as().post(c.base() + "/work-plans/2025/approval", body("comment", "Sobib"))),
                new Endpoint("POST work-plans/{year}/return", "LIAISON", SUBMITTED_PLAN,
                        (c, n) -> c.as().post(c.base() + "/work-plans/2025/return", body("comment", "Täienda"))),
                new Endpoint("POST reimbursement-requests", "FINANCE", PAID_EXPENDITURE,
                        (c, n) -> c.as().post(c.base() + "/reimbursement-requests", claim("RQ" + n))),
                new Endpoint("POST reimbursement-requests/{id}/approval", "LIAISON", CLAIM,
                        (c, n) -> c.as().post(c.base() + "/reimbursement-requests/RR/approval", body())),
                new Endpoint("POST reimbursement-requests/{id}/return", "LIAISON", CLAIM,
                        (c, n) -> c.as().post(c.base() + "/reimbursement-requests/RR/return", body("comment", "Paranda"))),
                new Endpoint("POST reimbursement-requests/{id}/payment", "LIAISON", APPROVED_CLAIM,
                        (c, n) -> c.as().post(c.base() + "/reimbursement-requests/RR/payment",
                                body("paidOn", "2025-02-01", "amount", "80.00"))),
                new Endpoint("GET work-plans/{year}", Set.of(), DRAFT_PLAN, (c, n) -> c.as().get(c.base() + "/work-plans/2025")),
                new Endpoint("GET reimbursement-requests", Set.of(), CLAIM,
                        (c, n) -> c.as().get(c.base() + "/reimbursement-requests")),
                new Endpoint("GET reimbursement-requests/{id}", Set.of(), CLAIM,
                        (c, n) -> c.as().get(c.base() + "/reimbursement-requests/RR")),
                new Endpoint("GET iati-activity", Set.of(), nothing(), (c, n) -> c.as().get(c.base() + "/iati-activity")),
                new Endpoint("GET project", Set.of(), nothing(), (c, n) -> c.as().get(c.base())),
                new Endpoint("GET expenditures", Set.of(), nothing(), (c, n) -> c.as().get(c.base() + "/expenditures")),
                new Endpoint("GET budget-execution", Set.of(), nothing(),
                        (c, n) -> c.as().get(c.base() + "/budget-execution?period=2024")),
                new Endpoint("GET results-framework", Set.of(), nothing(),
                        (c, n) -> c.as().get(c.base() + "/results-framework?period=2024")),
                new Endpoint("GET activity-progress", Set.of(), nothing(),
                        (c, n) -> c.as().get(c.base() + "/activity-progress?period=2024")),
                new Endpoint("GET staffing", Set.of(), nothing(), (c, n) -> c.as().get(c.base() + "/staffing?on=2024-12-31")),
                new Endpoint("GET reports", Set.of(), nothing(), (c, n) -> c.as().get(c.base() + "/reports")),
                new Endpoint("GET reports/{id}", Set.of(), REPORT, (c, n) -> c.as().get(c.base() + "/reports/R")),
                new Endpoint("GET reports/{id}/changes", Set.of(), REPORT, (c, n) -> c.as().get(c.base() + "/reports/R/changes")),
                new Endpoint("GET reports/{id} as PDF", Set.of(), REPORT,
                        (c, n) -> c.as().get(c.base() + "/reports/R?lang=et", "application/pdf")),
                new Endpoint("GET reports/{id}?format=xlsx", Set.of(), REPORT,
                        (c, n) -> c.as().get(c.base() + "/reports/R?format=xlsx")),
                new Endpoint("GET audit-trail", Set.of(), nothing(), (c, n) -> c.as().get(c.base() + "/audit-trail")),
                new Endpoint("GET audit-trail as CSV", Set.of(), nothing(), (c, n) -> c.as().get(c.base() + "/audit-trail", "text/csv")),
                new Endpoint("GET audit-trail/verification", Set.of(), nothing(),
                        (c, n) -> c.as().get(c.base() + "/audit-trail/verification")));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(endpoint, who));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void every_endpoint_answers_each_role_and_membership_as_the_contract_says(Endpoint endpoint, Who who) {
        int n = next.getAndIncrement();
        String project = projectId(n);
        String base = "/api/v1/projects/" + Api.seg(project);
        Case c = new Case(project, base, actors.get(who), admin,
                new java.util.concurrent.atomic.AtomicLong(setUp(project, base)));
        endpoint.prepare().accept(c);
        assertThat(admin.get(base + "?minPosition=" + c.position().get()).status()).isEqualTo(200);

        Api.Response r = endpoint.call().apply(c, n);

        boolean sees = who == Who.ADMIN || who.member;
        if (!sees) {
            assertThat(r.status()).as(endpoint + " as " + who + ": " + r.body()).isEqualTo(404);
        } else if (endpoint.roles().isEmpty() || who == Who.ADMIN || endpoint.roles().contains(who.role)) {
            assertThat(r.status()).as(endpoint + " as " + who + ": " + r.body()).isBetween(200, 201);
        } else {
            assertThat(r.status()).as(endpoint + " as " + who + ": " + r.body()).isEqualTo(403);
        }
    }

    private long setUp(String project, String base) {
        ok(admin.post("/api/v1/projects", body("id", project, "name", "Õigused", "programme", programme, "component", "C1",
                "beneficiary", "KÜSK", "currency", "EUR", "eligibleFrom", "2024-06-01", "eligibleTo", "2026-12-31",
                "flexibilityPercent", "10", "reportingPeriods", List.of(
                        body("id", "2024", "from", "2024-06-01", "to", "2024-12-31"),
                        body("id", "2025", "from", "2025-01-01", "to", "2025-12-31")))));
        ok(admin.post(base + "/sub-activities", body("code", "1", "name", "Üks")));
        ok(admin.post(base + "/budget-lines", body("code", "L", "subActivity", "1", "costCategory", "STAFF",
                "planned", "10000.00")));
        ok(admin.post(base + "/indicators", body("code", "O1", "name", "Näitaja", "unit", "tk", "kind", "OUTPUT",
                "measure", "NUMBER", "aggregation", "SUM", "ascending", true, "baseline", "0", "target", "5")));
        Api.Response opened = admin.post(base + "/positions", body("code", "POS", "title", "Projektijuht",
                "subActivities", List.of("1"), "openedOn", "2024-06-01"));
        ok(opened);
        return opened.position();
    }

    /** A programme endpoint: whether it is a roll-up (administrators and the programme's liaisons only) and the call. */
    record ProgrammeEndpoint(String name, boolean rollUp, java.util.function.Function<String, String> path) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<ProgrammeEndpoint> programmeEndpoints() {
        return List.of(
                new ProgrammeEndpoint("GET programme", false, g -> g),
                new ProgrammeEndpoint("GET programme budget-execution", true, g -> g + "/budget-execution?to=2024-12-31"),
                new ProgrammeEndpoint("GET programme results", true, g -> g + "/results?to=2024-12-31"),
                new ProgrammeEndpoint("GET programme reimbursement", true, g -> g + "/reimbursement"),
                new ProgrammeEndpoint("GET programme iati-activities", true, g -> g + "/iati-activities"),
                new ProgrammeEndpoint("GET programme audit-trail", true, g -> g + "/audit-trail"),
                new ProgrammeEndpoint("GET programme audit-trail/verification", true,
                        g -> g + "/audit-trail/verification"));
    }

    static Stream<Arguments> programmeCases() {
        List<Arguments> cases = new ArrayList<>();
        for (ProgrammeEndpoint endpoint : programmeEndpoints()) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(endpoint, who));
            }
        }
        return cases.stream();
    }

    /**
     * A programme you may not see answers 404: you are neither its liaison nor a member of one of its projects. A
     * member sees the programme but not its roll-ups (403): they show every project's figures.
     */
    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("programmeCases")
    void every_programme_endpoint_answers_each_role_and_membership_as_the_contract_says(ProgrammeEndpoint endpoint,
                                                                                       Who who) {
        String project = projectId(next.getAndIncrement());
        long position = setUp(project, "/api/v1/projects/" + Api.seg(project));

        String path = endpoint.path().apply("/api/v1/programmes/" + Api.seg(programme));
        Api.Response r = actors.get(who).get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + position);

        boolean sees = who == Who.ADMIN || who.member;
        boolean readsAll = who == Who.ADMIN || who == Who.LIAISON_PROGRAMME;
        int expected = !sees ? 404 : endpoint.rollUp() && !readsAll ? 403 : 200;
        assertThat(r.status()).as(endpoint + " as " + who + ": " + r.body()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "programme list as {0}")
    @MethodSource("whos")
    void the_programme_list_shows_exactly_the_programmes_you_may_see(Who who) {
        String project = projectId(next.getAndIncrement());
        long position = setUp(project, "/api/v1/projects/" + Api.seg(project));
        Api.Response list = actors.get(who).get("/api/v1/programmes?size=1000&minPosition=" + position);
        assertThat(list.status()).isEqualTo(200);
        Set<String> ids = Set.copyOf(list.json().path("items").findValuesAsText("id"));
        assertThat(ids.contains(programme)).as(who.toString()).isEqualTo(who == Who.ADMIN || who.member);
    }

    @ParameterizedTest(name = "project list as {0}")
    @MethodSource("whos")
    void the_project_list_shows_exactly_the_projects_you_may_see(Who who) {
        String project = projectId(next.getAndIncrement());
        long position = setUp(project, "/api/v1/projects/" + Api.seg(project));
        Api.Response list = actors.get(who).get("/api/v1/projects?size=1000&minPosition=" + position);
        assertThat(list.status()).isEqualTo(200);
        Set<String> ids = Set.copyOf(list.json().path("items").findValuesAsText("id"));
        assertThat(ids.contains(project)).as(who.toString()).isEqualTo(who == Who.ADMIN || who.member);
    }

    @ParameterizedTest(name = "users, projects and programmes are created by administrators only: {0}")
    @MethodSource("whos")
    void only_administrators_create_users_projects_and_programmes(Who who) {
        Api as = actors.get(who);
        Api.Response user = as.post("/api/v1/users", body("username", unique("uus"), "password", "Parool-12345678",
                "roles", List.of("MANAGER")));
        Api.Response project = as.post("/api/v1/projects", body("id", unique("uus"), "name", "x", "programme", "p",
                "beneficiary", "b", "currency", "EUR", "eligibleFrom", "2024-01-01", "eligibleTo", "2024-12-31",
                "reportingPeriods", List.of()));
        Api.Response programme = as.post("/api/v1/programmes", programme(unique("uus")));
        int expected = who == Who.ADMIN ? 201 : 403;
        assertThat(user.status()).as(user.body()).isEqualTo(expected);
        assertThat(project.status()).as(project.body()).isEqualTo(expected);
        assertThat(programme.status()).as(programme.body()).isEqualTo(expected);
    }

    static Stream<Who> whos() {
        return Stream.of(Who.values());
    }
}
