package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Expenditures invoiced in another currency, over HTTP against PostgreSQL. The seed project's currency is EUR. */
class ForeignCurrencyApiTest extends ApiTestBase {

    private String base;
    private Api finance;
    private long position;

    @BeforeEach
    void project() {
        String project = SeedProject.CODE + "-" + unique("fx");
        base = "/api/v1/projects/" + Api.seg(project);
        position = SeedProject.setUp(admin, project);
        finance = user("FINANCE", List.of(project), List.of());
    }

    private static Map<String, Object> original(String amount, String currency, String rate, String source) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("amount", amount);
        o.put("currency", currency);
        o.put("rate", rate);
        o.put("rateDate", "2024-07-01");
        if (source != null) {
            o.put("rateSource", source);
        }
        return o;
    }

    private Api.Response spend(String id, String amount, Map<String, Object> original) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("budgetLine", "AT1-SERVICES");
        if (amount != null) {
            body.put("amount", amount);
        }
        body.put("incurredOn", "2024-07-01");
        body.put("supplier", "Zürcher Beratung AG");
        body.put("invoice", "CH-" + id);
        body.put("original", original);
        return finance.post(base + "/expenditures", body);
    }

    private void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        position = Math.max(position, r.position());
    }

    @Test
    void an_invoice_in_francs_is_recorded_in_euro_at_the_rate_given() {
        String source = "Eesti Pank – päevakurss, ÕÄÖÜ šž";
        ok(spend("FX-1", null, original("1000.00", "CHF", "1.064", source)));

        Api.Response disagreeing = spend("FX-2", "1064.01", original("1000.00", "CHF", "1.064", null));
        assertThat(disagreeing.status()).as(disagreeing.body()).isEqualTo(422);
        assertThat(disagreeing.body()).contains("1064.00");
        Api.Response agreeing = spend("FX-3", "10.64", original("10.00", "CHF", "1.064", null));
        ok(agreeing);

        Api.Response inEuro = spend("FX-4", null, original("10.00", "EUR", "1", null));
        assertThat(inEuro.status()).as(inEuro.body()).isEqualTo(400);
        assertThat(inEuro.json().path("errors").get(0).path("field").asText()).isEqualTo("original.currency");
        assertThat(spend("FX-5", null, original("10.00", "ABC", "1.1", null)).status()).isEqualTo(400);
        assertThat(spend("FX-6", null, original("10.00", "CHF", "0", null)).status()).isEqualTo(400);
        assertThat(spend("FX-7", null, original("10.00", "CHF", "1.1234567", null)).status()).isEqualTo(400);
        assertThat(spend("FX-8", null, original("10.001", "CHF", "1.1", null)).status()).isEqualTo(400);
        assertThat(spend("FX-9", null, null).status()).isEqualTo(400); // neither amount nor original

        ok(finance.post(base + "/expenditures/FX-1/corrections", Map.of("reason", "Kurss parandatud",
                "original", original("1000.00", "CHF", "1.07", source))));

        Api.Response list = finance.get(base + "/expenditures?minPosition=" + position);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        Map<String, JsonNode> items = new HashMap<>();
        list.json().path("items").forEach(i -> items.put(i.path("id").asText(), i));
        assertThat(items.keySet()).containsExactlyInAnyOrder("FX-1", "FX-3");
        JsonNode fx1 = items.get("FX-1");
        assertThat(fx1.path("amount").asText()).isEqualTo("1070.00");
        assertThat(fx1.path("original").path("amount").asText()).isEqualTo("1000.00");
        assertThat(fx1.path("original").path("currency").asText()).isEqualTo("CHF");
        assertThat(fx1.path("original").path("rate").asText()).isEqualTo("1.07");
        assertThat(fx1.path("original").path("rateDate").asText()).isEqualTo("2024-07-01");
        assertThat(fx1.path("original").path("rateSource").asText()).isEqualTo(source);
        JsonNode change = fx1.path("history").get(0).path("changes");
        assertThat(change.path("amount").toString()).isEqualTo("{\"from\":\"1064.00\",\"to\":\"1070.00\"}");
        assertThat(change.path("original").path("from").path("rate").asText()).isEqualTo("1.064");
        assertThat(change.path("original").path("to").path("rate").asText()).isEqualTo("1.07");

        // every figure in the project currency uses amount
        JsonNode execution = finance.get(base + "/budget-execution?to=2024-12-31&minPosition=" + position).json();
        JsonNode[] at1 = {null};
        execution.path("lines").forEach(l -> {
            if (l.path("code").asText().equals("AT1-SERVICES")) {
                at1[0] = l;
            }
        });
        assertThat(at1[0].toString()).contains("\"1080.64\"");

        Api.Response trail = admin.get(base + "/audit-trail?minPosition=" + position);
        assertThat(trail.body()).contains("1000.00 CHF at the rate 1.064 of 2024-07-01")
                .contains("1000.00 CHF at the rate 1.07 of 2024-07-01");
    }

    @Test
    void an_import_reads_the_optional_original_currency_columns() {
        String csv = "id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description;originalAmount;originalCurrency;rate;rateDate;rateSource\n"
                + "C-1;AT1-SERVICES;;01.07.2024;;Zürcher AG;Z-1;Koolitus;1000,00;CHF;1,064;01.07.2024;Eesti Pank õhtul\n"
                + "C-2;AT1-SERVICES;50,00;02.07.2024;;OÜ Ülle;U-1;Kohv;;;;;\n";
        Api.Response bad = finance.postRaw(base + "/expenditures/import", "text/csv",
                csv.replace("1,064;", "1,0645;").replace("C-1;AT1-SERVICES;;", "C-1;AT1-SERVICES;1064,00;")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.json().path("errors").get(0).path("column").asText()).isEqualTo("amount");
        Api.Response euro = finance.postRaw(base + "/expenditures/import", "text/csv",
                csv.replace(";CHF;", ";EUR;").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(euro.status()).as(euro.body()).isIn(400, 422);
        assertThat(euro.json().path("errors").get(0).path("column").asText()).isEqualTo("originalCurrency");

        ok(finance.postRaw(base + "/expenditures/import", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Map<String, JsonNode> items = new HashMap<>();
        finance.get(base + "/expenditures?minPosition=" + position).json().path("items")
                .forEach(i -> items.put(i.path("id").asText(), i));
        assertThat(items.get("C-1").path("amount").asText()).isEqualTo("1064.00");
        assertThat(items.get("C-1").path("original").path("rate").asText()).isEqualTo("1.064");
        assertThat(items.get("C-1").path("original").path("rateSource").asText()).isEqualTo("Eesti Pank õhtul");
        assertThat(items.get("C-2").path("original").isNull()).isTrue();
    }
}
