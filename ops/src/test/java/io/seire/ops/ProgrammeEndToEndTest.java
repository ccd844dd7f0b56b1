package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 end to end, on the project of seed 003 placed in a registered programme (CHF ceiling, 85/15 funding
 * sources, a component), through the API only and as the people who do each step: the 2025 work plan drafted,
 * returned, revised and approved; expenditures in EUR and one invoiced in CHF; the first half-year reimbursement
 * request approved with one exclusion and paid; a correction of a claimed expenditure that lands in the second
 * request; a request of another project refused at the ceiling; and the programme's roll-ups against figures
 * computed by hand below.
 *
 * <p>The hand computation (EUR unless named; HALF_UP to the cent):
 * <pre>
 * expenditures   E1 AT1-SERVICES 12000.00 paid 2025-02-20    E2 AT6-STAFF 20000.00 paid 2025-04-05
 *                E3 AT6-TRAVEL 1234.56 paid 2025-04-20       E4 AT1-SERVICES 2500.00 CHF x 1.0642 = 2660.50, paid 2025-05-10
 *                E5 AT6-STAFF 5000.00 paid 2025-07-03        E6 AT1-SERVICES 3000.00 paid 2025-10-01
 *                A1 AT6-STAFF -2000.00 corrects E2 (claimed), paid 2025-08-01
 * R1 2025-01-01..06-30 at 0.9412 CHF/EUR: E1 E2 E3 E4
 *   lines AT1-SERVICES 14660.50, AT6-STAFF 20000.00, AT6-TRAVEL 1234.56, AT6-INDIRECT 15 % x 20000.00 = 3000.00
 *   eligibleTotal 38895.06; CH 85 % = 33060.80; EE the remainder 5834.26; claimed 33060.80 -> 31116.82 CHF
 *   approved without E3: 37660.50; CH 32011.43; EE 5649.07; 32011.43 x 0.9412 = 30129.16 CHF; paid 30129.16
 * R2 2025-07-01..12-31 at 0.9305: E5, E6, E3 (excluded before), A1 (adjusts the claimed E2)
 *   lines AT1-SERVICES 3000.00, AT6-STAFF 3000.00, AT6-TRAVEL 1234.56, AT6-INDIRECT 450.00
 *   eligibleTotal 7684.56; CH 6531.88; EE 1152.68; 6531.88 x 0.9305 = 6077.91 CHF
 * ceiling 40000.00 CHF: counted 30129.16 (R1 approved) + 6077.91 (R2 submitted); remaining 3792.93
 * project B: 6000.00 STAFF -> CH 5100.00 x 0.93 = 4743.00 CHF > 3792.93: refused (422)
 * 2025 work plan in force (version 2): AT1-SERVICES 30000.00, AT6-STAFF 90000.00, AT6-TRAVEL 4000.00
 *   AT6-INDIRECT 15 % x 90000.00 = 13500.00; year planned 137500.00
 *   spent in 2025: AT1 17660.50, STAFF 23000.00, TRAVEL 1234.56, INDIRECT 15 % x 23000.00 = 3450.00; 45345.06
 * programme budget execution to 2025-12-31: A planned 810000.00 spent 45345.06 (5.60 %);
 *   B planned 10000.00 spent 6000.00 (60.00 %); total 820000.00 / 51345.06 (6.26 %); CH 43643.30, EE 7701.76
 * programme results: P1 = O1 of A (3 in 2024 + 12 in 2025) = 15
 * </pre>
 */
class ProgrammeEndToEndTest extends ApiTestBase {

    private long position;

