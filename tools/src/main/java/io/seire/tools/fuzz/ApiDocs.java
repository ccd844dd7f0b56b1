package io.seire.tools.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The endpoints the running system publishes in its OpenAPI document ({@code /v3/api-docs}), so that a new endpoint
 * is fuzzed without anyone adding it here.
 */
final class ApiDocs {

    /** One query parameter: its name and the schema's type and format (either may be null). */
    record Parameter(String name, String type, String format, boolean required) {
    }

    /** One method on one path, with its query parameters, the media types its body may have and the body's schema. */
    record Endpoint(String method, String path, List<Parameter> query, List<String> consumes, JsonNode bodySchema) {
        boolean hasBody() {
            return !consumes.isEmpty();
        }
    }

    private final JsonNode document;

    ApiDocs(JsonNode document) {
        this.document = document;
    }

    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                List<Parameter> query = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    if ("query".equals(p.path("in").asText())) {
                        JsonNode schema = resolve(p.path("schema"));
                        query.add(new Parameter(p.path("name").asText(), text(schema, "type"), text(schema, "format"),
                                p.path("required").asBoolean(false)));
                    }
                }
                List<String> consumes = new ArrayList<>();
                JsonNode body = null;
                for (Iterator<Map.Entry<String, JsonNode>> content = op.getValue().path("requestBody").path("content")
                        .fields(); content.hasNext(); ) {
                    Map.Entry<String, JsonNode> media = content.next();
                    consumes.add(media.getKey());
                    body = body == null ? resolve(media.getValue().path("schema")) : body;
                }
                endpoints.add(new Endpoint(method, path.getKey(), query, consumes, body));
            }
        }
        return endpoints;
    }

    /** The schema itself, following a {@code $ref} into the components. */
    JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null || !ref.startsWith("#/components/schemas/")) {
            return schema;
        }
        return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
