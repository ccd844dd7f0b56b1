package io.seire.tools.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random and mutated request parts for the fuzz run: path ids, query parameters, headers, JSON bodies built from the
 * endpoint's schema and then broken, and CSV files. Everything comes from one seeded {@link Random}, so a run can be
 * repeated exactly.
 */
final class FuzzInputs {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What exists in the system, by kind ("expenditures", "positions", …), so that most requests name real things. */
    final Map<String, List<String>> known = new LinkedHashMap<>();
    private final Random random;
    private final ApiDocs docs;
    private int counter;

    FuzzInputs(Random random, ApiDocs docs) {
        this.random = random;
        this.docs = docs;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    void remember(String kind, String id) {
        List<String> ids = known.computeIfAbsent(kind, k -> new ArrayList<>());
        if (!ids.contains(id)) {
            ids.add(id);
        }
    }

    String fresh(String prefix) {
        return prefix + "-" + (++counter);
    }

    // ---------------------------------------------------------------- paths

    /** The path with each {variable} filled, mostly with something that exists, percent-encoded. */
    String path(String template) {
        StringBuilder out = new StringBuilder();
        String[] segments = template.split("/");
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (i > 0) {
                out.append('/');
            }
            if (s.startsWith("{") && s.endsWith("}")) {
                out.append(segment(i > 0 ? segments[i - 1] : ""));
            } else {
                out.append(s);
            }
        }
        return out.toString();
    }