    @Test
    void seed_project_in_a_programme_from_work_plan_to_the_second_reimbursement_request() {
        String g = unique("Šveitsi-Eesti koostöö");
        ok(admin.post("/api/v1/programmes", body("id", g, "name", "Šveitsi-Eesti koostööprogramm", "currency", "EUR",
                "claimCurrency", "CHF", "ceiling", "40000.00",
                "fundingSources", List.of(
                        body("code", "CH", "name", "Šveitsi toetus", "share", "85", "claimable", true),
                        body("code", "EE", "name", "Riiklik kaasfinantseering", "share", "15", "claimable", false)),
                "components", List.of(body("code", "C1", "name", "Kodanikuühiskond"),
                        body("code", "C2", "name", "Sotsiaalne innovatsioon")),
                "indicators", List.of(body("code", "P1", "name", "Nõustatud organisatsioonid",
                        "unit", "organisatsioon")))), 201);

        // the seed project, in component C2, its O1 counting towards the programme's P1
        String a = SeedProject.CODE + "-" + unique("e2e");
        ok(admin.post("/api/v1/projects", Registration.of(a, "Kodanikuühiskonna pädevuse suurendamine, üldsuse "
                + "teadlikkuse tõstmine ja teabe levitamine sotsiaalse innovatsiooni teemadel", g, "C2")), 201);
        for (List<String> sub : SeedProject.SUB_ACTIVITIES) {
            ok(admin.post(p(a) + "/sub-activities", body("code", sub.get(0), "name", sub.get(1))), 201);
        }
        for (Map<String, Object> line : SeedProject.budgetLines()) {
            ok(admin.post(p(a) + "/budget-lines", line), 201);
        }
        for (Map<String, Object> indicator : SeedProject.indicators()) {
            Map<String, Object> posted = new LinkedHashMap<>(indicator);
            if ("O1".equals(indicator.get("code"))) {
                posted.put("programmeIndicator", "P1");
            }
            ok(admin.post(p(a) + "/indicators", posted), 201);
        }
        // a second, small project in component C1
        String b = unique("Šveits.1.02.25");
        ok(admin.post("/api/v1/projects", Registration.of(b, "Vabaühenduste võrgustik", g, "C1")), 201);
        ok(admin.post(p(b) + "/sub-activities", body("code", "1", "name", "Võrgustik")), 201);
        ok(admin.post(p(b) + "/budget-lines", body("code", "L", "subActivity", "1", "costCategory", "STAFF",
                "planned", "10000.00")), 201);

        Api finance = user("FINANCE", List.of(a), List.of());
        Api manager = user("MANAGER", List.of(a), List.of());
        Api financeB = user("FINANCE", List.of(b), List.of());
        Api liaison = user("LIAISON", List.of(), List.of(g));

        // ------------------------------------------------ the 2025 work plan: drafted, returned, revised, approved
        ok(manager.post(p(a) + "/work-plans", workPlan("100000.00", "5000.00")), 201);
        ok(manager.post(p(a) + "/work-plans/2025/submission", Map.of()), 200);
        ok(liaison.post(p(a) + "/work-plans/2025/return", body("comment", "Reisikulud on põhjendamata suured")), 200);
        ok(finance.post(p(a) + "/work-plans", workPlan("90000.00", "4000.00")), 201);
        ok(manager.post(p(a) + "/work-plans/2025/submission", Map.of()), 200);
        ok(liaison.post(p(a) + "/work-plans/2025/approval", body("comment", "Kinnitatud")), 200);
        JsonNode plan = read(manager, p(a) + "/work-plans/2025");
        assertThat(plan.path("status").asText()).isEqualTo("APPROVED");
        assertThat(plan.path("version").asInt()).isEqualTo(2);
        assertThat(plan.path("approved").path("version").asInt()).isEqualTo(2);
        assertThat(plan.path("approved").path("budget").toString()).contains("\"AT6-STAFF\"", "\"90000.00\"");
        assertThat(plan.path("history").findValuesAsText("status")).contains("RETURNED", "APPROVED");
        assertThat(plan.path("history").findValuesAsText("comment")).contains("Reisikulud on põhjendamata suured");

        // ------------------------------------------------ expenditures, one invoiced in CHF
        spend(finance, a, "E1", "AT1-SERVICES", "12000.00", "2025-02-10", "2025-02-20");
        spend(finance, a, "E2", "AT6-STAFF", "20000.00", "2025-03-31", "2025-04-05");
        spend(finance, a, "E3", "AT6-TRAVEL", "1234.56", "2025-04-15", "2025-04-20");
        ok(finance.post(p(a) + "/expenditures", body("id", "E4", "budgetLine", "AT1-SERVICES",
                "incurredOn", "2025-05-02", "paidOn", "2025-05-10", "supplier", "Impact Hub Zürich AG",
                "invoice", "CH-2025-17", "description", "Töötuba Zürichis",
                "original", body("amount", "2500.00", "currency", "CHF", "rate", "1.0642", "rateDate", "2025-05-02",
                        "rateSource", "Euroopa Keskpank"))), 201);
        spend(finance, a, "E5", "AT6-STAFF", "5000.00", "2025-06-30", "2025-07-03");
        JsonNode e4 = read(finance, p(a) + "/expenditures?budgetLine=AT1-SERVICES").path("items");
        assertThat(e4.toString()).contains("\"2660.50\"", "\"CHF\"");

        // ------------------------------------------------ the first half-year request
        ok(finance.post(p(a) + "/reimbursement-requests", request("R1", "2025-01-01", "2025-06-30", "0.9412")), 201);
        JsonNode r1 = read(liaison, r(a, "R1"));
        assertThat(r1.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(r1.path("expenditures").toString()).isEqualTo("[\"E1\",\"E2\",\"E3\",\"E4\"]");
        assertThat(eligible(r1)).isEqualTo(Map.of("AT1-SERVICES", "14660.50", "AT6-STAFF", "20000.00",
                "AT6-TRAVEL", "1234.56", "AT6-INDIRECT", "3000.00"));
        assertThat(r1.path("eligibleTotal").asText()).isEqualTo("38895.06");
        assertThat(r1.path("sources").findValuesAsText("amount")).containsExactly("33060.80", "5834.26");
        assertThat(r1.path("claimed").asText()).isEqualTo("33060.80");
        assertThat(r1.path("claimedInClaimCurrency").asText()).isEqualTo("31116.82");

        // approved without the travel, paid in CHF
        ok(liaison.post(r(a, "R1") + "/approval", body("excluded", List.of(body("expenditure", "E3",
                "reason", "Lähetuse seos projektiga ei ole tõendatud")), "comment", "Kinnitatud osaliselt")), 200);
        JsonNode approved = read(finance, r(a, "R1")).path("approved");
        assertThat(approved.path("eligibleTotal").asText()).isEqualTo("37660.50");
        assertThat(approved.path("sources").findValuesAsText("amount")).containsExactly("32011.43", "5649.07");
        assertThat(approved.path("claimedInClaimCurrency").asText()).isEqualTo("30129.16");
        ok(liaison.post(r(a, "R1") + "/payment", body("paidOn", "2025-09-15", "amount", "30129.16")), 200);
        assertThat(read(finance, r(a, "R1")).path("status").asText()).isEqualTo("PAID");

        // ------------------------------------------------ a claimed expenditure changes only by an adjustment
        Api.Response direct = finance.post(p(a) + "/expenditures/E2/corrections", body("amount", "18000.00",
                "reason", "Osa palgast tagastati"));
        assertThat(direct.status()).as(direct.body()).isEqualTo(409);
        assertThat(direct.json().path("detail").asText()).contains("R1");
        assertThat(finance.post(p(a) + "/expenditures/E2/cancellation", body("reason", "Viga")).status())
                .isEqualTo(409);
        ok(finance.post(p(a) + "/expenditures", body("id", "A1", "budgetLine", "AT6-STAFF", "amount", "-2000.00",
                "incurredOn", "2025-08-01", "paidOn", "2025-08-01", "supplier", "SA Kodanikuühiskonna Sihtkapital",
                "invoice", "TAGASI-1", "description", "Osa märtsi palgast tagastati", "corrects", "E2")), 201);
        spend(finance, a, "E6", "AT1-SERVICES", "3000.00", "2025-09-20", "2025-10-01");

        // ------------------------------------------------ the second request: the adjustment lands here
        ok(finance.post(p(a) + "/reimbursement-requests", request("R2", "2025-07-01", "2025-12-31", "0.9305")), 201);
        JsonNode r2 = read(liaison, r(a, "R2"));
        assertThat(ids(r2)).containsExactlyInAnyOrder("E3", "E5", "E6", "A1");
        assertThat(eligible(r2)).isEqualTo(Map.of("AT1-SERVICES", "3000.00", "AT6-STAFF", "3000.00",
                "AT6-TRAVEL", "1234.56", "AT6-INDIRECT", "450.00"));
        assertThat(r2.path("eligibleTotal").asText()).isEqualTo("7684.56");
        assertThat(r2.path("sources").findValuesAsText("amount")).containsExactly("6531.88", "1152.68");
        assertThat(r2.path("claimedInClaimCurrency").asText()).isEqualTo("6077.91");

        // ------------------------------------------------ project B meets the ceiling
        spend(financeB, b, "B1", "L", "6000.00", "2025-03-01", "2025-03-10");
        Api.Response over = financeB.post(p(b) + "/reimbursement-requests",
                body("id", "RB1", "from", "2025-01-01", "to", "2025-06-30", "exchangeRate",
                        body("rate", "0.93", "date", "2025-07-01", "source", "Euroopa Keskpank")));
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(financeB.get(p(b) + "/reimbursement-requests/RB1?minPosition=" + position).status()).isEqualTo(404);

        // ------------------------------------------------ the project's budget execution beside the year's plan
        ok(manager.post(p(a) + "/indicators/O1/values", body("period", "2024", "value", "3")), 201);
        ok(manager.post(p(a) + "/indicators/O1/values", body("period", "2025", "value", "12")), 201);
        JsonNode execution = read(finance, p(a) + "/budget-execution?period=2025");
        Map<String, JsonNode> lines = new LinkedHashMap<>();
        execution.path("lines").forEach(l -> lines.put(l.path("code").asText(), l));
        assertThat(lines.get("AT1-SERVICES").path("yearPlanned").asText()).isEqualTo("30000.00");
        assertThat(lines.get("AT1-SERVICES").path("spentInYear").asText()).isEqualTo("17660.50");
        assertThat(lines.get("AT6-STAFF").path("yearPlanned").asText()).isEqualTo("90000.00");
        assertThat(lines.get("AT6-STAFF").path("spentInYear").asText()).isEqualTo("23000.00");
        assertThat(lines.get("AT6-TRAVEL").path("spentInYear").asText()).isEqualTo("1234.56");
        assertThat(lines.get("AT6-INDIRECT").path("yearPlanned").asText()).isEqualTo("13500.00");
        assertThat(lines.get("AT6-INDIRECT").path("spentInYear").asText()).isEqualTo("3450.00");
        assertThat(lines.get("AT2-SERVICES").path("yearPlanned").asText()).isEqualTo("0.00");
        assertThat(execution.path("totals").path("yearPlanned").asText()).isEqualTo("137500.00");
        assertThat(execution.path("totals").path("spentInYear").asText()).isEqualTo("45345.06");
        assertThat(execution.path("totals").path("spentCumulative").asText()).isEqualTo("45345.06");

        // ------------------------------------------------ the programme's roll-ups, as the liaison reads them
        JsonNode programme = read(liaison, g(g) + "/budget-execution?to=2025-12-31");
        assertThat(programme.path("projects").toString()).isEqualTo("[" + projectFigures(a, "C2", "810000.00",
                "45345.06", "764654.94", "5.60") + "," + projectFigures(b, "C1", "10000.00", "6000.00", "4000.00",
                "60.00") + "]");
        assertThat(programme.path("totals").toString()).isEqualTo("{\"planned\":\"820000.00\","
                + "\"spentCumulative\":\"51345.06\",\"remaining\":\"768654.94\",\"executionPercent\":\"6.26\"}");
        assertThat(programme.path("bySource").toString()).isEqualTo("[{\"source\":\"CH\",\"amount\":\"43643.30\"},"
                + "{\"source\":\"EE\",\"amount\":\"7701.76\"}]");
        JsonNode results = read(liaison, g(g) + "/results?to=2025-12-31");
        assertThat(results.get(0).path("code").asText()).isEqualTo("P1");
        assertThat(results.get(0).path("cumulative").asText()).isEqualTo("15");
        JsonNode claims = read(liaison, g(g) + "/reimbursement");
        assertThat(claims.path("ceiling").asText()).isEqualTo("40000.00");
        assertThat(claims.path("claimed").asText()).isEqualTo("37194.73");
        assertThat(claims.path("approved").asText()).isEqualTo("30129.16");
        assertThat(claims.path("paid").asText()).isEqualTo("30129.16");
        assertThat(claims.path("remainingCeiling").asText()).isEqualTo("3792.93");
        // B's finance clerk sees none of A's claims through the programme
        assertThat(financeB.get(g(g) + "/reimbursement?minPosition=" + position).status()).isEqualTo(403);
        assertThat(financeB.get(r(a, "R1") + "?minPosition=" + position).status()).isEqualTo(404);

        // ------------------------------------------------ the audit trail tells it in words, and the chain holds
        List<String> summaries = read(liaison, p(a) + "/audit-trail?size=200").path("items").findValuesAsText("summary");
        assertThat(String.join("\n", summaries)).contains("Work plan for 2025", "R1", "R2");
        assertThat(read(liaison, p(a) + "/audit-trail/verification").path("valid").asBoolean()).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> workPlan(String staff, String travel) {
        return body("year", 2025,
                "budget", List.of(body("budgetLine", "AT1-SERVICES", "planned", "30000.00"),
                        body("budgetLine", "AT6-STAFF", "planned", staff),
                        body("budgetLine", "AT6-TRAVEL", "planned", travel)),
                "activities", List.of(
                        body("subActivity", "1", "from", "2025-01-01", "to", "2025-06-30",
                                "description", "Kaardistusuuring ja nõustamisteenuse hange"),
                        body("subActivity", "6", "from", "2025-01-01", "to", "2025-12-31",
                                "description", "Projekti juhtimine ja aruandlus")));
    }

    private void spend(Api as, String project, String id, String line, String amount, String incurredOn,
                       String paidOn) {
        ok(as.post(p(project) + "/expenditures", body("id", id, "budgetLine", line, "amount", amount,
                "incurredOn", incurredOn, "paidOn", paidOn, "supplier", "OÜ Sotsiaalse Innovatsiooni Labor",
                "invoice", "ARVE-" + id, "description", "Teenus " + id)), 201);
    }

    private static Map<String, Object> request(String id, String from, String to, String rate) {
        return body("id", id, "from", from, "to", to, "exchangeRate", body("rate", rate, "date", to,
                "source", "Euroopa Keskpank"));
    }

    private static Map<String, String> eligible(JsonNode request) {
        Map<String, String> lines = new LinkedHashMap<>();
        request.path("lines").forEach(l -> lines.put(l.path("budgetLine").asText(), l.path("eligible").asText()));
        return lines;
    }

    private static List<String> ids(JsonNode request) {
        List<String> ids = new java.util.ArrayList<>();
        request.path("expenditures").forEach(e -> ids.add(e.asText()));
        return ids;
    }

    private static String projectFigures(String project, String component, String planned, String spent,
                                         String remaining, String percent) {
        return "{\"project\":\"" + project + "\",\"component\":\"" + component + "\",\"planned\":\"" + planned
                + "\",\"spentCumulative\":\"" + spent + "\",\"remaining\":\"" + remaining
                + "\",\"executionPercent\":\"" + percent + "\"}";
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private Api.Response ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        position = Math.max(position, r.position());
        return r;
    }

    private JsonNode read(Api as, String path) {
        Api.Response r = as.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + position);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static String p(String id) {
        return "/api/v1/projects/" + Api.seg(id);
    }

    private static String g(String id) {
        return "/api/v1/programmes/" + Api.seg(id);
    }

    private static String r(String project, String request) {
        return p(project) + "/reimbursement-requests/" + Api.seg(request);
    }
}
