package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
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
 * Reimbursement requests end to end over HTTP: a request's figures against figures computed by hand below, the
 * changes to claimed expenditures, approval with an exclusion, payment, return, the programme's claims against its
 * ceiling (also as of an earlier instant), who may do and see what, and the ceiling under truly concurrent
 * submissions from several projects of one programme.
 */
class ReimbursementApiTest extends ApiTestBase {

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

    /** Books in EUR, claims in CHF against the ceiling; 85 % Swiss (claimed), 15 % national. */
    private String programme(String ceiling) {
        String id = unique("Šveitsi-Eesti");
        ok(admin.post("/api/v1/programmes", body("id", id, "name", "Šveitsi-Eesti koostööprogramm", "currency", "EUR",
                "claimCurrency", "CHF", "ceiling", ceiling,
                "fundingSources", List.of(body("code", "CH", "name", "Šveitsi toetus", "share", "85", "claimable", true),
                        body("code", "EE", "name", "Riiklik kaasfinantseering", "share", "15", "claimable", false)),
                "components", List.of(body("code", "C1", "name", "Kodanikuühiskond")),
                "indicators", List.of())), 201);
        return id;
    }

    /** A project of the programme planning STAFF (S), SERVICES (V) and a 15 % flat rate of STAFF (IND). */
    private String project(String programme) {
        String id = unique("Šveits.1.01.25");
        ok(admin.post("/api/v1/projects", body("id", id, "name", "Pädevuskeskus", "programme", programme,
                "component", "C1", "beneficiary", "SA Kodanikuühiskonna Sihtkapital", "currency", "EUR",
                "eligibleFrom", "2024-06-01", "eligibleTo", "2026-12-31", "flexibilityPercent", "10",
                "reportingPeriods", List.of(body("id", "2024", "from", "2024-06-01", "to", "2024-12-31"),
                        body("id", "2025", "from", "2025-01-01", "to", "2025-12-31"),
                        body("id", "2026", "from", "2026-01-01", "to", "2026-12-31")))), 201);
        ok(admin.post(p(id) + "/sub-activities", body("code", "1", "name", "Nõustamine")), 201);
        ok(admin.post(p(id) + "/budget-lines", body("code", "S", "subActivity", "1", "costCategory", "STAFF",
                "planned", "100000.00")), 201);
        ok(admin.post(p(id) + "/budget-lines", body("code", "V", "subActivity", "1", "costCategory", "SERVICES",
                "planned", "100000.00")), 201);
        ok(admin.post(p(id) + "/budget-lines", body("code", "IND", "subActivity", "1", "costCategory", "INDIRECT",
                "flatRate", body("percent", "15", "ofCostCategory", "STAFF"))), 201);
        return id;
    }

    private void spend(Api as, String project, String id, String line, String amount, String paidOn) {
        Map<String, Object> b = body("id", id, "budgetLine", line, "amount", amount, "incurredOn",
                paidOn == null ? "2025-05-01" : paidOn, "supplier", "OÜ Tarnija", "invoice", "A-" + id);
        if (paidOn != null) {
            b.put("paidOn", paidOn);
        }
        ok(as.post(p(project) + "/expenditures", b), 201);
    }

    static Map<String, Object> request(String id, String from, String to, String rate) {
        return body("id", id, "from", from, "to", to, "exchangeRate", body("rate", rate, "date", "2025-07-01",
                "source", "Euroopa Keskpanga kurss"));
    }

    private Api.Response ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        position = Math.max(position, r.position());
        return r;
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