    private String segment(String kind) {
        if (chance(0.04)) {
            return pick(List.of("%zz", "..", "%2e%2e", "%252F", "a%2Fb", "%C3%28", "x".repeat(300)));
        }
        String id;
        List<String> ids = known.getOrDefault(kind, List.of());
        if (!ids.isEmpty() && chance(0.85)) {
            id = pick(ids);
        } else {
            id = pick(List.of(fresh("nope"), "Šveits.1.01.25-0006", "🌲", " spaced ", "a;b", "0", "-1", "?x=1"));
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---------------------------------------------------------------- query

    String query(ApiDocs.Endpoint endpoint, long lastPosition, long head) {
        List<String> parts = new ArrayList<>();
        for (ApiDocs.Parameter p : endpoint.query()) {
            if (p.name().equals("minPosition")) {
                if (chance(0.35)) {
                    parts.add("minPosition=" + pick(List.of("0", String.valueOf(lastPosition),
                            String.valueOf(Math.max(0, lastPosition - 5)), String.valueOf(head + 1 + nextInt(1000)),
                            "-1", "abc", "99999999999999999999", "1.5", "")));
                }
                continue;
            }
            if (p.required() ? chance(0.95) : chance(0.4)) {
                parts.add(p.name() + "=" + encode(queryValue(p)));
            }
        }
        if (chance(0.05)) {
            parts.add(pick(List.of("unknown=1", "asOf=" + encode("2024-01-01T00:00:00Z"), "%00=1", "a=%00",
                    "page=-1", "size=100000", "size=0", "period=" + encode("x".repeat(2000)), "asOf=abc")));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private String queryValue(ApiDocs.Parameter p) {
        if (chance(0.1)) {
            return hostileScalar();
        }
        String name = p.name();
        if ("date".equals(p.format()) || name.equals("on")) {
            return date();
        }
        return switch (name) {
            case "period" -> pick(known.getOrDefault("periods", List.of("2024")));
            case "budgetLine" -> pick(known.getOrDefault("budget-lines", List.of("L1")));
            case "page" -> String.valueOf(pick(List.of(0, 0, 1, 5)));
            case "size" -> String.valueOf(pick(List.of(1, 10, 50, 1000)));
            case "from", "to" -> chance(0.5) ? date() : instant();
            case "asOf" -> instant();
            case "type" -> pick(List.of("ExpenditureRecorded", "ProjectRegistered", "x"));
            case "actor" -> pick(List.of("admin", "nobody"));
            default -> "integer".equals(p.type()) ? String.valueOf(nextInt(100)) : text(8);
        };
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- scalars

    String date() {
        if (chance(0.1)) {
            return pick(List.of("1899-12-31", "3000-01-01", "2024-02-30", "2024-07-01T00:00:00Z", "2024-7-1",
                    "+10000-01-01", "01.07.2024", ""));
        }
        return LocalDate.of(2024, 6, 1).plusDays(nextInt(700)).toString();
    }

    String instant() {
        if (chance(0.15)) {
            return pick(List.of("abc", "2024-01-01", "+999999-01-01T00:00:00Z", "2024-01-01T25:00:00Z", "0", ""));
        }
        return java.time.Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextLong(200_000_000L)).toString();
    }

    String decimal() {
        if (chance(0.1)) {
            return pick(List.of("-1", "0", "1e5", "1,00", "NaN", "0.00000000001", "1" + "0".repeat(20), "1.005", " 1"));
        }
        return pick(List.of("10.00", "1", "0.50", "123.45", "50", "100", "15"));
    }

    String text(int length) {
        String alphabet = "abcõäöüšžŠ Kohvik-123.,;:\"'<>&\\/🌲Щ";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = alphabet.codePointAt(alphabet.offsetByCodePoints(0, nextInt(alphabet.codePointCount(0, alphabet.length()))));
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    String hostileScalar() {
        return pick(List.of("", " ", "\u0000", "x\u0000y", "\ud83c", "'; DROP TABLE domainevententry; --",
                "${jndi:ldap://x}", "{{7*7}}", "=cmd|' /C calc'!A0", "x".repeat(1_001), "õ".repeat(10_001),
                "\r\nX-Injected: 1", "../../etc/passwd", "null", "true", "-0", "1e309"));
    }

    // ---------------------------------------------------------------- JSON bodies

    /** A body that fits the endpoint's schema, with values of the right kind (mostly). */
    JsonNode body(JsonNode schema, String kind, int depth) {
        schema = docs.resolve(schema);
        String type = schema.path("type").asText("object");
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asText()));
            return NODES.textNode(pick(values));
        }
        switch (type) {
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int n = depth > 3 ? 0 : nextInt(3) + (kind.equals("reportingPeriods") ? 1 : 0);
                for (int i = 0; i < n; i++) {
                    array.add(body(schema.path("items"), kind, depth + 1));
                }
                return array;
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            case "integer", "number" -> {
                return NODES.numberNode(nextInt(1000));
            }
            case "string" -> {
                return NODES.textNode(string(kind, schema.path("format").asText("")));
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (depth <= 3 && chance(0.9)) {
                        object.set(property.getKey(), body(property.getValue(), property.getKey(), depth + 1));
                    }
                }
                return object;
            }
        }
    }

    private String string(String field, String format) {
        if ("date".equals(format)) {
            return date();
        }
        return switch (field) {
            case "id", "code", "staffId" -> chance(0.3) && known.containsKey("ids") ? pick(known.get("ids")) : fresh("fz");
            case "budgetLine" -> pick(known.getOrDefault("budget-lines", List.of("L1")));
            case "subActivity", "subActivities" -> pick(known.getOrDefault("sub-activities", List.of("1")));
            case "period" -> pick(known.getOrDefault("periods", List.of("2024")));
            case "costCategory" -> pick(List.of("SERVICES", "STAFF", "TRAVEL", "INDIRECT"));
            case "ofCostCategory" -> "STAFF";
            case "currency" -> pick(List.of("EUR", "EUR", "CHF", "XXX", "eur"));
            case "amount", "planned", "baseline", "target", "percent", "flexibilityPercent", "workloadPercent", "value" ->
                    decimal();
            case "corrects" -> pick(known.getOrDefault("expenditures", List.of("E1")));
            case "username" -> fresh("fz-user");
            case "password" -> "Parool-123-" + fresh("p");
            case "projects" -> pick(known.getOrDefault("projects", List.of("x")));
            case "programmes", "programme" -> "Šveitsi-Eesti koostööprogramm";
            case "reference", "invoice" -> fresh("A");
            default -> text(1 + nextInt(30));
        };
    }

    /** One to three changes a careless or hostile client might make to a good body. */
    void mutate(JsonNode body) {
        if (!(body instanceof ObjectNode object) || object.isEmpty()) {
            return;
        }
        int changes = 1 + nextInt(3);
        for (int i = 0; i < changes; i++) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            if (fields.isEmpty()) {
                return;
            }
            String field = pick(fields);
            switch (nextInt(8)) {
                case 0 -> object.remove(field);
                case 1 -> object.putNull(field);
                case 2 -> object.put(field, pick(List.of(-1, 0, Integer.MAX_VALUE)));
                case 3 -> object.put(field, hostileScalar());
                case 4 -> object.set(field, pick(List.of(NODES.arrayNode(), NODES.objectNode(), NODES.booleanNode(true),
                        NODES.numberNode(new java.math.BigDecimal("1e400")))));
                case 5 -> object.put("unknownField", text(5));
                case 6 -> object.put(field, pick(List.of("2024-07-01T00:00:00Z", "2024-13-45", "1e5", "-10.00",
                        "1.123456789012", "99999999999999999")));
                default -> {
                    JsonNode inner = object.get(field);
                    if (inner != null && inner.isArray() && !inner.isEmpty()) {
                        mutate(inner.get(0));
                    } else if (inner != null && inner.isObject()) {
                        mutate(inner);
                    } else {
                        object.put(field, text(1 + nextInt(10)));
                    }
                }
            }
        }
    }

