package io.seire.tools.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.seire.ops.Registration;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import io.seire.platform.eventstore.EventTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A seeded, bounded fuzz run against a running Seire: random and mutated JSON bodies, CSV files, headers
 * ({@code Content-Type}, {@code Accept}, {@code Idempotency-Key}, {@code Authorization}) and query parameters
 * against every endpoint of its OpenAPI document. Each answer is checked: never 5xx, never later than the
 * per-request timeout, every 4xx a problem+json, and after every 4xx the event table exactly as before (same row
 * count, same highest position). At the end the log must hold no error and no projection failure, and the views
 * must have reached the last event. The same seed sends the same requests.
 */
public final class Fuzzer {

    /** Where the system runs: its base URL, the admin's password, and its database (to see what was recorded). */
    public record Target(String baseUrl, String adminPassword, JdbcTemplate jdbc) {
    }

    /** What a run found: every check that failed, in words, and how many passed. */
    public record Result(int passed, List<String> failures) {
        public String summary() {
            return passed + " passed, " + failures.size() + " failed";
        }
    }

    private static final String PROGRAMME = "Šveitsi-Eesti koostööprogramm";

    private final Target target;
    private final long seed;
    private final int requests;
    private final Duration timeout;
    private final PrintStream out;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> authorizations = new LinkedHashMap<>();
    private final List<String> reusedKeys = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private int passed;
    private long lastPosition;
    private FuzzInputs inputs;

    public Fuzzer(Target target, long seed, int requests, Duration timeout, PrintStream out) {
        this.target = target;
        this.seed = seed;
        this.requests = requests;
        this.timeout = timeout;
        this.out = out;
    }

    public Result run() throws IOException, InterruptedException {
        try (LogWatch log = new LogWatch()) {
            JsonNode document = FuzzInputs.JSON.readTree(send("GET", "/v3/api-docs", Map.of(), null).body());
            ApiDocs docs = new ApiDocs(document);
            List<ApiDocs.Endpoint> endpoints = docs.endpoints();
            if (endpoints.isEmpty()) {
                failures.add("the OpenAPI document lists no endpoint under /api/");
                return new Result(passed, failures);
            }
            Random random = new Random(seed);
            inputs = new FuzzInputs(random, docs);
            prepare();
            out.println("Fuzzing " + endpoints.size() + " endpoints with " + requests + " requests, seed " + seed);
            for (int i = 0; i < requests; i++) {
                one(i, inputs.chance(0.03) ? null : inputs.pick(endpoints));
            }
            viewsCatchUp();
            List<String> logged = log.findings();
            check(logged.isEmpty(), "the log holds " + logged.size() + " error(s) or projection failure(s): "
                    + String.join(" | ", logged.subList(0, Math.min(5, logged.size()))));
        }
        out.println("statuses: " + statuses);
        failures.stream().limit(30).forEach(f -> out.println("FAILED " + f));
        return new Result(passed, failures);
    }

    // ---------------------------------------------------------------- the world the requests act on

