package io.seire.command.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seire.platform.testing.Api;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bean Validation on the request records, over HTTP: a broken field rule answers 400 problem+json naming the field,
 * records nothing (the project's stream in the event store is unchanged) and is not remembered for the
 * Idempotency-Key; and the typed answers keep their exact bytes, also when replayed.
 */
class RequestRulesApiTest extends CommandApiTestBase {

    private String project;
    private String base;
    private Api finance;
    private long recorded;

    @BeforeEach
    void aProject() {
        project = "Šveits.1.01.25-0006-" + unique("rules");
        base = "/api/v1/projects/" + Api.seg(project);
        project(project);
        recorded = countEvents(project);
        finance = user("FINANCE", List.of(project), List.of());
    }

    @Test
    void a_broken_field_rule_answers_400_naming_the_field_and_records_nothing() {
        Api.Response r = finance.withHeader("Idempotency-Key", "rules-1").post(base + "/expenditures",
                expenditure("E-1", "12,50"));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText())
                .isEqualTo("amount: '12,50' is not a decimal number; write it as a string such as \"1234.56\"");
        assertThat(r.json().path("errors")).hasSize(1);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("amount");
        assertThat(countEvents(project)).as("nothing recorded").isEqualTo(recorded);

        // not remembered: the same key with a good body records the expenditure
        Api.Response good = finance.withHeader("Idempotency-Key", "rules-1").post(base + "/expenditures",
                expenditure("E-1", "12.50"));
        assertThat(good.status()).as(good.body()).isEqualTo(201);
    }

    @Test
    void every_broken_field_is_named_nested_fields_by_their_path_in_the_order_of_the_body() {
        Map<String, Object> body = expenditure("E-2", null);
        body.remove("budgetLine");
        body.put("original", Map.of("amount", "100", "currency", "CHF", "rate", "x", "rateDate", "2025-03-01"));
        body.put("incurredOn", null);
        Api.Response r = finance.post(base + "/expenditures", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("errors").findValuesAsText("field"))
                .containsExactly("budgetLine", "incurredOn", "original.rate");
        assertThat(r.json().path("detail").asText()).isEqualTo("3 fields of the request are not valid; see errors.");
        assertThat(countEvents(project)).as("nothing recorded").isEqualTo(recorded);
    }

    @Test
    void the_amount_may_be_left_out_only_with_an_original() {
        Map<String, Object> body = expenditure("E-3", null);
        Api.Response r = finance.post(base + "/expenditures", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("amount");
        assertThat(r.json().path("errors").get(0).path("message").asText()).isEqualTo("is required");
    }

    @Test
    void what_the_client_sent_is_repeated_literally_never_interpolated() {
        for (String hostile : List.of("${1+1}", "{min}", "${validatedValue}", "#{7*7}")) {
            Api.Response r = finance.post(base + "/expenditures", expenditure("E-4", hostile));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().path("errors").get(0).path("message").asText())
                    .isEqualTo("'" + hostile + "' is not a decimal number; write it as a string such as \"1234.56\"");
        }
    }

    @Test
    void a_write_answers_its_record_in_the_contracts_bytes_and_a_replay_the_same_bytes() {
        Api keyed = finance.withHeader("Idempotency-Key", "rules-replay");
        Api.Response first = keyed.post(base + "/expenditures", expenditure("E-5", "10.00"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Content-Type")).startsWith("application/json");
        assertThat(first.body()).matches("\\{\"id\":\"E-5\",\"position\":\\d+}");
        Api.Response again = keyed.post(base + "/expenditures", expenditure("E-5", "10.00"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());

        byte[] csv = ("id,budgetLine,amount,incurredOn,paidOn,supplier,invoice,description\n"
                + "C-1,AT1-SERVICES,5.00,2025-03-01,2025-03-02,Tarnija,A-1,Kulu\n").getBytes(StandardCharsets.UTF_8);
        Api.Response imported = finance.postRaw(base + "/expenditures/import", "text/csv", csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.body()).matches("\\{\"imported\":1,\"unchanged\":0,\"position\":\\d+}");
    }

    @Test
    void the_document_shows_each_records_required_fields_and_the_decimal_form() {
        JsonNode docs = admin.anonymous().get("/v3/api-docs").json();
        JsonNode hire = docs.path("components").path("schemas").path("HireRequest");
        assertThat(hire.path("required")).extracting(JsonNode::asText)
                .contains("name", "startDate", "workloadPercent");
        assertThat(hire.path("properties").path("workloadPercent").path("pattern").asText())
                .isEqualTo(io.seire.kernel.DecimalText.PATTERN);
    }

    private Map<String, Object> expenditure(String id, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("budgetLine", "AT1-SERVICES");
        body.put("amount", amount);
        body.put("incurredOn", "2025-03-01");
        body.put("paidOn", "2025-03-02");
        body.put("supplier", "Tarnija OÜ");
        body.put("invoice", "A-" + id);
        body.put("description", "Kulu");
        return body;
    }
}
