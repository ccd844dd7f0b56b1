package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text that PostgreSQL cannot store (U+0000, half a surrogate pair) or headers beyond their limits are refused where
 * they enter, with a 400 naming the field: an accepted event holding them could never be projected and would stop
 * every view behind it.
 */
class HostileInputApiTest extends ApiTestBase {

    @Test
    void text_that_cannot_be_stored_is_refused_naming_the_field_and_nothing_is_recorded() {
        String id = unique("Nul-Š");
        String registration = json(SeedProject.registration(id));

        Api.Response nul = admin.post("/api/v1/projects", registration.replace("\"name\":\"", "\"name\":\"Kohvik\\u0000"));
        assertRefused(nul, "name", "U+0000");

        Api.Response halfEmoji = admin.post("/api/v1/projects",
                registration.replace("\"beneficiary\":\"", "\"beneficiary\":\"\\ud83c puu "));
        assertRefused(halfEmoji, "beneficiary", "surrogate");

        Api.Response nested = admin.post("/api/v1/projects",
                registration.replace("\"id\":\"2025\"", "\"id\":\"20\\u000025\""));
        assertRefused(nested, "reportingPeriods[1].id", "U+0000");

        assertThat(admin.get("/api/v1/projects/" + Api.seg(id)).status()).isEqualTo(404);

        // the projections are not stuck: a project with a whole emoji and Estonian text is recorded and read back
        Api.Response ok = admin.post("/api/v1/projects",
                registration.replace("\"name\":\"", "\"name\":\"Kohvik 🌲 õäöü šž Щ "));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        Api.Response read = admin.get("/api/v1/projects/" + Api.seg(id) + "?minPosition=" + ok.position());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("name").asText()).startsWith("Kohvik 🌲 õäöü šž Щ ");
    }

    @Test
    void query_parameters_and_write_headers_beyond_what_can_be_stored_are_refused() {
        String id = unique("Hdr");
        long position = SeedProject.setUp(admin, id);
        String base = "/api/v1/projects/" + Api.seg(id);

        assertRefused(admin.get(base + "/audit-trail?type=%00"), "type", "U+0000");

        Map<String, Object> expenditure = new LinkedHashMap<>();
        expenditure.put("budgetLine", "AT1-SERVICES");
        expenditure.put("amount", "10.00");
        expenditure.put("incurredOn", "2024-07-01");
        assertRefused(admin.withHeader("Idempotency-Key", "k".repeat(256)).post(base + "/expenditures", expenditure),
                "Idempotency-Key", "longer than 255");
        assertRefused(admin.withHeader("X-Correlation-Id", "c".repeat(1000)).post(base + "/expenditures", expenditure),
                "X-Correlation-Id", "longer than 255");

        Api.Response list = admin.get(base + "/expenditures?minPosition=" + position);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().path("items")).isEmpty();

        Api.Response fine = admin.withHeader("Idempotency-Key", "k".repeat(255)).post(base + "/expenditures", expenditure);
        assertThat(fine.status()).as(fine.body()).isEqualTo(201);
    }

    @Test
    void numbers_and_dates_beyond_what_seire_records_are_refused_naming_the_field() {
        String id = unique("Bounds");
        String registration = json(SeedProject.registration(id));
        assertRefused(admin.post("/api/v1/projects", registration.replace("\"2028-07-31\"", "\"+6000000-01-01\"")),
                "eligibleTo", "between 1900-01-01 and 2999-12-31");
        long position = SeedProject.setUp(admin, id);
        String base = "/api/v1/projects/" + Api.seg(id);

        // a number of 900 digits would be stored, and then could never be read back (past 1,000 characters the
        // text bound refuses it first)
        assertRefused(admin.post(base + "/budget-lines", Map.of("code", "X1", "subActivity", "1",
                "costCategory", "SERVICES", "planned", "100." + "0".repeat(900))), "planned", "digits after");
        assertRefused(admin.post(base + "/budget-lines", Map.of("code", "X1", "subActivity", "1",
                "costCategory", "SERVICES", "planned", "1234567890123456.00")), "planned", "digits before");
        assertRefused(admin.get(base + "/budget-execution?period=2024&asOf=%2B999999-01-01T00:00:00Z"),
                "asOf", "between 1900-01-01 and 2999-12-31");

        String csv = "id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n"
                + "r1;AT1-SERVICES;10,00;01.07.3024;;OÜ Puu;A-1;Kohv\n"
                + "r2;AT1-SERVICES;1234567890123456,00;02.07.2024;;OÜ Puu;A-2;Tee\n";
        Api.Response imported = admin.postRaw(base + "/expenditures/import", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(422);
        assertThat(imported.body()).contains("between 1900-01-01 and 2999-12-31", "digits before");

        Api.Response lines = admin.get(base + "?minPosition=" + position);
        assertThat(lines.json().path("budgetLines").findValuesAsText("code")).doesNotContain("X1");
    }

    @Test
    void parameter_names_and_user_names_that_cannot_be_stored_answer_4xx_not_500() {
        Api.Response parameter = admin.get("/api/v1/projects?%00=1");
        assertThat(parameter.status()).as(parameter.body()).isEqualTo(400);
        assertThat(parameter.header("Content-Type")).startsWith("application/problem+json");

        Api nulUser = admin.anonymous().withHeader("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("ad\u0000min:whatever".getBytes(StandardCharsets.UTF_8)));
        assertThat(nulUser.get("/api/v1/projects").status()).isEqualTo(401);
    }

    @Test
    void a_csv_file_holding_a_nul_byte_is_refused_naming_its_line() {
        String id = unique("CsvNul");
        SeedProject.setUp(admin, id);
        String csv = "id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n"
                + "r1;AT1-SERVICES;10,00;01.07.2024;;OÜ Puu;A-1;Kohv\n"
                + "r2;AT1-SERVICES;12,00;02.07.2024;;OÜ Puu;A-2;Tee\u0000\n";
        Api.Response r = admin.postRaw("/api/v1/projects/" + Api.seg(id) + "/expenditures/import", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertRefused(r, "file", "Line 3");
    }

    @Test
    void requests_refused_before_they_reach_seire_still_answer_problem_json() {
        Api.Response r = admin.get("/api/v1/projects/nope%00");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(400);
        assertThat(r.json().path("detail").asText()).contains("address");
        assertThat(r.body()).doesNotContain("<html", "Tomcat");
    }

    private static void assertRefused(Api.Response r, String field, String reason) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = r.json().path("errors").findValuesAsText("field");
        assertThat(fields).as(r.body()).contains(field);
        assertThat(r.body()).contains(reason);
    }

    private static String json(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
