package io.seire.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seire.platform.web.SchemaNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document names every request and response type apart, so each endpoint shows its own schema. */
class OpenApiSchemasApiTest extends ApiTestBase {

    @Test
    void no_two_seire_classes_get_the_same_schema_name() {
        Map<String, String> names = new SchemaNames("io.seire").names();
        Map<String, List<String>> byName = new HashMap<>();
        names.forEach((cls, name) -> byName.computeIfAbsent(name, k -> new ArrayList<>()).add(cls));
        assertThat(byName).hasSizeGreaterThan(300);
        assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1).toList()).isEmpty();
        // names nobody shares stay as they were
        assertThat(byName).containsKey("WorkPlanDecisionRequest");
    }

    @Test
    void two_records_of_the_same_simple_name_are_two_schemas_each_on_its_own_endpoint() {
        JsonNode docs = admin.anonymous().get("/v3/api-docs").json();
        JsonNode schemas = docs.path("components").path("schemas");

        // an expenditure's correction and an indicator value's correction were one "CorrectionRequest" before
        String expenditure = requestSchema(docs, "/api/v1/projects/{projectId}/expenditures/{expenditureId}/corrections");
        String value = requestSchema(docs,
                "/api/v1/projects/{projectId}/indicators/{indicator}/values/{valueId}/corrections");
        assertThat(expenditure).isNotEqualTo(value);
        assertThat(schemas.path(expenditure).path("properties").has("amount")).as(expenditure).isTrue();
        assertThat(schemas.path(value).path("properties").has("value")).as(value).isTrue();
        assertThat(schemas.path(value).path("properties").has("amount")).as(value).isFalse();

        // three views called "View": budget execution's keeps its totals
        String budgetExecution = responseSchema(docs, "/api/v1/projects/{projectId}/budget-execution");
        assertThat(schemas.path(budgetExecution).path("properties").has("totals")).as(budgetExecution).isTrue();
        String progress = responseSchema(docs, "/api/v1/projects/{projectId}/activity-progress");
        assertThat(schemas.path(progress).path("properties").has("subActivities")).as(progress).isTrue();
    }

    private static String requestSchema(JsonNode docs, String path) {
        JsonNode post = docs.path("paths").path(path).path("post");
        assertThat(post.isMissingNode()).as(path).isFalse();
        return ref(post.path("requestBody").path("content").path("application/json").path("schema"), path);
    }

    private static String responseSchema(JsonNode docs, String path) {
        JsonNode get = docs.path("paths").path(path).path("get");
        assertThat(get.isMissingNode()).as(path).isFalse();
        return ref(get.path("responses").path("200").path("content").path("application/json").path("schema"), path);
    }

    private static String ref(JsonNode schema, String path) {
        String ref = schema.path("$ref").asText();
        assertThat(ref).as(path + ": " + schema).startsWith("#/components/schemas/");
        return ref.substring("#/components/schemas/".length());
    }
}
