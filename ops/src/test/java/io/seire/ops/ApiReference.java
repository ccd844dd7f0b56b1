package io.seire.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes docs/API.md from the OpenAPI document: the operations by tag, each with its parameters, request body,
 * answers and problems, then every schema with its fields. Everything is sorted, so the same document gives the same
 * text.
 */
final class ApiReference {

    static final String REFRESH = "mvn -B -pl ops -am verify -Dtest=ApiContractTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false, then cp ops/target/API.md docs/API.md";

    private ApiReference() {
    }

    static String render(JsonNode docs) {
        StringBuilder md = new StringBuilder();
        md.append("# Seire HTTP API reference\n\n")
                .append("<!-- Generated from /v3/api-docs by ApiContractTest; do not edit by hand. To refresh: ")
                .append(REFRESH).append(" -->\n\n")
                .append("Every endpoint of `/api/v1` with its parameters, request body, answers and refusals, and every "
                        + "schema with its fields, as the running system publishes them at `/v3/api-docs` (OpenAPI 3, "
                        + "browsable at `/swagger-ui.html`). The conventions that hold everywhere:\n\n")
                .append("- JSON in UTF-8; dates `YYYY-MM-DD`, instants ISO-8601 UTC. Money, percentages and indicator "
                        + "numbers are decimal strings (`\"1234.56\"`).\n")
                .append("- A write answers `201` (something created) or `200` with the position of its last event "
                        + "(`position`); any `GET` with `minPosition=<position>` then reflects the write. Views also "
                        + "take `asOf=<instant>`.\n")
                .append("- Writes accept an `Idempotency-Key` header: the same key and body again answers the first "
                        + "answer and records nothing; the same key with another body answers `422`.\n")
                .append("- Refusals are RFC 9457 `application/problem+json` ([Problem](#problem)); a `400` names "
                        + "every wrong field in `errors`. A bad request never records anything.\n")
                .append("- Sign in with HTTP Basic, or a bearer token when an issuer is configured.\n\n");

        Map<String, List<String[]>> byTag = new TreeMap<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String tag = op.getValue().path("tags").path(0).asText("Other");
            byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(new String[]{path.getKey(), op.getKey()});
        }));
        md.append("## Endpoints\n\n");
        byTag.forEach((tag, ops) -> {
            md.append("### ").append(tag).append("\n\n");
            ops.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
            for (String[] o : ops) {
                JsonNode op = docs.path("paths").path(o[0]).path(o[1]);
                operation(md, o[1].toUpperCase(Locale.ROOT), o[0], op);
            }
        });

        md.append("## Schemas\n\n");
        Map<String, JsonNode> schemas = new TreeMap<>();
        docs.path("components").path("schemas").fields().forEachRemaining(e -> schemas.put(e.getKey(), e.getValue()));
        schemas.forEach((name, schema) -> schema(md, name, schema));
        return md.toString();
    }

    private static void operation(StringBuilder md, String method, String path, JsonNode op) {
        md.append("#### `").append(method).append(' ').append(path).append("`\n\n");
        if (op.hasNonNull("summary")) {
            md.append(op.get("summary").asText()).append("\n\n");
        }
        if (op.path("parameters").size() > 0) {
            md.append("| parameter | in | required | type | description |\n|---|---|---|---|---|\n");
            List<JsonNode> parameters = new ArrayList<>();
            op.path("parameters").forEach(parameters::add);
            // path parameters in the order of the path, then the others by name: the same whatever the merge order
            parameters.sort(java.util.Comparator.comparingInt((JsonNode p) -> p.path("in").asText().equals("path") ? 0 : 1)
                    .thenComparing(p -> p.path("in").asText().equals("path") ? "" : p.path("in").asText()
                            + " " + p.path("name").asText()));
            for (JsonNode p : parameters) {
                md.append("| `").append(p.path("name").asText()).append("` | ").append(p.path("in").asText())
                        .append(" | ").append(p.path("required").asBoolean() ? "yes" : "no").append(" | ")
                        .append(type(p.path("schema"))).append(" | ").append(cell(p.path("description").asText("")))
                        .append(" |\n");
            }
            md.append('\n');
        }
        JsonNode body = op.path("requestBody");
        if (!body.isMissingNode()) {
            md.append("Request body").append(body.path("required").asBoolean() ? " (required)" : "").append(": ");
            md.append(media(body.path("content"))).append("\n\n");
        }
        md.append("| answer | description | body |\n|---|---|---|\n");
        Map<String, JsonNode> responses = new TreeMap<>();
        op.path("responses").fields().forEachRemaining(e -> responses.put(e.getKey(), e.getValue()));
        responses.forEach((status, r) -> md.append("| ").append(status).append(" | ")
                .append(cell(r.path("description").asText(""))).append(" | ").append(media(r.path("content")))
                .append(" |\n"));
        md.append('\n');
    }

    private static String media(JsonNode content) {
        List<String> parts = new ArrayList<>();
        content.fields().forEachRemaining(e -> parts.add("`" + e.getKey() + "` " + type(e.getValue().path("schema"))));
        parts.sort(null);
        return parts.isEmpty() ? "–" : String.join("; ", parts);
    }

    private static void schema(StringBuilder md, String name, JsonNode schema) {
        md.append("### ").append(name).append("\n\n");
        if (schema.hasNonNull("description")) {
            md.append(schema.get("description").asText()).append("\n\n");
        }
        if (schema.has("enum")) {
            md.append("One of ").append(values(schema.get("enum"))).append(".\n\n");
        }
        JsonNode properties = schema.path("properties");
        if (properties.size() > 0) {
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            md.append("| field | type | required | description |\n|---|---|---|---|\n");
            properties.fields().forEachRemaining(p -> md.append("| `").append(p.getKey()).append("` | ")
                    .append(type(p.getValue())).append(" | ").append(required.contains(p.getKey()) ? "yes" : "")
                    .append(" | ").append(notes(p.getValue())).append(" |\n"));
            md.append('\n');
        }
    }

    private static String notes(JsonNode property) {
        List<String> notes = new ArrayList<>();
        if (property.hasNonNull("description")) {
            notes.add(property.get("description").asText());
        }
        if (property.hasNonNull("pattern")) {
            notes.add("pattern `" + property.get("pattern").asText() + "`");
        }
        if (property.hasNonNull("example")) {
            notes.add("e.g. `" + property.get("example").asText() + "`");
        }
        return cell(String.join("; ", notes));
    }

    static String type(JsonNode schema) {
        if (schema.hasNonNull("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return "[" + name + "](#" + name.toLowerCase(Locale.ROOT) + ")";
        }
        if (schema.has("oneOf")) {
            java.util.TreeSet<String> types = new java.util.TreeSet<>();
            schema.get("oneOf").forEach(s -> types.add(type(s)));
            return "one of " + String.join(", ", types);
        }
        String type = schema.path("type").asText("");
        if (type.equals("array")) {
            return "list of " + type(schema.path("items"));
        }
        if (schema.has("enum")) {
            return values(schema.get("enum"));
        }
        if (type.equals("object") && schema.has("additionalProperties")) {
            return "map of " + type(schema.get("additionalProperties"));
        }
        String format = schema.path("format").asText("");
        return type.isEmpty() ? "any" : format.isEmpty() ? type : type + " (" + format + ")";
    }

    private static String values(JsonNode values) {
        List<String> all = new ArrayList<>();
        for (Iterator<JsonNode> it = values.elements(); it.hasNext(); ) {
            all.add("`" + it.next().asText() + "`");
        }
        return String.join(" \\| ", all);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
