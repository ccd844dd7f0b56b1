package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Programmes end to end over HTTP: registration and its rules, projects and indicators placed in a programme, who
 * sees which programme view, and the roll-ups against figures computed by hand below.
 */
class ProgrammeApiTest extends ApiTestBase {

    @Autowired
    DataSource dataSource;

    private long position;

    // ---------------------------------------------------------------- helpers

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** The Swiss–Estonian kind of programme: books in EUR, claims in CHF, 85 % Swiss (claimed) and 15 % national. */
    static Map<String, Object> programme(String id) {
        return body("id", id, "name", "Šveitsi-Eesti koostööprogramm", "currency", "EUR", "claimCurrency", "CHF",
                "ceiling", "2500000.00",
                "fundingSources", List.of(
                        body("code", "CH", "name", "Šveitsi toetus", "share", "85", "claimable", true),
                        body("code", "EE", "name", "Riiklik kaasfinantseering", "share", "15", "claimable", false)),
                "components", List.of(body("code", "C1", "name", "Kodanikuühiskond"),
                        body("code", "C2", "name", "Sotsiaalne innovatsioon"),
                        body("code", "C3", "name", "Tervishoid")),
                "indicators", List.of(body("code", "P1", "name", "Nõustatud organisatsioonid", "unit", "organisatsioon"),
                        body("code", "P2", "name", "Koolitatud inimesed", "unit", "inimene"),
                        body("code", "P3", "name", "Uuringud", "unit", "uuring")));
    }

    static Map<String, Object> project(String id, String programme, String component, String currency,
                                       List<Map<String, Object>> periods) {
        Map<String, Object> b = body("id", id, "name", "Projekt " + id, "programme", programme,
                "beneficiary", "SA Kodanikuühiskonna Sihtkapital", "currency", currency,
                "eligibleFrom", "2024-06-01", "eligibleTo", "2026-12-31", "flexibilityPercent", "10",
                "reportingPeriods", periods);
        if (component != null) {
            b.put("component", component);
        }
        return b;
    }

    static final List<Map<String, Object>> YEARLY = List.of(
            body("id", "2024", "from", "2024-06-01", "to", "2024-12-31"),
            body("id", "2025", "from", "2025-01-01", "to", "2025-12-31"));

    private String registerProgramme() {
        String id = unique("Šveitsi-Eesti");
        created(admin.post("/api/v1/programmes", programme(id)));
        return id;
    }

