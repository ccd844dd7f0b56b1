package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetupApiTest extends ApiTestBase {

    @Test
    void the_seed_project_of_report_003_is_set_up_and_reads_back_exactly() {
        String id = SeedProject.CODE + "-" + unique("t");
        long position = SeedProject.setUp(admin, id);

        Api.Response detail = admin.get("/api/v1/projects/" + Api.seg(id) + "?minPosition=" + position);
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        JsonNode p = detail.json();
        assertThat(p.path("id").asText()).isEqualTo(id);
        assertThat(p.path("name").asText()).isEqualTo(SeedProject.registration(id).get("name"));
        assertThat(p.path("programme").asText()).isEqualTo("Šveitsi-Eesti koostööprogramm");
        assertThat(p.path("beneficiary").asText()).isEqualTo("SA Kodanikuühiskonna Sihtkapital");
        assertThat(p.path("currency").asText()).isEqualTo("EUR");
        assertThat(p.path("eligibleFrom").asText()).isEqualTo("2024-06-01");
        assertThat(p.path("eligibleTo").asText()).isEqualTo("2028-07-31");
        assertThat(p.path("flexibilityPercent").asText()).isEqualTo("10");
        assertThat(p.path("reportingPeriods")).hasSize(5);
        assertThat(p.path("reportingPeriods").get(0).toString())
                .isEqualTo("{\"id\":\"2024\",\"from\":\"2024-06-01\",\"to\":\"2024-12-31\"}");

        assertThat(p.path("subActivities")).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(p.path("subActivities").get(i).path("code").asText()).isEqualTo(SeedProject.SUB_ACTIVITIES.get(i).get(0));
            assertThat(p.path("subActivities").get(i).path("name").asText()).isEqualTo(SeedProject.SUB_ACTIVITIES.get(i).get(1));
        }

        JsonNode lines = p.path("budgetLines");
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0).toString()).isEqualTo("{\"code\":\"AT1-SERVICES\",\"subActivity\":\"1\","
                + "\"costCategory\":\"SERVICES\",\"originalPlanned\":\"120000.00\",\"planned\":\"120000.00\"}");
        JsonNode indirect = lines.get(7);
        assertThat(indirect.path("code").asText()).isEqualTo("AT6-INDIRECT");
        assertThat(indirect.path("flatRate").toString()).isEqualTo("{\"percent\":\"15\",\"ofCostCategory\":\"STAFF\"}");
        assertThat(indirect.path("planned").asText()).isEqualTo("60000.00");
        // 750,000 planned in ordinary lines + 15 % of 400,000 staff costs
        assertThat(p.path("totalPlanned").asText()).isEqualTo("810000.00");

        JsonNode indicators = p.path("indicators");
        assertThat(indicators).hasSize(6);
        assertThat(indicators.get(0).toString()).isEqualTo("{\"code\":\"O1\",\"name\":\"Nõustatud organisatsioonide arv\","
                + "\"unit\":\"organisatsioon\",\"kind\":\"OUTPUT\",\"measure\":\"NUMBER\",\"aggregation\":\"SUM\","
                + "\"ascending\":true,\"baseline\":\"0\",\"milestones\":[{\"date\":\"2025-12-31\",\"value\":\"20\"},"
                + "{\"date\":\"2026-12-31\",\"value\":\"60\"}],\"target\":\"150\"}");
        assertThat(indicators.get(2).path("baseline").asText()).isEqualTo("12.5");
        assertThat(indicators.get(4).path("ascending").asBoolean()).isFalse();
        assertThat(indicators.get(5).path("measure").asText()).isEqualTo("TEXT");
        assertThat(indicators.get(5).path("target").isNull()).isTrue();

        Api.Response list = admin.get("/api/v1/projects?size=1000");
        assertThat(list.status()).isEqualTo(200);
        JsonNode summary = null;
        for (JsonNode item : list.json().path("items")) {
            if (item.path("id").asText().equals(id)) {
                summary = item;
            }
        }
        assertThat(summary).isNotNull();
        assertThat(summary.path("totalPlanned").asText()).isEqualTo("810000.00");
        assertThat(summary.path("spent").asText()).isEqualTo("0.00");
    }

    @Test
    void the_seed_project_of_004_with_its_impossible_end_date_is_refused_naming_the_field() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", unique("PEnCIL-LT"));
        body.put("name", "Nacionalinis socialinių inovacijų kompetencijų centras");
        body.put("programme", "ESF+");
        body.put("beneficiary", "ESFA");
        body.put("currency", "EUR");
        body.put("eligibleFrom", "2021-05-01");
        body.put("eligibleTo", "2023-04-31");
        body.put("flexibilityPercent", "0");
        body.put("reportingPeriods", List.of());

        Api.Response r = admin.post("/api/v1/projects", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("eligibleTo");
        assertThat(r.json().path("errors").get(0).path("message").asText())
                .contains("2023-04-31").contains("not a valid date").contains("APRIL 31");
        assertThat(admin.get("/api/v1/projects/" + Api.seg((String) body.get("id"))).status()).isEqualTo(404);
    }

    @Test
    void bad_input_is_a_clear_400_and_records_nothing() {
        String id = unique("bad");
        Map<String, Object> unknownField = new LinkedHashMap<>(SeedProject.registration(id));
        unknownField.put("budget", "1000");
        Api.Response r = admin.post("/api/v1/projects", unknownField);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("budget");

        Map<String, Object> wrongType = new LinkedHashMap<>(SeedProject.registration(id));
        wrongType.put("reportingPeriods", "2024");
        r = admin.post("/api/v1/projects", wrongType);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("reportingPeriods");

        Map<String, Object> missing = new LinkedHashMap<>(SeedProject.registration(id));
        missing.remove("beneficiary");
        missing.remove("currency");
        r = admin.post("/api/v1/projects", missing);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("beneficiary", "currency");

        Map<String, Object> badCurrency = new LinkedHashMap<>(SeedProject.registration(id));
        badCurrency.put("currency", "EUX");
        r = admin.post("/api/v1/projects", badCurrency);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("currency");

        Map<String, Object> numberForString = new LinkedHashMap<>(SeedProject.registration(id));
        numberForString.put("flexibilityPercent", 10);
        r = admin.post("/api/v1/projects", numberForString);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("flexibilityPercent");

        r = admin.post("/api/v1/projects", "{\"id\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asText()).contains("not valid JSON");

        assertThat(admin.get("/api/v1/projects/" + Api.seg(id)).status()).isEqualTo(404);
    }

    @Test
    void setup_rules_answer_409_and_422_with_a_clear_detail() {
        String id = unique("rules");
        String base = "/api/v1/projects/" + Api.seg(id);
        assertThat(admin.post("/api/v1/projects", SeedProject.registration(id)).status()).isEqualTo(201);

        Api.Response again = admin.post("/api/v1/projects", SeedProject.registration(id));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("already registered");

        assertThat(admin.post(base + "/sub-activities", Map.of("code", "1", "name", "Nõustamine")).status()).isEqualTo(201);
        assertThat(admin.post(base + "/sub-activities", Map.of("code", "1", "name", "Teine")).status()).isEqualTo(409);

        Api.Response noSub = admin.post(base + "/budget-lines", SeedProject.line("L", "9", "STAFF", "100.00"));
        assertThat(noSub.status()).isEqualTo(422);
        assertThat(noSub.json().path("detail").asText()).contains("no sub-activity '9'");

        Api.Response cents = admin.post(base + "/budget-lines", SeedProject.line("L", "1", "STAFF", "100.001"));
        assertThat(cents.status()).isEqualTo(400);
        assertThat(cents.json().path("errors").get(0).path("field").asText()).isEqualTo("planned");

        Api.Response zero = admin.post(base + "/budget-lines", SeedProject.line("L", "1", "STAFF", "0"));
        assertThat(zero.status()).isEqualTo(400);

        Api.Response flatWithoutBase = admin.post(base + "/budget-lines", Map.of("code", "IND", "subActivity", "1",
                "costCategory", "INDIRECT", "flatRate", Map.of("percent", "15", "ofCostCategory", "STAFF")));
        assertThat(flatWithoutBase.status()).isEqualTo(422);

        assertThat(admin.post(base + "/budget-lines/NOPE/revisions", Map.of("planned", "10.00",
                "effectiveFrom", "2025-01-01", "reason", "muudatus")).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/projects/" + Api.seg(unique("nobody")) + "/sub-activities",
                Map.of("code", "1", "name", "x")).status()).isEqualTo(404);

        Api.Response milestoneOutside = admin.post(base + "/indicators", SeedProject.indicator("X", "x", "tk", "OUTPUT",
                "NUMBER", "SUM", true, "0", List.of(Map.of("date", "2030-01-01", "value", "5")), "10"));
        assertThat(milestoneOutside.status()).isEqualTo(422);
        assertThat(milestoneOutside.json().path("detail").asText()).contains("outside the project's eligibility");
    }

    @Test
    void a_budget_revision_changes_planned_from_its_date_and_keeps_the_original() {
        String id = unique("rev");
        long position = SeedProject.setUp(admin, id);
        Api.Response revised = admin.post("/api/v1/projects/" + Api.seg(id) + "/budget-lines/AT6-STAFF/revisions",
                Map.of("planned", "380000.00", "effectiveFrom", "2025-01-01", "reason", "Muudatus nr 1",
                        "reference", "Leping 2025/1"));
        assertThat(revised.status()).as(revised.body()).isEqualTo(201);
        assertThat(revised.position()).isGreaterThan(position);

        JsonNode lines = admin.get("/api/v1/projects/" + Api.seg(id) + "?minPosition=" + revised.position())
                .json().path("budgetLines");
        assertThat(lines.get(5).path("originalPlanned").asText()).isEqualTo("400000.00");
        assertThat(lines.get(5).path("planned").asText()).isEqualTo("380000.00");
        assertThat(lines.get(7).path("originalPlanned").asText()).isEqualTo("60000.00");
        assertThat(lines.get(7).path("planned").asText()).isEqualTo("57000.00");
    }

    @Test
    void the_same_idempotency_key_answers_the_first_answer_and_refuses_another_body() {
        String id = unique("idem");
        Api keyed = admin.withHeader("Idempotency-Key", "k-" + id);
        Api.Response first = keyed.post("/api/v1/projects", SeedProject.registration(id));
        Api.Response second = keyed.post("/api/v1/projects", SeedProject.registration(id));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());

        Map<String, Object> other = new LinkedHashMap<>(SeedProject.registration(id));
        other.put("name", "Teine nimi");
        Api.Response different = keyed.post("/api/v1/projects", other);
        assertThat(different.status()).isEqualTo(422);
    }

    @Test
    void everything_but_health_and_api_docs_needs_a_user() {
        Api anonymous = admin.anonymous();
        assertThat(anonymous.get("/api/v1/projects").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/projects", SeedProject.registration(unique("anon"))).status()).isEqualTo(401);
        assertThat(admin.as("admin", "wrong-password").get("/api/v1/projects").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        Api.Response docs = anonymous.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/projects")).isTrue();
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void users_are_created_by_an_administrator_and_can_sign_in_at_once() {
        String name = unique("kaja");
        Api.Response created = admin.post("/api/v1/users", Map.of("username", name, "password", "salasõna-123",
                "roles", List.of("FINANCE"), "projects", List.of("X"), "programmes", List.of()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("id").asText()).isEqualTo(name);

        Api finance = admin.as(name, "salasõna-123");
        assertThat(finance.get("/api/v1/projects").status()).isEqualTo(200);
        Api.Response notAdmin = finance.post("/api/v1/users", Map.of("username", unique("x"), "password", "Parool-12345678",
                "roles", List.of("ADMIN")));
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/users", Map.of("username", name, "password", "Parool-12345678",
                "roles", List.of("MANAGER"))).status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/users", Map.of("username", unique("y"), "password", "Parool-12345678",
                "roles", List.of("CLERK"))).status()).isEqualTo(400);
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_refused_naming_the_field() {
        String name = unique("pikk");
        Api.Response tooLong = admin.post("/api/v1/users", Map.of("username", name, "password", "õ".repeat(37),
                "roles", List.of("FINANCE")));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").get(0).path("field").asText()).isEqualTo("password");
        assertThat(tooLong.json().path("errors").get(0).path("message").asText()).contains("at most 72 bytes");
        assertThat(admin.as(name, "õ".repeat(37)).get("/api/v1/projects").status()).isEqualTo(401);

        Api.Response longest = admin.post("/api/v1/users", Map.of("username", name, "password", "õ".repeat(36),
                "roles", List.of("FINANCE")));
        assertThat(longest.status()).as(longest.body()).isEqualTo(201);
        assertThat(admin.as(name, "õ".repeat(36)).get("/api/v1/projects").status()).isEqualTo(200);
    }
}