    /** Breaks the text of a body: a field twice, cut short, wrong bytes, too deep, or nothing at all. */
    byte[] breakText(String json) {
        return switch (nextInt(9)) {
            case 0 -> (json.length() > 2 ? json.substring(0, nextInt(json.length())) : "").getBytes(StandardCharsets.UTF_8);
            case 1 -> json.replaceFirst("\\{\"(\\w+)\":", "{\"$1\":\"dup\",\"$1\":").getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[0];
            case 3 -> (json + " trailing").getBytes(StandardCharsets.UTF_8);
            case 4 -> ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
            case 5 -> {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length + 2);
                broken[bytes.length] = (byte) 0xC3;
                broken[bytes.length + 1] = (byte) 0x28;
                yield broken;
            }
            case 6 -> ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            case 7 -> pick(List.of("null", "[]", "\"text\"", "42", "{", "{}", "{\"a\":\"\\ud800\"}"))
                    .getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] bytes = new byte[1 + nextInt(200)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
    }

    // ---------------------------------------------------------------- CSV files

    byte[] csv() {
        String delimiter = chance(0.5) ? ";" : ",";
        List<String> header = new ArrayList<>(List.of("id", "budgetLine", "amount", "incurredOn", "paidOn", "supplier",
                "invoice", "description"));
        if (chance(0.1)) {
            header.remove(nextInt(header.size()));
        }
        if (chance(0.05)) {
            header.add("unknown");
        }
        StringBuilder sb = new StringBuilder(chance(0.05) ? "\uFEFF" : "");
        sb.append(String.join(delimiter, header)).append(chance(0.2) ? "\r\n" : "\n");
        int rows = 1 + nextInt(5);
        for (int r = 0; r < rows; r++) {
            List<String> cells = new ArrayList<>();
            for (String column : header) {
                cells.add(cell(column, delimiter));
            }
            if (chance(0.05)) {
                cells.remove(cells.size() - 1);
            }
            sb.append(String.join(delimiter, cells)).append('\n');
        }
        if (chance(0.05)) {
            sb.append("\"unterminated").append(delimiter).append("x\n");
        }
        return sb.toString().getBytes(chance(0.03) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private String cell(String column, String delimiter) {
        if (chance(0.05)) {
            return pick(List.of("", "\"a\"\"b\"", "\"line\nbreak\"", "\"x" + delimiter + "y\"", "\u0000",
                    "=SUM(A1)", "x".repeat(1_001), "\""));
        }
        return switch (column) {
            case "id" -> fresh("csv");
            case "budgetLine" -> pick(known.getOrDefault("budget-lines", List.of("L1")));
            case "amount" -> delimiter.equals(";") ? pick(List.of("10,00", "1 234,56", "12,5", "abc", "-5,00"))
                    : pick(List.of("10.00", "1234.56", "12.5", "abc", "1e5"));
            case "incurredOn", "paidOn" -> pick(List.of("01.07.2024", "2024-07-01", "31.02.2024", "3024-01-01",
                    "15.08.2024", ""));
            default -> text(1 + nextInt(20)).replace(delimiter, " ").replace("\"", "'");
        };
    }

    // ---------------------------------------------------------------- headers

    String contentType(ApiDocs.Endpoint endpoint) {
        if (chance(0.85) && endpoint.hasBody()) {
            return pick(endpoint.consumes());
        }
        if (!endpoint.hasBody() && chance(0.9)) {
            return null;
        }
        return pick(List.of("*/*", "text/*", "multipart/form-data", "multipart/form-data; boundary=zz",
                "application/x-www-form-urlencoded", "text/plain", "application/xml", "json",
                "application/json; charset=latin1", "application/json; charset=no-such", "application/json;;",
                "text/csv", "application/json", "application/problem+json"));
    }

    String accept() {
        if (chance(0.7)) {
            return null;
        }
        return pick(List.of("application/json", "*/*", "text/csv", "application/x-ndjson", "application/problem+json",
                "image/png", "text/html", "x;;;==", "application", "text/csv;q=abc",
                "application/json;q=0.5, text/csv", "application/*"));
    }

    String idempotencyKey(List<String> reused) {
        double p = random.nextDouble();
        if (p < 0.6) {
            return null;
        }
        if (p < 0.85) {
            return fresh("key");
        }
        if (p < 0.95) {
            return pick(reused);
        }
        return pick(List.of("k".repeat(300), " ", "ключ-🌲", "k".repeat(255)));
    }
}