    private void prepare() throws IOException, InterruptedException {
        authorizations.put("admin", basic("admin", target.adminPassword()));
        String project = "Fuzz-Š." + seed;
        inputs.remember("projects", project);
        String base = "/api/v1/projects/" + FuzzInputs.encode(project).replace("+", "%20");
        setUp("POST", "/api/v1/projects", Registration.of(project, "Fuzz project õäöü"));
        for (String p : List.of("2024", "2025", "2026", "2027", "2028")) {
            inputs.remember("periods", p);
        }
        for (String s : List.of("1", "2")) {
            setUp("POST", base + "/sub-activities", Map.of("code", s, "name", "Alategevus " + s));
            inputs.remember("sub-activities", s);
        }
        setUp("POST", base + "/budget-lines", Map.of("code", "L1", "subActivity", "1", "costCategory", "SERVICES",
                "planned", "100000.00"));
        setUp("POST", base + "/budget-lines", Map.of("code", "L2", "subActivity", "2", "costCategory", "STAFF",
                "planned", "200000.00"));
        setUp("POST", base + "/budget-lines", Map.of("code", "L3", "subActivity", "2", "costCategory", "INDIRECT",
                "flatRate", Map.of("percent", "15", "ofCostCategory", "STAFF")));
        List.of("L1", "L2", "L3").forEach(l -> inputs.remember("budget-lines", l));
        setUp("POST", base + "/indicators", Map.of("code", "O1", "name", "Nõustatud", "unit", "org", "kind", "OUTPUT",
                "measure", "NUMBER", "aggregation", "SUM", "ascending", true, "baseline", "0", "target", "100",
                "milestones", List.of(Map.of("date", "2025-12-31", "value", "20"))));
        setUp("POST", base + "/indicators", Map.of("code", "T1", "name", "Tegevuskava", "unit", "dokument",
                "kind", "OUTPUT", "measure", "TEXT", "aggregation", "LATEST"));
        List.of("O1", "T1").forEach(c -> inputs.remember("indicators", c));
        setUp("POST", base + "/positions", Map.of("code", "POS", "title", "Koordinaator", "subActivities", List.of("1"),
                "openedOn", "2024-06-01"));
        inputs.remember("positions", "POS");
        setUp("POST", base + "/positions/POS/hires", Map.of("staffId", "S1", "name", "Maris Praats",
                "startDate", "2024-07-01", "workloadPercent", "100"));
        inputs.remember("staff", "S1");
        setUp("POST", base + "/expenditures", Map.of("id", "E1", "budgetLine", "L1", "amount", "10.00",
                "incurredOn", "2025-02-01", "supplier", "OÜ Puu", "invoice", "A-1"));
        inputs.remember("expenditures", "E1");
        setUp("POST", base + "/indicators/O1/values", Map.of("id", "V1", "period", "2025", "value", "1"));
        inputs.remember("values", "V1");
        setUp("POST", base + "/reports", Map.of("id", "R1", "period", "2028", "kind", "FINAL", "assessment", "Hinnang"));
        inputs.remember("reports", "R1");
        for (String role : List.of("FINANCE", "MANAGER", "LIAISON")) {
            String name = "fz-" + role.toLowerCase(java.util.Locale.ROOT) + "-" + seed;
            setUp("POST", "/api/v1/users", Map.of("username", name, "password", "Parool-123-fuzz",
                    "roles", List.of(role), "projects", role.equals("LIAISON") ? List.of() : List.of(project),
                    "programmes", role.equals("LIAISON") ? List.of(PROGRAMME) : List.of()));
            authorizations.put(role, basic(name, "Parool-123-fuzz"));
        }
        for (int i = 0; i < 3; i++) {
            reusedKeys.add("reused-" + seed + "-" + i);
        }
    }