    private Api.Response created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        position = Math.max(position, r.position());
        return r;
    }

    private static String p(String id) {
        return "/api/v1/projects/" + Api.seg(id);
    }

    private static String g(String id) {
        return "/api/v1/programmes/" + Api.seg(id);
    }

    /** The path, read once every write so far is in the views. */
    private String atLeast(String path) {
        return path + (path.contains("?") ? "&" : "?") + "minPosition=" + position;
    }

    private JsonNode read(Api as, String path) {
        Api.Response r = as.get(atLeast(path));
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static void problem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.json().path("errors").findValuesAsText("field")).as(r.body()).contains(field);
        }
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    // ---------------------------------------------------------------- registration

    @Test
    void a_programme_is_registered_in_a_stream_of_its_own_and_reads_back_as_registered() {
        String id = unique("Šveitsi-Eesti");
        Api keyed = admin.withHeader("Idempotency-Key", unique("k"));
        Api.Response first = created(keyed.post("/api/v1/programmes", programme(id)));
        assertThat(first.json().path("id").asText()).isEqualTo(id);
        assertThat(first.json().path("position").asLong()).isPositive();
        Api.Response again = keyed.post("/api/v1/programmes", programme(id));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        problem(keyed.post("/api/v1/programmes", with(programme(id), "name", "Teine")), 422, null);

        JsonNode detail = read(admin, g(id));
        assertThat(detail.toString()).isEqualTo("{\"id\":\"" + id + "\",\"name\":\"Šveitsi-Eesti koostööprogramm\","
                + "\"currency\":\"EUR\",\"claimCurrency\":\"CHF\",\"ceiling\":\"2500000.00\",\"fundingSources\":["
                + "{\"code\":\"CH\",\"name\":\"Šveitsi toetus\",\"share\":\"85\",\"claimable\":true},"
                + "{\"code\":\"EE\",\"name\":\"Riiklik kaasfinantseering\",\"share\":\"15\",\"claimable\":false}],"
                + "\"components\":[{\"code\":\"C1\",\"name\":\"Kodanikuühiskond\"},{\"code\":\"C2\","
                + "\"name\":\"Sotsiaalne innovatsioon\"},{\"code\":\"C3\",\"name\":\"Tervishoid\"}],"
                + "\"indicators\":[{\"code\":\"P1\",\"name\":\"Nõustatud organisatsioonid\",\"unit\":\"organisatsioon\"},"
                + "{\"code\":\"P2\",\"name\":\"Koolitatud inimesed\",\"unit\":\"inimene\"},"
                + "{\"code\":\"P3\",\"name\":\"Uuringud\",\"unit\":\"uuring\"}],\"projects\":[]}");

        JsonNode list = read(admin, "/api/v1/programmes?size=1000");
        JsonNode summary = null;
        for (JsonNode item : list.path("items")) {
            if (item.path("id").asText().equals(id)) {
                summary = item;
            }
        }
        assertThat(summary).isNotNull();
        assertThat(summary.toString()).isEqualTo("{\"id\":\"" + id + "\",\"name\":\"Šveitsi-Eesti koostööprogramm\","
                + "\"currency\":\"EUR\",\"claimCurrency\":\"CHF\",\"ceiling\":\"2500000.00\"}");

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT type FROM domainevententry WHERE aggregateidentifier = ?", String.class,
                "programme/" + id)).containsExactly("Programme");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, id)).isZero();
    }

    @Test
    void the_audit_trail_tells_a_clerk_what_was_registered_and_the_chain_covers_it() {
        String id = unique("Šveitsi-Eesti");
        String key = unique("audit");
        created(admin.withHeader("Idempotency-Key", key).post("/api/v1/programmes", programme(id)));

        JsonNode trail = read(admin, g(id) + "/audit-trail");
        assertThat(trail.path("total").asLong()).isEqualTo(1);
        JsonNode entry = trail.path("items").get(0);
        assertThat(entry.path("type").asText()).isEqualTo("ProgrammeRegistered");
        assertThat(entry.path("actor").asText()).isEqualTo("admin");
        assertThat(entry.path("roles").asText()).isEqualTo("ADMIN");
        assertThat(entry.path("idempotencyKey").asText()).isEqualTo(key);
        assertThat(entry.path("position").asLong()).isEqualTo(position);
        assertThat(entry.path("summary").asText()).isEqualTo("Programme registered: Šveitsi-Eesti koostööprogramm; "
                + "projects keep their books in EUR; claims in CHF up to a ceiling of 2500000.00 CHF; funded by "
                + "Šveitsi toetus 85 % (claimed from the funder), Riiklik kaasfinantseering 15 % (not claimed); "
                + "components: C1 Kodanikuühiskond, C2 Sotsiaalne innovatsioon, C3 Tervishoid; indicators: "
                + "P1 Nõustatud organisatsioonid (organisatsioon), P2 Koolitatud inimesed (inimene), P3 Uuringud (uuring)");
        assertThat(entry.path("hash").asText()).hasSize(64);

        JsonNode verified = read(admin, g(id) + "/audit-trail/verification");
        assertThat(verified.path("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("events").asLong()).isEqualTo(1);
        assertThat(verified.path("head").asText()).isEqualTo(entry.path("hash").asText());
        JsonNode kept = read(admin, g(id) + "/audit-trail/verification?head=" + "0".repeat(64) + "&position=" + position);
        assertThat(kept.path("valid").asBoolean()).isFalse();
    }

    @Test
    void programme_rules_answer_400_naming_the_field_and_record_nothing() {
        String id = unique("reeglid");
        Map<String, Object> valid = programme(id);
        List<Map<String, Object>> cases = new ArrayList<>();
        List<String> fields = new ArrayList<>();

        cases.add(with(valid, "fundingSources", List.of(
                body("code", "CH", "name", "Šveits", "share", "85", "claimable", true),
                body("code", "EE", "name", "Eesti", "share", "14.99", "claimable", false))));
        fields.add("fundingSources");
        cases.add(with(valid, "fundingSources", List.of(
                body("code", "CH", "name", "Šveits", "share", "85", "claimable", false),
                body("code", "EE", "name", "Eesti", "share", "15", "claimable", false))));
        fields.add("fundingSources");
        cases.add(with(valid, "fundingSources", List.of(
                body("code", "CH", "name", "Šveits", "share", "85", "claimable", true),
                body("code", "CH", "name", "Eesti", "share", "15", "claimable", false))));
        fields.add("fundingSources[1].code");
        cases.add(with(valid, "components", List.of(body("code", "C1", "name", "Üks"), body("code", "C1", "name", "Kaks"))));
        fields.add("components[1].code");
        cases.add(with(valid, "indicators", List.of(body("code", "P1", "name", "Üks", "unit", "tk"),
                body("code", "P1", "name", "Kaks", "unit", "tk"))));
        fields.add("indicators[1].code");
        cases.add(with(valid, "fundingSources", List.of()));
        fields.add("fundingSources");
        cases.add(with(valid, "fundingSources", List.of(
                body("code", "CH", "name", "Šveits", "share", "120", "claimable", true),
                body("code", "EE", "name", "Eesti", "share", "-20", "claimable", false))));
        fields.add("fundingSources[0].share");
        cases.add(with(valid, "fundingSources", List.of(body("code", "CH", "name", "Šveits", "share", "100"))));
        fields.add("fundingSources[0].claimable");
        cases.add(with(valid, "fundingSources", List.of(
                body("code", "CH", "name", "Šveits", "share", "sada", "claimable", true))));
        fields.add("fundingSources[0].share");
        cases.add(with(valid, "currency", "EURO"));
        fields.add("currency");
        cases.add(with(valid, "claimCurrency", "SFR"));
        fields.add("claimCurrency");
        cases.add(with(valid, "ceiling", "2500000.001"));
        fields.add("ceiling");
        cases.add(with(valid, "ceiling", "0"));
        fields.add("ceiling");
        cases.add(with(valid, "ceiling", 2500000));
        fields.add("ceiling");
        cases.add(without(valid, "ceiling"));
        fields.add("ceiling");
        cases.add(without(valid, "fundingSources"));
        fields.add("fundingSources");
        cases.add(with(valid, "indicators", List.of(body("code", "P1", "name", "Üks"))));
        fields.add("indicators[0].unit");
        cases.add(with(valid, "id", "ESF+/2021"));
        fields.add("id");
        cases.add(with(valid, "budget", "100"));
        fields.add("budget");
        cases.add(with(valid, "name", "Programm\u0000"));
        fields.add("name");
        cases.add(with(valid, "ceiling", "1234567890123456.00"));
        fields.add("ceiling");

        for (int i = 0; i < cases.size(); i++) {
            Api.Response r = admin.post("/api/v1/programmes", cases.get(i));
            assertThat(r.status()).as("case " + i + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().path("errors").findValuesAsText("field")).as("case " + i + ": " + r.body())
                    .contains(fields.get(i));
        }
        assertThat(admin.get(g(id)).status()).isEqualTo(404);

        Api liaison = user("LIAISON", List.of(), List.of(id));
        problem(liaison.post("/api/v1/programmes", valid), 403, null);
        created(admin.post("/api/v1/programmes", valid));
        Api.Response twice = admin.post("/api/v1/programmes", valid);
        problem(twice, 409, null);
        assertThat(twice.json().path("detail").asText()).contains("already registered");
    }

    @Test
    void a_project_and_its_programme_registered_at_the_same_moment_never_disagree_on_the_currency() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 8; i++) {
                String g = unique("race");
                String project = unique("race");
                CountDownLatch start = new CountDownLatch(1);
                Future<Api.Response> registeringProject = pool.submit(() -> {
                    start.await();
                    return admin.post("/api/v1/projects", project(project, g, null, "CHF", YEARLY));
                });
                Future<Api.Response> registeringProgramme = pool.submit(() -> {
                    start.await();
                    return admin.post("/api/v1/programmes", programme(g));
                });
                start.countDown();
                Api.Response p = registeringProject.get(60, TimeUnit.SECONDS);
                Api.Response q = registeringProgramme.get(60, TimeUnit.SECONDS);
                // whichever comes second sees the first: a CHF project and its EUR programme never both exist
                assertThat(List.of(p.status(), q.status())).as(p + " / " + q).containsExactlyInAnyOrder(201, 422);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_openapi_document_shows_the_programme_endpoints() {
        JsonNode docs = admin.anonymous().get("/v3/api-docs").json();
        JsonNode paths = docs.path("paths");
        assertThat(paths.path("/api/v1/programmes").has("post")).isTrue();
        assertThat(paths.path("/api/v1/programmes").has("get")).isTrue();
        for (String path : List.of("/api/v1/programmes/{programmeId}", "/api/v1/programmes/{programmeId}/budget-execution",
                "/api/v1/programmes/{programmeId}/results", "/api/v1/programmes/{programmeId}/audit-trail",
                "/api/v1/programmes/{programmeId}/audit-trail/verification")) {
            assertThat(paths.path(path).has("get")).as(path).isTrue();
        }
        JsonNode schemas = docs.path("components").path("schemas");
        assertThat(schemas.path("RegisterProgrammeRequest").path("properties").has("fundingSources")).isTrue();
        assertThat(schemas.path("BudgetExecutionView").path("properties").has("bySource")).isTrue();
        assertThat(schemas.path("ProgrammeDetail").path("properties").has("projects")).isTrue();
        assertThat(schemas.path("RegisterProjectRequest").path("properties").has("component")).isTrue();
        assertThat(schemas.path("IndicatorRequest").path("properties").has("programmeIndicator")).isTrue();
    }

    // ---------------------------------------------------------------- projects and indicators in a programme

    @Test
    void a_project_of_a_registered_programme_keeps_its_currency_and_names_one_of_its_components() {
        String g = registerProgramme();
        String a = unique("proj");

        Api.Response noSuchComponent = admin.post("/api/v1/projects", project(a, g, "C9", "EUR", YEARLY));
        problem(noSuchComponent, 422, "component");
        assertThat(noSuchComponent.json().path("detail").asText()).contains("has no component 'C9'");
        Api.Response otherCurrency = admin.post("/api/v1/projects", project(a, g, "C1", "CHF", YEARLY));
        problem(otherCurrency, 422, "currency");
        assertThat(otherCurrency.json().path("detail").asText()).contains("EUR").contains("CHF");
        assertThat(admin.get(p(a)).status()).isEqualTo(404);

        created(admin.post("/api/v1/projects", project(a, g, "C1", "EUR", YEARLY)));
        JsonNode detail = read(admin, p(a));
        assertThat(detail.path("programme").asText()).isEqualTo(g);
        assertThat(detail.path("component").asText()).isEqualTo("C1");
        assertThat(read(admin, g(g)).path("projects").toString())
                .isEqualTo("[{\"id\":\"" + a + "\",\"name\":\"Projekt " + a + "\",\"component\":\"C1\"}]");

        // a programme that is not registered: as before, and no component can be named
        String unregistered = unique("ESF+");
        String b = unique("proj");
        problem(admin.post("/api/v1/projects", project(b, unregistered, "C1", "CHF", YEARLY)), 422, "component");
        created(admin.post("/api/v1/projects", project(b, unregistered, null, "CHF", YEARLY)));
        JsonNode plain = read(admin, p(b));
        assertThat(plain.path("component").isNull()).isTrue();
        assertThat(plain.path("currency").asText()).isEqualTo("CHF");

        // that programme cannot be registered later in another currency than its projects keep
        Api.Response late = admin.post("/api/v1/programmes", programme(unregistered));
        problem(late, 422, "currency");
        assertThat(late.json().path("detail").asText()).contains(b).contains("EUR");
        assertThat(admin.get(g(unregistered)).status()).isEqualTo(404);
    }

    @Test
    void text_indicators_need_no_unit_and_number_indicators_may_count_towards_a_programme_indicator() {
        String g = registerProgramme();
        String a = unique("proj");
        created(admin.post("/api/v1/projects", project(a, g, "C2", "EUR", YEARLY)));
        String indicators = p(a) + "/indicators";

        created(admin.post(indicators, body("code", "T1", "name", "Tegevuskava", "kind", "OUTPUT", "measure", "TEXT",
                "aggregation", "LATEST")));
        created(admin.post(indicators, body("code", "T2", "name", "Aruanne", "unit", "", "kind", "OUTPUT",
                "measure", "TEXT", "aggregation", "LATEST")));
        problem(admin.post(indicators, body("code", "N1", "name", "Arv", "kind", "OUTPUT", "measure", "NUMBER",
                "aggregation", "SUM", "ascending", true, "baseline", "0", "target", "5")), 400, "unit");
        problem(admin.post(indicators, body("code", "N1", "name", "Arv", "unit", "", "kind", "OUTPUT",
                "measure", "PERCENTAGE", "aggregation", "LATEST", "ascending", true, "baseline", "0", "target", "5")),
                400, "unit");

        Map<String, Object> counted = body("code", "O1", "name", "Nõustatud", "unit", "organisatsioon", "kind", "OUTPUT",
                "measure", "NUMBER", "aggregation", "SUM", "ascending", true, "baseline", "0", "target", "20",
                "programmeIndicator", "P9");
        Api.Response unknown = admin.post(indicators, counted);
        problem(unknown, 422, "programmeIndicator");
        assertThat(unknown.json().path("detail").asText()).contains("has no indicator 'P9'");
        Api.Response percentage = admin.post(indicators, with(with(counted, "measure", "PERCENTAGE"),
                "programmeIndicator", "P1"));
        problem(percentage, 422, "programmeIndicator");
        assertThat(percentage.json().path("detail").asText()).contains("Only a number indicator");
        problem(admin.post(indicators, body("code", "T3", "name", "Tekst", "kind", "OUTPUT", "measure", "TEXT",
                "aggregation", "LATEST", "programmeIndicator", "P1")), 422, "programmeIndicator");
        created(admin.post(indicators, with(counted, "programmeIndicator", "P1")));

        List<String> summaries = read(admin, p(a) + "/audit-trail").path("items").findValuesAsText("summary");
        assertThat(summaries.get(0)).isEqualTo("Project registered: Projekt " + a + ", eligible 2024-06-01 to "
                + "2026-12-31, in component C2 of programme " + g);
        assertThat(summaries.get(summaries.size() - 1)).isEqualTo("Indicator O1 defined: Nõustatud, counting towards "
                + "programme indicator P1");
        assertThat(summaries.get(1)).isEqualTo("Indicator T1 defined: Tegevuskava");

        JsonNode defined = read(admin, p(a)).path("indicators");
        assertThat(defined).hasSize(3);
        assertThat(defined.get(0).path("unit").asText()).isEqualTo("");
        assertThat(defined.get(0).path("unit").isTextual()).isTrue();
        assertThat(defined.get(1).path("unit").asText()).isEqualTo("");
        assertThat(defined.get(0).has("programmeIndicator")).isFalse();
        assertThat(defined.get(2).path("programmeIndicator").asText()).isEqualTo("P1");
        JsonNode framework = read(admin, p(a) + "/results-framework?period=2024");
        assertThat(framework.get(0).path("unit").asText()).isEqualTo("");
        assertThat(framework.get(0).path("unit").isTextual()).isTrue();

        // a project of a programme that is not registered has no programme indicators to count towards
        String b = unique("proj");
        created(admin.post("/api/v1/projects", project(b, unique("ESF+"), null, "EUR", YEARLY)));
        problem(admin.post(p(b) + "/indicators", with(counted, "programmeIndicator", "P1")), 422,
                "programmeIndicator");
    }

    // ---------------------------------------------------------------- who sees what

    @Test
    void each_reader_sees_the_programmes_and_figures_their_role_allows() {
        String g = registerProgramme();
        String other = registerProgramme();
        String a = unique("A");
        String b = unique("B");
        String x = unique("X");
        created(admin.post("/api/v1/projects", project(a, g, "C1", "EUR", YEARLY)));
        created(admin.post("/api/v1/projects", project(b, g, "C2", "EUR", YEARLY)));
        created(admin.post("/api/v1/projects", project(x, other, null, "EUR", YEARLY)));
        for (String project : List.of(a, b)) {
            created(admin.post(p(project) + "/sub-activities", body("code", "1", "name", "Üks")));
            created(admin.post(p(project) + "/budget-lines", body("code", "L", "subActivity", "1",
                    "costCategory", "STAFF", "planned", "1000.00")));
        }
        created(admin.post(p(b) + "/expenditures", body("budgetLine", "L", "amount", "777.77",
                "incurredOn", "2024-07-01")));

        Api financeOfA = user("FINANCE", List.of(a), List.of());
        Api managerOfX = user("MANAGER", List.of(x), List.of());
        Api liaisonOfG = user("LIAISON", List.of(), List.of(g));
        Api liaisonOfOther = user("LIAISON", List.of(), List.of(other));

        // the list: the programmes of one's projects, or of which one is liaison
        assertThat(ids(read(financeOfA, "/api/v1/programmes?size=1000"))).contains(g).doesNotContain(other);
        assertThat(ids(read(managerOfX, "/api/v1/programmes?size=1000"))).contains(other).doesNotContain(g);
        assertThat(ids(read(liaisonOfG, "/api/v1/programmes?size=1000"))).contains(g).doesNotContain(other);
        assertThat(ids(read(liaisonOfOther, "/api/v1/programmes?size=1000"))).contains(other).doesNotContain(g);
        assertThat(ids(read(admin, "/api/v1/programmes?size=1000"))).contains(g, other);

        // the programme: a member sees it with their own projects only; its liaison with all of them
        assertThat(read(financeOfA, g(g)).path("projects").findValuesAsText("id")).containsExactly(a);
        assertThat(read(liaisonOfG, g(g)).path("projects").findValuesAsText("id")).containsExactly(a, b);
        assertThat(read(admin, g(g)).path("projects").findValuesAsText("id")).containsExactly(a, b);
        assertThat(read(managerOfX, g(other)).path("projects").findValuesAsText("id")).containsExactly(x);

        // a FINANCE user of A never sees B's figures through the programme: its roll-ups are its liaisons'
        for (String view : List.of("/budget-execution?to=2024-12-31", "/results?to=2024-12-31", "/audit-trail",
                "/audit-trail/verification")) {
            Api.Response refused = financeOfA.get(atLeast(g(g) + view));
            problem(refused, 403, null);
            assertThat(refused.body()).doesNotContain("777.77").doesNotContain(b);
            // not seen at all by whoever belongs neither to the programme nor to one of its projects
            problem(liaisonOfOther.get(g(g) + view), 404, null);
            problem(managerOfX.get(g(g) + view), 404, null);
            assertThat(liaisonOfG.get(atLeast(g(g) + view)).status()).isEqualTo(200);
        }
        problem(financeOfA.get(g(other)), 404, null);
        problem(liaisonOfOther.get(g(g)), 404, null);
        problem(financeOfA.get(p(b)), 404, null);
        JsonNode rollUp = read(liaisonOfG, g(g) + "/budget-execution?to=2024-12-31");
        assertThat(rollUp.path("projects").findValuesAsText("project")).containsExactly(a, b);
        assertThat(rollUp.path("totals").path("spentCumulative").asText()).isEqualTo("777.77");
        problem(admin.get(g(unique("nobody"))), 404, null);
        problem(admin.get(g(unique("nobody")) + "/budget-execution?to=2024-12-31"), 404, null);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("id");
    }

    // ---------------------------------------------------------------- roll-ups

    /**
     * Three projects in two components (A and C in C1, B in C2; C3 has none), figures computed by hand, cumulated to
     * 2025-06-30.
     */
    @Test
    void the_roll_ups_add_up_the_projects_own_views_as_computed_by_hand() {
        String g = registerProgramme();
        String prefix = unique("roll");
        String a = prefix + "-A";
        String b = prefix + "-B";
        String c = prefix + "-C";
        created(admin.post("/api/v1/projects", project(a, g, "C1", "EUR", YEARLY)));
        created(admin.post("/api/v1/projects", project(b, g, "C2", "EUR", List.of(
                body("id", "2025H2", "from", "2025-07-01", "to", "2025-12-31"),
                body("id", "2026", "from", "2026-01-01", "to", "2026-12-31")))));
        created(admin.post("/api/v1/projects", project(c, g, "C1", "EUR", YEARLY)));
        for (String project : List.of(a, b, c)) {
            created(admin.post(p(project) + "/sub-activities", body("code", "1", "name", "Üks")));
        }
        // A: staff 10,000, travel 2,000 (revised to 2,500 from 2025-03-01), indirect 15 % of staff (1,500)
        created(admin.post(p(a) + "/budget-lines", body("code", "A-STAFF", "subActivity", "1", "costCategory", "STAFF",
                "planned", "10000.00")));
        created(admin.post(p(a) + "/budget-lines", body("code", "A-TRAVEL", "subActivity", "1",
                "costCategory", "TRAVEL", "planned", "2000.00")));
        created(admin.post(p(a) + "/budget-lines", body("code", "A-IND", "subActivity", "1", "costCategory", "INDIRECT",
                "flatRate", body("percent", "15", "ofCostCategory", "STAFF"))));
        created(admin.post(p(a) + "/budget-lines/A-TRAVEL/revisions", body("planned", "2500.00",
                "effectiveFrom", "2025-03-01", "reason", "Muudatus nr 1")));
        created(admin.post(p(a) + "/budget-lines/A-STAFF/revisions", body("planned", "12000.00",
                "effectiveFrom", "2025-07-01", "reason", "Muudatus nr 2")));
        // B: services 5,000; C: staff 1,000
        created(admin.post(p(b) + "/budget-lines", body("code", "B-SERV", "subActivity", "1",
                "costCategory", "SERVICES", "planned", "5000.00")));
        created(admin.post(p(c) + "/budget-lines", body("code", "C-STAFF", "subActivity", "1",
                "costCategory", "STAFF", "planned", "1000.00")));

        spend(a, "A-STAFF", "3000.00", "2024-07-01");
        spend(a, "A-STAFF", "1234.57", "2025-02-01");
        spend(a, "A-TRAVEL", "500.34", "2024-09-10");
        spend(a, "A-TRAVEL", "99.99", "2025-08-01");      // after `to`
        String cancelled = spend(b, "B-SERV", "100.00", "2025-01-15");
        Api.Response cancellation = admin.post(p(b) + "/expenditures/" + Api.seg(cancelled) + "/cancellation",
                body("reason", "Topelt"));
        assertThat(cancellation.status()).as(cancellation.body()).isEqualTo(200);
        position = Math.max(position, cancellation.position());
        spend(b, "B-SERV", "4999.99", "2024-10-01");
        spend(b, "B-SERV", "0.01", "2025-06-30");         // on `to`: counts

        // A at 2025-06-30: staff 4,234.57 + travel 500.34 + indirect 15 % × 4,234.57 = 635.1855 → 635.19
        //   spent 5,370.10 of 10,000 + 2,500 + 1,500 = 14,000.00 planned: remaining 8,629.90, 38.3578… → 38.36 %
        // B: spent 5,000.00 of 5,000.00: remaining 0.00, 100.00 %
        // C: spent 0.00 of 1,000.00: 0.00 %
        // C1 = A + C: 5,370.10 of 15,000.00, remaining 9,629.90, 35.8006… → 35.80 %
        // totals: 10,370.10 of 20,000.00, remaining 9,629.90, 51.8505 → 51.85 %
        // by source: CH 85 % × 10,370.10 = 8,814.585 → 8,814.59; EE takes the rest, 1,555.51 (not 1,555.515 → 1,555.52)
        Api liaison = user("LIAISON", List.of(), List.of(g));
        JsonNode view = read(liaison, g(g) + "/budget-execution?to=2025-06-30");
        assertThat(view.path("to").asText()).isEqualTo("2025-06-30");
        assertThat(view.path("currency").asText()).isEqualTo("EUR");
        assertThat(view.path("projects").toString()).isEqualTo("["
                + "{\"project\":\"" + a + "\",\"component\":\"C1\",\"planned\":\"14000.00\",\"spentCumulative\":\"5370.10\","
                + "\"remaining\":\"8629.90\",\"executionPercent\":\"38.36\"},"
                + "{\"project\":\"" + b + "\",\"component\":\"C2\",\"planned\":\"5000.00\",\"spentCumulative\":\"5000.00\","
                + "\"remaining\":\"0.00\",\"executionPercent\":\"100.00\"},"
                + "{\"project\":\"" + c + "\",\"component\":\"C1\",\"planned\":\"1000.00\",\"spentCumulative\":\"0.00\","
                + "\"remaining\":\"1000.00\",\"executionPercent\":\"0.00\"}]");
        assertThat(view.path("components").toString()).isEqualTo("["
                + "{\"component\":\"C1\",\"planned\":\"15000.00\",\"spentCumulative\":\"5370.10\","
                + "\"remaining\":\"9629.90\",\"executionPercent\":\"35.80\"},"
                + "{\"component\":\"C2\",\"planned\":\"5000.00\",\"spentCumulative\":\"5000.00\","
                + "\"remaining\":\"0.00\",\"executionPercent\":\"100.00\"},"
                + "{\"component\":\"C3\",\"planned\":\"0.00\",\"spentCumulative\":\"0.00\","
                + "\"remaining\":\"0.00\",\"executionPercent\":null}]");
        assertThat(view.path("totals").toString()).isEqualTo("{\"planned\":\"20000.00\",\"spentCumulative\":\"10370.10\","
                + "\"remaining\":\"9629.90\",\"executionPercent\":\"51.85\"}");
        assertThat(view.path("bySource").toString()).isEqualTo("[{\"source\":\"CH\",\"amount\":\"8814.59\"},"
                + "{\"source\":\"EE\",\"amount\":\"1555.51\"}]");

        // a project's figures are exactly the totals of its own budget execution with the same `to`
        JsonNode own = read(admin, p(a) + "/budget-execution?to=2025-06-30").path("totals");
        assertThat(own.path("planned").asText()).isEqualTo("14000.00");
        assertThat(own.path("spentCumulative").asText()).isEqualTo("5370.10");
        assertThat(own.path("executionPercent").asText()).isEqualTo("38.36");

        // results: A's O1 (SUM, baseline 0) and C's O1 (MAX, baseline 2) count towards P1, A's O2 (LATEST) towards P2,
        // B's O1 (SUM, baseline 6) towards P1; nothing towards P3
        indicator(a, "O1", "SUM", "0", "P1");
        indicator(a, "O2", "LATEST", "3", "P2");
        indicator(a, "O3", "SUM", "0", null);
        indicator(c, "O1", "MAX", "2", "P1");
        indicator(b, "O1", "SUM", "6", "P1");
        value(a, "O1", "2024", "5");
        value(a, "O1", "2025", "7");
        value(a, "O2", "2024", "10");
        value(a, "O2", "2025", "15");
        value(a, "O3", "2025", "1000");
        value(c, "O1", "2024", "4");
        value(b, "O1", "2025H2", "100");

        // at 2025-06-30: A in its period 2025: O1 = 0 + 5 + 7 = 12, O2 = 15; C in 2025: max(2, 4) = 4;
        // B before its first period (2025H2): its baseline, 6. P1 = 12 + 6 + 4 = 22; P2 = 15; P3 = 0
        JsonNode results = read(liaison, g(g) + "/results?to=2025-06-30");
        assertThat(results.toString()).isEqualTo("["
                + "{\"code\":\"P1\",\"name\":\"Nõustatud organisatsioonid\",\"unit\":\"organisatsioon\",\"cumulative\":\"22\","
                + "\"projects\":[{\"project\":\"" + a + "\",\"indicator\":\"O1\",\"cumulative\":\"12\"},"
                + "{\"project\":\"" + b + "\",\"indicator\":\"O1\",\"cumulative\":\"6\"},"
                + "{\"project\":\"" + c + "\",\"indicator\":\"O1\",\"cumulative\":\"4\"}]},"
                + "{\"code\":\"P2\",\"name\":\"Koolitatud inimesed\",\"unit\":\"inimene\",\"cumulative\":\"15\","
                + "\"projects\":[{\"project\":\"" + a + "\",\"indicator\":\"O2\",\"cumulative\":\"15\"}]},"
                + "{\"code\":\"P3\",\"name\":\"Uuringud\",\"unit\":\"uuring\",\"cumulative\":\"0\",\"projects\":[]}]");

        // at 2027-01-15, after every project's last period: each its last period's cumulative.
        // A (2025): 12 and 15; C (2025): 4; B (2026): 6 + 100 = 106. P1 = 12 + 106 + 4 = 122
        JsonNode later = read(liaison, g(g) + "/results?to=2027-01-15");
        assertThat(later.get(0).path("cumulative").asText()).isEqualTo("122");
        assertThat(later.get(0).path("projects").findValuesAsText("cumulative")).containsExactly("12", "106", "4");
        assertThat(later.get(1).path("cumulative").asText()).isEqualTo("15");
        // at 2024-08-01, inside A's and C's first period: A 5 (O1), 10 (O2); C 4; B its baseline 6
        JsonNode early = read(liaison, g(g) + "/results?to=2024-08-01");
        assertThat(early.get(0).path("cumulative").asText()).isEqualTo("15");
        assertThat(early.get(1).path("cumulative").asText()).isEqualTo("10");

        problem(liaison.get(g(g) + "/budget-execution"), 400, "to");
        problem(liaison.get(g(g) + "/results"), 400, "to");
        problem(liaison.get(g(g) + "/budget-execution?to=2025-02-30"), 400, "to");
    }

    /**
     * Roll-ups remember each project's figures by the project's state (ProjectFigures): a read after any project
     * changed shows the change, the projects that did not change keep theirs, and a read as of an earlier instant
     * still gives the figures of then.
     */
    @Test
    void a_roll_up_read_after_one_project_changed_shows_the_change_and_earlier_instants_read_as_before()
            throws Exception {
        String g = registerProgramme();
        String a = unique("memo-A");
        String b = unique("memo-B");
        for (String project : List.of(a, b)) {
            projectWithLine(project, g, "C1", "1000.00");
        }
        indicator(a, "O1", "SUM", "0", "P1");
        String first = spend(a, "L", "100.00", "2024-07-01");
        spend(b, "L", "40.00", "2024-07-01");
        value(a, "O1", "2024", "5");
        String budget = g(g) + "/budget-execution?to=2024-12-31";
        String results = g(g) + "/results?to=2024-12-31";
        assertThat(read(admin, budget).path("projects").findValuesAsText("spentCumulative"))
                .containsExactly("100.00", "40.00");
        assertThat(read(admin, results).get(0).path("cumulative").asText()).isEqualTo("5");
        Thread.sleep(5);
        Instant then = Instant.now();
        Thread.sleep(5);

        // A changes three ways: a new expenditure, a cancellation, a new value; B does not change
        spend(a, "L", "0.01", "2024-12-31");
        assertThat(read(admin, budget).path("projects").findValuesAsText("spentCumulative"))
                .containsExactly("100.01", "40.00");
        Api.Response cancellation = admin.post(p(a) + "/expenditures/" + Api.seg(first) + "/cancellation",
                body("reason", "Topelt"));
        assertThat(cancellation.status()).as(cancellation.body()).isEqualTo(200);
        position = Math.max(position, cancellation.position());
        assertThat(read(admin, budget).path("projects").findValuesAsText("spentCumulative"))
                .containsExactly("0.01", "40.00");
        assertThat(read(admin, budget).path("totals").path("spentCumulative").asText()).isEqualTo("40.01");
        value(a, "O1", "2024", "7");
        assertThat(read(admin, results).get(0).path("cumulative").asText()).isEqualTo("12");

        // as recorded then: the figures remembered for the present do not answer for the past
        JsonNode past = read(admin, budget + "&asOf=" + then);
        assertThat(past.path("projects").findValuesAsText("spentCumulative")).containsExactly("100.00", "40.00");
        assertThat(read(admin, results + "&asOf=" + then).get(0).path("cumulative").asText()).isEqualTo("5");
        // and the present again, after the past was read
        assertThat(read(admin, budget).path("totals").path("spentCumulative").asText()).isEqualTo("40.01");
    }

    @Test
    void a_remembered_roll_up_is_gathered_again_when_a_project_joins_the_programme_or_one_changes() {
        String g = registerProgramme();
        String a = unique("join-A");
        String b = unique("join-B");
        projectWithLine(a, g, "C1", "1000.00");
        spend(a, "L", "100.00", "2024-07-01");
        String budget = g(g) + "/budget-execution?to=2024-12-31";
        JsonNode before = read(admin, budget);
        assertThat(read(admin, budget)).isEqualTo(before); // the remembered roll-up, the same
        assertThat(before.path("projects").findValuesAsText("project")).containsExactly(a);

        // B joins: registered in the programme, with no other event yet, then with spending
        created(admin.post("/api/v1/projects", project(b, g, "C2", "EUR", YEARLY)));
        assertThat(read(admin, budget).path("projects").findValuesAsText("project")).containsExactly(a, b);
        created(admin.post(p(b) + "/sub-activities", body("code", "1", "name", "Üks")));
        created(admin.post(p(b) + "/budget-lines", body("code", "L", "subActivity", "1", "costCategory", "STAFF",
                "planned", "500.00")));
        spend(b, "L", "25.00", "2024-08-01");
        JsonNode after = read(admin, budget);
        assertThat(after.path("projects").findValuesAsText("spentCumulative")).containsExactly("100.00", "25.00");
        assertThat(after.path("totals").path("planned").asText()).isEqualTo("1500.00");
        assertThat(after.path("totals").path("spentCumulative").asText()).isEqualTo("125.00");
        assertThat(after.path("components").findValuesAsText("spentCumulative")).contains("100.00", "25.00");

        // only A changes: gathered again, B's figures as before
        spend(a, "L", "0.50", "2024-09-01");
        assertThat(read(admin, budget).path("projects").findValuesAsText("spentCumulative"))
                .containsExactly("100.50", "25.00");
    }

    /** A EUR project of the programme with sub-activity 1 and its staff budget line L. */
    private void projectWithLine(String project, String programme, String component, String planned) {
        created(admin.post("/api/v1/projects", project(project, programme, component, "EUR", YEARLY)));
        created(admin.post(p(project) + "/sub-activities", body("code", "1", "name", "Üks")));
        created(admin.post(p(project) + "/budget-lines", body("code", "L", "subActivity", "1", "costCategory", "STAFF",
                "planned", planned)));
    }

    private String spend(String project, String line, String amount, String incurredOn) {
        Api.Response r = created(admin.post(p(project) + "/expenditures", body("budgetLine", line, "amount", amount,
                "incurredOn", incurredOn)));
        return r.json().path("id").asText();
    }

    private void indicator(String project, String code, String aggregation, String baseline, String programmeIndicator) {
        Map<String, Object> b = body("code", code, "name", "Näitaja " + code, "unit", "tk", "kind", "OUTPUT",
                "measure", "NUMBER", "aggregation", aggregation, "ascending", true, "baseline", baseline,
                "target", "500");
        if (programmeIndicator != null) {
            b.put("programmeIndicator", programmeIndicator);
        }
        created(admin.post(p(project) + "/indicators", b));
    }

    private void value(String project, String indicator, String period, String value) {
        created(admin.post(p(project) + "/indicators/" + indicator + "/values", body("period", period, "value", value)));
    }

    // ---------------------------------------------------------------- asOf and minPosition

    @Test
    void programme_views_are_read_as_recorded_at_an_instant() throws Exception {
        Instant before = Instant.now();
        Thread.sleep(5);
        String g = registerProgramme();
        String a = unique("A");
        String b = unique("B");
        projectWithLine(a, g, "C1", "1000.00");
        created(admin.post(p(a) + "/expenditures", body("budgetLine", "L", "amount", "100.00",
                "incurredOn", "2024-07-01")));
        created(admin.post(p(a) + "/indicators", body("code", "O1", "name", "Nõustatud", "unit", "organisatsioon",
                "kind", "OUTPUT", "measure", "NUMBER", "aggregation", "SUM", "ascending", true, "baseline", "2",
                "target", "20", "programmeIndicator", "P1")));
        created(admin.post(p(a) + "/indicators/O1/values", body("period", "2024", "value", "5")));
        read(admin, g(g));
        Thread.sleep(5);
        Instant then = Instant.now();
        Thread.sleep(5);
        created(admin.post(p(a) + "/expenditures", body("budgetLine", "L", "amount", "200.00",
                "incurredOn", "2024-07-02")));
        created(admin.post(p(a) + "/indicators/O1/values", body("period", "2024", "value", "7")));
        created(admin.post("/api/v1/projects", project(b, g, "C2", "EUR", YEARLY)));

        assertThat(read(admin, g(g)).path("projects").findValuesAsText("id")).containsExactly(a, b);
        assertThat(read(admin, g(g) + "?asOf=" + then).path("projects").findValuesAsText("id")).containsExactly(a);
        JsonNode past = read(admin, g(g) + "/budget-execution?to=2024-12-31&asOf=" + then);
        assertThat(past.path("projects").findValuesAsText("project")).containsExactly(a);
        assertThat(past.path("totals").path("spentCumulative").asText()).isEqualTo("100.00");
        assertThat(read(admin, g(g) + "/budget-execution?to=2024-12-31").path("totals").path("spentCumulative")
                .asText()).isEqualTo("300.00");
        // results as recorded then: baseline 2 + the value 5, not yet the 7 recorded after
        JsonNode pastResults = read(admin, g(g) + "/results?to=2024-12-31&asOf=" + then);
        assertThat(pastResults.get(0).path("cumulative").asText()).isEqualTo("7");
        assertThat(read(admin, g(g) + "/results?to=2024-12-31").get(0).path("cumulative").asText()).isEqualTo("14");
        problem(admin.get(g(g) + "?asOf=" + before), 404, null);
        problem(admin.get(g(g) + "?asOf=yesterday"), 400, "asOf");
    }
}
