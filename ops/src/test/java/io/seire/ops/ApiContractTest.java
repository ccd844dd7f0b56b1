package io.seire.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is a contract a client generator can use: every endpoint names the schema of what it takes
 * and answers, and the problems it can answer; docs/API.md is that document, kept up to date.
 */
class ApiContractTest extends ApiTestBase {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final Set<String> FILES = Set.of("text/csv", "application/csv", "application/pdf",
            "application/xml", "application/x-ndjson", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @Test
    void every_endpoint_has_typed_request_and_response_schemas_and_documents_its_problems() {
        JsonNode docs = admin.anonymous().get("/v3/api-docs").json();
        JsonNode schemas = docs.path("components").path("schemas");
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (var path = docs.path("paths").fields(); path.hasNext(); ) {
            var p = path.next();
            if (!p.getKey().startsWith("/api/v1/")) {
                wrong.add(p.getKey() + ": not part of the API, yet in its document");
            }
            for (var op = p.getValue().fields(); op.hasNext(); ) {
                var o = op.next();
                operations++;
                String where = o.getKey().toUpperCase() + " " + p.getKey();
                checkAnswers(where, o.getKey(), o.getValue().path("responses"), schemas, wrong);
                if (o.getKey().equals("post")) {
                    checkRequest(where, o.getValue().path("requestBody"), schemas, wrong);
                }
            }
        }
        assertThat(operations).as("operations in the document").isGreaterThan(60);
        assertThat(wrong).as("what the document leaves untyped or undocumented").isEmpty();
    }

    @Test
    void a_write_answer_and_a_problem_are_described_field_by_field() {
        JsonNode docs = admin.anonymous().get("/v3/api-docs").json();
        JsonNode schemas = docs.path("components").path("schemas");
        JsonNode record = docs.path("paths").path("/api/v1/projects/{projectId}/expenditures").path("post");
        JsonNode created = record.path("responses").path("201").path("content").path("application/json").path("schema");
        assertThat(created.path("$ref").asText()).isEqualTo(SCHEMAS + "Written");
        assertThat(schemas.path("Written").path("properties").path("position").path("type").asText())
                .isEqualTo("integer");
        JsonNode imported = docs.path("paths").path("/api/v1/projects/{projectId}/expenditures/import").path("post")
                .path("responses").path("201").path("content").path("application/json").path("schema");
        String importAnswer = imported.path("$ref").asText().substring(SCHEMAS.length());
        assertThat(schemas.path(importAnswer).path("properties").fieldNames()).toIterable()
                .containsExactly("imported", "unchanged", "position");
        assertThat(schemas.path("Problem").path("properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "errors");
        assertThat(record.path("responses").path("400").path("content").path("application/problem+json")
                .path("schema").path("$ref").asText()).isEqualTo(SCHEMAS + "Problem");
    }

    @Test
    void docs_api_md_is_the_openapi_document() throws IOException {
        JsonNode docs = admin.anonymous().get("/v3/api-docs").json();
        String generated = ApiReference.render(docs);
        Files.writeString(Path.of("target", "API.md"), generated, StandardCharsets.UTF_8);
        Path committed = Path.of("..", "docs", "API.md");
        String current = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        assertThat(current).as("docs/API.md is out of date with /v3/api-docs; refresh it: " + ApiReference.REFRESH)
                .isEqualTo(generated);
    }

    private static void checkAnswers(String where, String method, JsonNode responses, JsonNode schemas,
                                     List<String> wrong) {
        boolean success = false;
        for (var r = responses.fields(); r.hasNext(); ) {
            var answer = r.next();
            if (answer.getKey().startsWith("2")) {
                success = true;
                JsonNode content = answer.getValue().path("content");
                if (content.size() == 0) {
                    wrong.add(where + " " + answer.getKey() + ": no body described");
                }
                content.fields().forEachRemaining(m -> checkMedia(where + " " + answer.getKey() + " " + m.getKey(),
                        m.getKey(), m.getValue().path("schema"), schemas, wrong));
            }
        }
        if (!success) {
            wrong.add(where + ": no successful answer described");
        }
        List<String> problems = new ArrayList<>(List.of("400", "401", "403", "404"));
        problems.addAll(method.equals("get") ? List.of("503") : List.of("409", "413", "422"));
        for (String status : problems) {
            JsonNode problem = responses.path(status).path("content").path("application/problem+json").path("schema");
            if (!problem.path("$ref").asText().equals(SCHEMAS + "Problem")) {
                wrong.add(where + " " + status + ": not documented as application/problem+json Problem");
            }
        }
    }

    private static void checkRequest(String where, JsonNode body, JsonNode schemas, List<String> wrong) {
        if (body.isMissingNode() || body.path("content").size() == 0) {
            wrong.add(where + ": no request body described");
            return;
        }
        body.path("content").fields().forEachRemaining(m -> checkMedia(where + " request " + m.getKey(), m.getKey(),
                m.getValue().path("schema"), schemas, wrong));
    }

    private static void checkMedia(String where, String type, JsonNode schema, JsonNode schemas, List<String> wrong) {
        if (FILES.contains(type)) {
            if (!schema.path("type").asText().equals("string")) {
                wrong.add(where + ": a file, yet described as " + schema);
            }
        } else if (type.equals("application/json")) {
            if (!typed(schema, schemas)) {
                wrong.add(where + ": not a typed schema: " + schema);
            }
        } else {
            wrong.add(where + ": an unexpected media type");
        }
    }

    /** A reference to a schema with fields, a list of such, or one of several such. */
    private static boolean typed(JsonNode schema, JsonNode schemas) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring(SCHEMAS.length());
            JsonNode target = schemas.path(name);
            return target.path("properties").size() > 0;
        }
        if (schema.path("type").asText().equals("array")) {
            return typed(schema.path("items"), schemas);
        }
        if (schema.has("oneOf")) {
            for (JsonNode one : schema.get("oneOf")) {
                if (!typed(one, schemas)) {
                    return false;
                }
            }
            return schema.get("oneOf").size() > 0;
        }
        return false;
    }
}