    private void setUp(String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = send(method, path, Map.of("Authorization", authorizations.get("admin"),
                "Content-Type", "application/json"), FuzzInputs.JSON.writeValueAsBytes(body));
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("Setting up the fuzz run failed: " + method + " " + path + " answered "
                    + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        lastPosition = Math.max(lastPosition, json(r.body()).path("position").asLong());
    }

    // ---------------------------------------------------------------- one request

    private void one(int index, ApiDocs.Endpoint endpoint) throws InterruptedException {
        String method;
        String path;
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = null;
        if (endpoint == null) {
            method = inputs.pick(List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"));
            path = inputs.pick(List.of("/api/v1/nope", "/api/v1/projects/x/nope/y", "/nope", "/api", "/api/v1/",
                    "/api/v1/projects/" + inputs.fresh("p") + "/expenditures/x/y/z", "/actuator/env", "/error"));
        } else {
            method = inputs.chance(0.02) ? inputs.pick(List.of("PUT", "DELETE", "PATCH")) : endpoint.method();
            path = inputs.path(endpoint.path()) + inputs.query(endpoint, lastPosition, head());
            String contentType = inputs.contentType(endpoint);
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            if (endpoint.hasBody()) {
                body = endpoint.consumes().stream().anyMatch(c -> c.contains("csv")) ? inputs.csv() : jsonBody(endpoint);
            } else if (inputs.chance(0.03)) {
                body = "{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8);
            }
        }
        String accept = inputs.accept();
        if (accept != null) {
            headers.put("Accept", accept);
        }
        String authorization = authorization();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (method.equals("POST")) {
            String key = inputs.idempotencyKey(reusedKeys);
            if (key != null) {
                headers.put("Idempotency-Key", key);
            }
        }
        long[] before = events();
        String what = "#" + index + " " + method + " " + path + " " + headers.keySet().stream()
                .filter(h -> !h.equals("Authorization")).map(h -> h + ": " + headers.get(h)).toList();
        HttpResponse<byte[]> response;
        try {
            response = send(method, path, headers, body);
        } catch (HttpTimeoutException e) {
            check(false, what + " got no answer within " + timeout.toSeconds() + " s");
            return;
        } catch (IllegalArgumentException e) {
            return; // a header or address the client library itself refuses to send: not a request
        } catch (IOException e) {
            check(false, what + " failed: " + e);
            return;
        }
        int status = response.statusCode();
        statuses.merge(String.valueOf(status), 1, Integer::sum);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        String shown = text.length() > 300 ? text.substring(0, 300) + "…" : text;
        if (status >= 500) {
            check(false, what + " answered " + status + ": " + shown);
            return;
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean problem = type.startsWith("application/problem+json") && json(response.body()).path("status").asInt() == status;
            boolean unchanged = java.util.Arrays.equals(before, events());
            check(problem && unchanged, what + " answered " + status + (problem ? "" : " without a problem+json body")
                    + (unchanged ? "" : " but the event table changed from " + java.util.Arrays.toString(before)
                    + " to " + java.util.Arrays.toString(events())) + ": " + shown);
            return;
        }
        passed++;
        if (method.equals("POST") && status <= 201) {
            JsonNode answer = json(response.body());
            lastPosition = Math.max(lastPosition, answer.path("position").asLong());
            if (endpoint != null && answer.hasNonNull("id")) {
                String[] segments = endpoint.path().split("/");
                inputs.remember(segments[segments.length - 1].equals("hires") ? "staff" : segments[segments.length - 1],
                        answer.get("id").asText());
            }
        }
    }

    private byte[] jsonBody(ApiDocs.Endpoint endpoint) {
        JsonNode body = endpoint.bodySchema() == null ? FuzzInputs.JSON.createObjectNode()
                : inputs.body(endpoint.bodySchema(), "", 0);
        if (inputs.chance(0.4)) {
            inputs.mutate(body);
        }
        String text = body.toString();
        return inputs.chance(0.15) ? inputs.breakText(text) : text.getBytes(StandardCharsets.UTF_8);
    }

    private String authorization() {
        double p = inputs.nextInt(100) / 100.0;
        if (p < 0.75) {
            return authorizations.get("admin");
        }
        if (p < 0.88) {
            return authorizations.get(inputs.pick(List.of("FINANCE", "MANAGER", "LIAISON")));
        }
        if (p < 0.92) {
            return null;
        }
        return inputs.pick(List.of(basic("fz-nobody-" + seed, "wrong-password"), "Basic !!!",
                "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
                "Bearer not.a.token", "Bearer ", "Digest x", basic("admin\u0000", "x")));
    }

    // ---------------------------------------------------------------- the checks at the end

    private void viewsCatchUp() throws InterruptedException {
        long head = head();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            try {
                status = send("GET", "/api/v1/projects?minPosition=" + head,
                        Map.of("Authorization", authorizations.get("admin")), null).statusCode();
            } catch (IOException e) {
                status = -1;
            }
            if (status == 200) {
                break;
            }
        }
        check(status == 200, "the views did not reach the last event (" + head + "): GET /api/v1/projects?minPosition="
                + head + " answered " + status);
    }

    private void check(boolean ok, String failure) {
        if (ok) {
            passed++;
        } else {
            failures.add(failure);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private long head() {
        return new EventTable(target.jdbc()).head();
    }

    private long[] events() {
        EventTable.Extent extent = new EventTable(target.jdbc()).extent();
        return new long[] {extent.events(), extent.head()};
    }

    private HttpResponse<byte[]> send(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.baseUrl() + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::setHeader);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(byte[] body) {
        try {
            return body.length == 0 ? MissingNode.getInstance() : FuzzInputs.JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