    private JsonNode read(Api as, String path) {
        Api.Response r = as.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + position);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static void problem(Api.Response r, int status, String detailContains) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        if (detailContains != null) {
            assertThat(r.json().path("detail").asText()).as(r.body()).contains(detailContains);
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> i = node.fieldNames(); i.hasNext(); ) {
            names.add(i.next());
        }
        return names;
    }

    // ---------------------------------------------------------------- a request's life and figures

    @Test
    void a_request_is_submitted_approved_with_an_exclusion_paid_and_a_claimed_expenditure_adjusted_into_the_next()
            throws Exception {
        String g = programme("5000.00");
        String a = project(g);
        Api finance = user("FINANCE", List.of(a), List.of());
        Api liaison = user("LIAISON", List.of(), List.of(g));

        spend(finance, a, "E1", "S", "1000.00", "2025-02-10");
        spend(finance, a, "E2", "V", "333.33", "2025-03-15");
        // an invoice in francs: 500.00 CHF at 1.065 EUR per CHF = 532.50 EUR
        ok(finance.post(p(a) + "/expenditures", body("id", "E3", "budgetLine", "V", "incurredOn", "2025-05-01",
                "paidOn", "2025-05-01", "original", body("amount", "500.00", "currency", "CHF", "rate", "1.065",
                        "rateDate", "2025-04-30", "rateSource", "EKP"))), 201);
        spend(finance, a, "E4", "S", "50.00", "2025-07-10");
        spend(finance, a, "E5", "V", "10.00", null);

        // R1 (first half of 2025) holds E1, E2, E3: S 1000.00, V 333.33 + 532.50 = 865.83, IND 15 % × 1000.00 =
        // 150.00; eligible 2015.83; CH 85 % = 1713.4555 → 1713.46, EE the rest 302.37; claimed 1713.46 EUR ×
        // 0.9412 = 1612.708552 → 1612.71 CHF
        Api keyed = finance.withHeader("Idempotency-Key", unique("k"));
        Api.Response submitted = ok(keyed.post(p(a) + "/reimbursement-requests",
                request("R1", "2025-01-01", "2025-06-30", "0.9412")), 201);
        assertThat(submitted.json().path("id").asText()).isEqualTo("R1");
        assertThat(keyed.post(p(a) + "/reimbursement-requests", request("R1", "2025-01-01", "2025-06-30", "0.9412"))
                .body()).isEqualTo(submitted.body());

        JsonNode r1 = read(finance, r(a, "R1"));
        assertThat(fields(r1)).containsSubsequence("id", "from", "to", "status", "exchangeRate", "expenditures",
                "lines", "eligibleTotal", "sources", "claimed", "claimedInClaimCurrency", "approved", "payment",
                "history");
        assertThat(r1.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(r1.path("from").asText()).isEqualTo("2025-01-01");
        assertThat(r1.path("exchangeRate").toString()).isEqualTo(
                "{\"rate\":\"0.9412\",\"date\":\"2025-07-01\",\"source\":\"Euroopa Keskpanga kurss\"}");
        assertThat(r1.path("expenditures").toString()).isEqualTo("[\"E1\",\"E2\",\"E3\"]");
        assertThat(r1.path("lines").toString()).isEqualTo("["
                + "{\"budgetLine\":\"S\",\"costCategory\":\"STAFF\",\"eligible\":\"1000.00\"},"
                + "{\"budgetLine\":\"V\",\"costCategory\":\"SERVICES\",\"eligible\":\"865.83\"},"
                + "{\"budgetLine\":\"IND\",\"costCategory\":\"INDIRECT\",\"eligible\":\"150.00\"}]");
        assertThat(r1.path("eligibleTotal").asText()).isEqualTo("2015.83");
        assertThat(r1.path("sources").toString()).isEqualTo("["
                + "{\"source\":\"CH\",\"share\":\"85\",\"claimable\":true,\"amount\":\"1713.46\"},"
                + "{\"source\":\"EE\",\"share\":\"15\",\"claimable\":false,\"amount\":\"302.37\"}]");
        assertThat(r1.path("claimed").asText()).isEqualTo("1713.46");
        assertThat(r1.path("claimedInClaimCurrency").asText()).isEqualTo("1612.71");
        assertThat(r1.path("approved").isNull()).isTrue();
        assertThat(r1.path("payment").isNull()).isTrue();
        assertThat(r1.path("history").get(0).path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(r1.path("history").get(0).path("actor").asText()).isEqualTo(finance.username());

        // claimed money is locked: no direct correction or cancellation, an adjustment instead (negative)
        problem(finance.post(p(a) + "/expenditures/E1/corrections", body("amount", "900.00", "reason", "Kreeditarve")),
                409, "claimed in reimbursement request 'R1'");
        problem(finance.post(p(a) + "/expenditures/E2/cancellation", body("reason", "Topelt")), 409,
                "cannot be cancelled directly");
        ok(finance.post(p(a) + "/expenditures", body("id", "A1", "budgetLine", "S", "amount", "-100.00",
                "incurredOn", "2025-08-01", "supplier", "OÜ Tarnija", "invoice", "A-E1", "corrects", "E1")), 201);
        // a correction of an expenditure that is neither claimed nor in a locked period is made directly
        problem(finance.post(p(a) + "/expenditures", body("id", "A2", "budgetLine", "S", "amount", "-1.00",
                "incurredOn", "2025-08-01", "corrects", "E4")), 422, "correct it directly");

        Thread.sleep(5);
        Instant beforeApproval = Instant.now();
        Thread.sleep(5);

        // approved without E2 (333.33): S 1000.00, V 532.50, IND 150.00 = 1682.50; CH 1430.125 → 1430.13,
        // EE 252.37; 1430.13 × 0.9412 = 1346.038356 → 1346.04 CHF
        problem(finance.post(r(a, "R1") + "/approval", body()), 403, null);
        ok(liaison.post(r(a, "R1") + "/approval", body("excluded", List.of(body("expenditure", "E2",
                "reason", "Arve ei ole abikõlblik")), "comment", "Kinnitatud osaliselt")), 200);
        JsonNode approved = read(finance, r(a, "R1"));
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("claimedInClaimCurrency").asText()).isEqualTo("1612.71");
        assertThat(approved.path("approved").toString()).isEqualTo("{\"expenditures\":[\"E1\",\"E3\"],"
                + "\"excluded\":[{\"expenditure\":\"E2\",\"reason\":\"Arve ei ole abikõlblik\"}],\"lines\":["
                + "{\"budgetLine\":\"S\",\"costCategory\":\"STAFF\",\"eligible\":\"1000.00\"},"
                + "{\"budgetLine\":\"V\",\"costCategory\":\"SERVICES\",\"eligible\":\"532.50\"},"
                + "{\"budgetLine\":\"IND\",\"costCategory\":\"INDIRECT\",\"eligible\":\"150.00\"}],"
                + "\"eligibleTotal\":\"1682.50\",\"sources\":["
                + "{\"source\":\"CH\",\"share\":\"85\",\"claimable\":true,\"amount\":\"1430.13\"},"
                + "{\"source\":\"EE\",\"share\":\"15\",\"claimable\":false,\"amount\":\"252.37\"}],"
                + "\"claimed\":\"1430.13\",\"claimedInClaimCurrency\":\"1346.04\"}");
        // no longer claimed, the excluded expenditure can be corrected directly again
        ok(finance.post(p(a) + "/expenditures/E2/corrections", body("amount", "300.00", "reason", "Kreeditarve")), 200);

        problem(liaison.post(r(a, "R1") + "/payment", body("paidOn", "2025-09-15", "amount", "1346.05")), 422,
                "more than the 1346.04 CHF approved");
        ok(liaison.post(r(a, "R1") + "/payment", body("paidOn", "2025-09-15", "amount", "1346.04")), 200);
        JsonNode paid = read(finance, r(a, "R1"));
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("payment").toString()).isEqualTo("{\"paidOn\":\"2025-09-15\",\"amount\":\"1346.04\"}");
        assertThat(paid.path("history").findValuesAsText("status")).containsExactly("SUBMITTED", "APPROVED", "PAID");
        assertThat(paid.path("history").get(1).path("comment").asText()).isEqualTo("Kinnitatud osaliselt");
        assertThat(paid.path("history").get(1).path("actor").asText()).isEqualTo(liaison.username());

        // R2 (second half): E4 by its paid date, E2 (excluded before, now 300.00) and A1 (adjusting the claimed E1)
        // whatever theirs: S 50.00 − 100.00 = −50.00, V 300.00, IND 15 % × −50.00 = −7.50; eligible 242.50;
        // CH 206.125 → 206.13, EE 36.37; 206.13 × 0.9350 = 192.73155 → 192.73 CHF
        problem(finance.post(p(a) + "/reimbursement-requests", request("R2", "2025-06-30", "2025-12-31", "0.935")),
                409, "overlaps");
        ok(finance.post(p(a) + "/reimbursement-requests", request("R2", "2025-07-01", "2025-12-31", "0.935")), 201);
        JsonNode r2 = read(finance, r(a, "R2"));
        assertThat(r2.path("expenditures").toString()).isEqualTo("[\"E2\",\"E4\",\"A1\"]");
        assertThat(r2.path("lines").toString()).isEqualTo("["
                + "{\"budgetLine\":\"S\",\"costCategory\":\"STAFF\",\"eligible\":\"-50.00\"},"
                + "{\"budgetLine\":\"V\",\"costCategory\":\"SERVICES\",\"eligible\":\"300.00\"},"
                + "{\"budgetLine\":\"IND\",\"costCategory\":\"INDIRECT\",\"eligible\":\"-7.50\"}]");
        assertThat(r2.path("eligibleTotal").asText()).isEqualTo("242.50");
        assertThat(r2.path("claimed").asText()).isEqualTo("206.13");
        assertThat(r2.path("claimedInClaimCurrency").asText()).isEqualTo("192.73");

        // returned, R2 releases its expenditures: R3 over the same window holds them again
        problem(liaison.post(r(a, "R2") + "/return", body()), 400, null);
        ok(liaison.post(r(a, "R2") + "/return", body("comment", "Kurss on vale")), 200);
        ok(finance.post(p(a) + "/reimbursement-requests", request("R3", "2025-07-01", "2025-12-31", "0.9412")), 201);
        JsonNode r3 = read(finance, r(a, "R3"));
        assertThat(r3.path("expenditures").toString()).isEqualTo("[\"E2\",\"E4\",\"A1\"]");
        // 206.13 × 0.9412 = 194.009556 → 194.01 CHF
        assertThat(r3.path("claimedInClaimCurrency").asText()).isEqualTo("194.01");

        JsonNode list = read(finance, p(a) + "/reimbursement-requests");
        assertThat(list.path("total").asLong()).isEqualTo(3);
        assertThat(list.path("items").findValuesAsText("id")).containsExactly("R1", "R2", "R3");
        assertThat(list.path("items").findValuesAsText("status")).containsExactly("PAID", "RETURNED", "SUBMITTED");
        assertThat(list.path("items").get(0).path("approvedClaimedInClaimCurrency").asText()).isEqualTo("1346.04");

        // the programme: claimed 1612.71 (R1, as submitted) + 194.01 (R3) = 1806.72; approved 1346.04; paid
        // 1346.04; against the ceiling count 1346.04 (R1 approved) + 194.01 (R3 submitted): 5000.00 − 1540.05
        JsonNode programme = read(liaison, g(g) + "/reimbursement");
        assertThat(programme.path("claimCurrency").asText()).isEqualTo("CHF");
        assertThat(programme.path("ceiling").asText()).isEqualTo("5000.00");
        assertThat(programme.path("claimed").asText()).isEqualTo("1806.72");
        assertThat(programme.path("approved").asText()).isEqualTo("1346.04");
        assertThat(programme.path("paid").asText()).isEqualTo("1346.04");
        assertThat(programme.path("remainingCeiling").asText()).isEqualTo("3459.95");
        assertThat(programme.path("projects").toString()).isEqualTo("[{\"project\":\"" + a
                + "\",\"claimed\":\"1806.72\",\"approved\":\"1346.04\",\"paid\":\"1346.04\"}]");
        // as it stood before the approval: R1 submitted, nothing approved or paid
        JsonNode then = read(admin, g(g) + "/reimbursement?asOf=" + beforeApproval);
        assertThat(then.path("claimed").asText()).isEqualTo("1612.71");
        assertThat(then.path("approved").asText()).isEqualTo("0.00");
        assertThat(then.path("remainingCeiling").asText()).isEqualTo("3387.29");
        assertThat(read(finance, r(a, "R1") + "?asOf=" + beforeApproval).path("status").asText())
                .isEqualTo("SUBMITTED");

        // the audit trail tells each step in words, and the chain covers them
        JsonNode trail = read(finance, p(a) + "/audit-trail?size=1000");
        List<String> summaries = trail.path("items").findValuesAsText("summary");
        assertThat(summaries).contains("Reimbursement request R1 submitted for payments from 2025-01-01 to "
                        + "2025-06-30: 3 expenditures, eligible 2015.83, claimed 1713.46 (1612.71 CHF at the rate 0.9412 of "
                        + "2025-07-01, Euroopa Keskpanga kurss)",
                "Reimbursement request R1 approved: claimed 1430.13 (1346.04 CHF); left out: E2 (Arve ei ole "
                        + "abikõlblik)",
                "Reimbursement request R1 paid: 1346.04 CHF on 2025-09-15",
                "Reimbursement request R2 returned; its expenditures can be claimed again");
        JsonNode verification = read(finance, p(a) + "/audit-trail/verification");
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("events").asLong()).isEqualTo(trail.path("total").asLong());
    }

    @Test
    void only_projects_of_a_registered_programme_make_requests_and_bad_requests_record_nothing() {
        String seed = SeedProject.CODE + "-" + unique("hüvitis");
        SeedProject.setUp(admin, seed);
        ok(admin.post(p(seed) + "/expenditures", body("budgetLine", "AT6-STAFF", "amount", "10.00",
                "incurredOn", "2025-02-01", "paidOn", "2025-02-01")), 201);
        problem(admin.post(p(seed) + "/reimbursement-requests", request("R1", "2025-01-01", "2025-06-30", "0.9412")),
                422, "no registered programme");

        String g = programme("5000.00");
        String a = project(g);
        spend(admin, a, "E1", "S", "100.00", "2025-02-01");
        String path = p(a) + "/reimbursement-requests";
        problem(admin.post(path, body("from", "2025-01-01", "exchangeRate", body("rate", "1", "date", "2025-07-01",
                "source", "EKP"))), 400, null);
        problem(admin.post(path, request("R1", "2025-01-01", "2025-06-31", "1")), 400, null);
        problem(admin.post(path, request("R1", "2025-01-01", "2025-06-30", "abc")), 400, null);
        problem(admin.post(path, request("R1", "2025-01-01", "2025-06-30", "0.1234567")), 400, null);
        problem(admin.post(path, request("R1", "2025-01-01", "2025-06-30", "-1")), 400, null);
        problem(admin.post(path, body("from", "2025-01-01", "to", "2025-06-30", "exchangeRate",
                body("rate", "1", "date", "2025-07-01"))), 400, null);
        problem(admin.post(path, with(request("R1", "2025-01-01", "2025-06-30", "1"), "extra", 1)), 400, null);
        problem(admin.post(path, request("R1", "2025-06-30", "2025-01-01", "1")), 422, "before it starts");
        problem(admin.post(path, request("R1", "2026-01-01", "2026-06-30", "1")), 422, "nothing to claim");
        problem(admin.post(path, request("R/1", "2025-01-01", "2025-06-30", "1")), 400, null);
        problem(admin.post(path + "/R9/approval", body()), 404, null);
        problem(admin.post(path + "/R9/return", body("comment", "x")), 404, null);
        problem(admin.post(path + "/R9/payment", body("paidOn", "2025-09-01", "amount", "1.00")), 404, null);
        problem(admin.get(path + "/R9"), 404, null);
        assertThat(read(admin, path).path("total").asLong()).isZero();

        ok(admin.post(path, request("R1", "2025-01-01", "2025-06-30", "1")), 201);
        problem(admin.post(path, request("R1", "2025-07-01", "2025-12-31", "1")), 409, null);
        problem(admin.post(path + "/R1/approval", body("excluded", List.of(body("expenditure", "E9",
                "reason", "x")))), 422, "not claimed in reimbursement request 'R1'");
        problem(admin.post(path + "/R1/approval", body("excluded", List.of(body("expenditure", "E1")))), 400, null);
        problem(admin.post(path + "/R1/payment", body("paidOn", "2025-09-01", "amount", "1.00")), 409,
                "only an approved request can be paid");
        problem(admin.post(path + "/R1/payment", body("paidOn", "2025-09-01", "amount", "1.001")), 400, null);
        problem(admin.postRaw(path + "/R1/approval", "application/x-www-form-urlencoded", "comment=x".getBytes()),
                415, null);
        JsonNode r1 = read(admin, path + "/R1");
        assertThat(r1.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(r1.path("history").size()).isEqualTo(1);
    }

    @Test
    void the_openapi_document_shows_every_reimbursement_endpoint() {
        JsonNode paths = admin.anonymous().get("/v3/api-docs").json().path("paths");
        String base = "/api/v1/projects/{projectId}/reimbursement-requests";
        assertThat(paths.path(base).has("post")).isTrue();
        assertThat(paths.path(base).has("get")).isTrue();
        assertThat(paths.path(base + "/{requestId}").has("get")).isTrue();
        for (String step : List.of("approval", "return", "payment")) {
            assertThat(paths.path(base + "/{requestId}/" + step).has("post")).as(step).isTrue();
        }
        assertThat(paths.path("/api/v1/programmes/{programmeId}/reimbursement").has("get")).isTrue();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    // ---------------------------------------------------------------- who may do and see what

    @Test
    void finance_submits_liaisons_decide_liaisons_and_administrators_record_payments_and_others_see_nothing() {
        String g = programme("100000.00");
        String a = project(g);
        String b = project(g);
        Api finance = user("FINANCE", List.of(a), List.of());
        Api manager = user("MANAGER", List.of(a), List.of());
        Api liaison = user("LIAISON", List.of(), List.of(g));
        Api financeOfB = user("FINANCE", List.of(b), List.of());
        Api otherLiaison = user("LIAISON", List.of(), List.of("ESF+ Eesti"));
        for (int i = 1; i <= 6; i++) {
            spend(admin, a, "E" + i, "V", "10.00", "2025-0" + i + "-01");
        }
        spend(admin, b, "E1", "V", "10.00", "2025-01-01");
        ok(admin.post(p(b) + "/reimbursement-requests", request("RB", "2025-01-01", "2025-01-31", "1")), 201);
        String base = p(a) + "/reimbursement-requests";

        // submission: FINANCE of the project and administrators
        for (Api who : List.of(manager, liaison)) {
            problem(who.post(base, request("X", "2025-01-01", "2025-01-31", "1")), 403, null);
        }
        for (Api who : List.of(financeOfB, otherLiaison)) {
            problem(who.post(base, request("X", "2025-01-01", "2025-01-31", "1")), 404, null);
        }
        ok(finance.post(base, request("R1", "2025-01-01", "2025-01-31", "1")), 201);
        ok(admin.post(base, request("R2", "2025-02-01", "2025-02-28", "1")), 201);
        ok(finance.post(base, request("R3", "2025-03-01", "2025-03-31", "1")), 201);
        ok(finance.post(base, request("R4", "2025-04-01", "2025-04-30", "1")), 201);

        // approval and return: the programme's LIAISON and administrators
        for (Api who : List.of(finance, manager)) {
            problem(who.post(base + "/R1/approval", body()), 403, null);
            problem(who.post(base + "/R1/return", body("comment", "Ei")), 403, null);
        }
        for (Api who : List.of(financeOfB, otherLiaison)) {
            problem(who.post(base + "/R1/approval", body()), 404, null);
            problem(who.post(base + "/R1/return", body("comment", "Ei")), 404, null);
        }
        ok(liaison.post(base + "/R1/approval", body("comment", "Korras")), 200);
        ok(admin.post(base + "/R2/approval", body()), 200);
        ok(liaison.post(base + "/R3/return", body("comment", "Paranda")), 200);
        ok(admin.post(base + "/R4/return", body("comment", "Paranda")), 200);

        // payment: the programme's LIAISON and administrators
        for (Api who : List.of(finance, manager)) {
            problem(who.post(base + "/R1/payment", body("paidOn", "2025-09-01", "amount", "8.50")), 403, null);
        }
        for (Api who : List.of(financeOfB, otherLiaison)) {
            problem(who.post(base + "/R1/payment", body("paidOn", "2025-09-01", "amount", "8.50")), 404, null);
        }
        ok(liaison.post(base + "/R1/payment", body("paidOn", "2025-09-01", "amount", "8.50")), 200);
        ok(admin.post(base + "/R2/payment", body("paidOn", "2025-09-01", "amount", "8.50")), 200);

        // reading: whoever reads the project
        for (Api who : List.of(admin, finance, manager, liaison)) {
            assertThat(read(who, base).path("total").asLong()).isEqualTo(4);
            assertThat(read(who, base + "/R1").path("status").asText()).isEqualTo("PAID");
        }
        for (Api who : List.of(financeOfB, otherLiaison)) {
            problem(who.get(base + "?minPosition=" + position), 404, null);
            problem(who.get(base + "/R1?minPosition=" + position), 404, null);
        }

        // the programme's claims: administrators and its liaisons; a member of one of its projects is refused (they
        // would see the other projects' claims), anyone else does not see the programme
        JsonNode claims = read(liaison, g(g) + "/reimbursement");
        assertThat(claims.path("projects").findValuesAsText("project")).containsExactlyInAnyOrder(a, b);
        assertThat(read(admin, g(g) + "/reimbursement").toString()).isEqualTo(claims.toString());
        for (Api who : List.of(finance, manager, financeOfB)) {
            problem(who.get(g(g) + "/reimbursement?minPosition=" + position), 403, null);
        }
        problem(otherLiaison.get(g(g) + "/reimbursement?minPosition=" + position), 404, null);
        problem(admin.get(g(unique("none")) + "/reimbursement"), 404, null);
    }

    // ---------------------------------------------------------------- the ceiling under concurrency

    /**
     * Projects of one programme submit at the same moment, each claiming 300.00 CHF (352.94 EUR × 85 % = 299.999 →
     * 300.00 EUR at rate 1): under a ceiling of {@code ceiling}, exactly as many succeed as fit, the others are
     * refused with 422, and what is recorded never exceeds the ceiling.
     */
    private void concurrentSubmissions(int projects, String ceiling, int expectedToSucceed) throws Exception {
        String g = programme(ceiling);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < projects; i++) {
            String id = project(g);
            spend(admin, id, "E1", "V", "352.94", "2025-03-01");
            ids.add(id);
        }
        read(admin, g(g));
        ExecutorService pool = Executors.newFixedThreadPool(projects);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (String id : ids) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return admin.post(p(id) + "/reimbursement-requests", request("R1", "2025-01-01", "2025-06-30", "1"));
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Api.Response> answer : answers) {
                Api.Response r = answer.get(60, TimeUnit.SECONDS);
                if (r.status() == 201) {
                    succeeded++;
                    position = Math.max(position, r.position());
                } else {
                    problem(r, 422, "ceiling");
                }
            }
            assertThat(succeeded).isEqualTo(expectedToSucceed);
        } finally {
            pool.shutdownNow();
        }
        BigDecimal counted = new JdbcTemplate(dataSource).queryForObject(
                "SELECT coalesce(sum(counted), 0) FROM programme_claim WHERE programme_id = ?", BigDecimal.class, g);
        assertThat(counted).isLessThanOrEqualTo(new BigDecimal(ceiling));
        assertThat(counted).isEqualByComparingTo(new BigDecimal("300.00").multiply(BigDecimal.valueOf(expectedToSucceed)));
        JsonNode view = read(admin, g(g) + "/reimbursement");
        assertThat(new BigDecimal(view.path("claimed").asText())).isEqualByComparingTo(counted);
        assertThat(new BigDecimal(view.path("remainingCeiling").asText()))
                .isEqualByComparingTo(new BigDecimal(ceiling).subtract(counted));
    }

    @Test
    void two_projects_submitting_at_the_same_moment_never_claim_past_the_ceiling_together() throws Exception {
        for (int round = 0; round < 3; round++) {
            concurrentSubmissions(2, "500.00", 1);
        }
    }

    @Test
    void of_six_projects_submitting_at_the_same_moment_exactly_those_that_fit_the_ceiling_succeed() throws Exception {
        concurrentSubmissions(6, "1000.00", 3);
    }
}
