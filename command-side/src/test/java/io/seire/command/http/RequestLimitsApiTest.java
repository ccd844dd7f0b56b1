package io.seire.command.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.platform.testing.Api;
import io.seire.platform.testing.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may write is decided from the path and the signed-in user before the body is read, and bodies have a cap
 * (10 MB for JSON, 50 MB for a CSV file by default): a large body cannot cost the server anything before it knows
 * the sender may send it, and never more than the cap after.
 */
class RequestLimitsApiTest extends CommandApiTestBase {

    private static final long MAX_BODY = 10L * 1024 * 1024;
    private static final long MAX_IMPORT = 50L * 1024 * 1024;
    /** Far above both caps: a server that read it before answering would still be reading when the test gives up. */
    private static final long HUGE = 200L * 1024 * 1024;

    private String project;
    private String base;
    private long recorded;

    @BeforeEach
    void project() {
        project = unique("Piirid");
        base = "/api/v1/projects/" + Api.seg(project);
        project(project);
        recorded = countEvents(project);
    }

    private String member(String role, List<String> projects, List<String> programmes) {
        String name = unique(role.toLowerCase(java.util.Locale.ROOT));
        Api.Response r = admin.post("/api/v1/users", Map.of("username", name, "password", PASSWORD, "roles",
                List.of(role), "projects", projects, "programmes", programmes));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return RawHttp.basic(name, PASSWORD);
    }

    /** Sends a head that promises a huge body and only its first bytes, and answers the status that comes back. */
    private RawHttp promiseHugeBody(String path, String authorization, String contentType) {
        RawHttp http = RawHttp.connect(port, 0);
        http.send("POST", path, authorization, "Content-Type: " + contentType, "Content-Length: " + HUGE);
        return http.write("id,budgetLine,amount".getBytes(StandardCharsets.UTF_8));
    }

    private static void assertProblem(RawHttp http, int status) {
        assertThat(http.status()).as(http.head()).isEqualTo(status);
        assertThat(http.head()).containsIgnoringCase("Content-Type: application/problem+json");
    }

    @Test
    void a_write_the_sender_may_not_make_is_refused_before_its_body_is_read() {
        String elsewhere = unique("Mujal");
        project(elsewhere);
        String financeElsewhere = member("FINANCE", List.of(elsewhere), List.of());
        String manager = member("MANAGER", List.of(project), List.of());
        String liaisonElsewhere = member("LIAISON", List.of(), List.of("Teine programm"));
        String liaison = member("LIAISON", List.of(), List.of("Šveitsi-Eesti koostööprogramm"));

        try (RawHttp http = promiseHugeBody(base + "/expenditures/import", financeElsewhere, "text/csv")) {
            assertProblem(http, 404);
        }
        try (RawHttp http = promiseHugeBody(base + "/expenditures/import", manager, "text/csv")) {
            assertProblem(http, 403);
        }
        try (RawHttp http = promiseHugeBody(base + "/expenditures", manager, "application/json")) {
            assertProblem(http, 403);
        }
        // a liaison sees the projects of its programme (403 for a finance write), not those of another (404)
        try (RawHttp http = promiseHugeBody(base + "/expenditures", liaison, "application/json")) {
            assertProblem(http, 403);
        }
        try (RawHttp http = promiseHugeBody(base + "/reports/R1/approval", liaisonElsewhere, "application/json")) {
            assertProblem(http, 404);
        }
        try (RawHttp http = promiseHugeBody("/api/v1/projects", manager, "application/json")) {
            assertProblem(http, 403);
        }
        assertThat(countEvents(project)).as("nothing recorded").isEqualTo(recorded);
    }

    @Test
    void a_body_declared_larger_than_its_cap_is_refused_413_before_it_is_read() {
        String finance = member("FINANCE", List.of(project), List.of());
        try (RawHttp http = promiseHugeBody(base + "/expenditures/import", finance, "text/csv; charset=UTF-8")) {
            assertProblem(http, 413);
        }
        try (RawHttp http = promiseHugeBody(base + "/expenditures", finance, "application/json")) {
            assertProblem(http, 413);
        }
    }

    @Test
    void a_chunked_body_that_passes_its_cap_is_refused_413_and_nothing_is_recorded() throws Exception {
        String json = "{\"budgetLine\":\"AT1-SERVICES\",\"amount\":\"10.00\",\"incurredOn\":\"2024-07-01\","
                + "\"description\":\"";
        HttpResponse<String> tooLargeJson = sendChunked(base + "/expenditures", "application/json",
                json, 'x', MAX_BODY + 1 - json.length() - 2, "\"}");
        assertThat(tooLargeJson.statusCode()).as(tooLargeJson.body()).isEqualTo(413);
        assertThat(tooLargeJson.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(tooLargeJson.body()).contains("at most " + MAX_BODY + " bytes");

        // within the cap the same kind of body is read (and refused for what it says, not for its size)
        HttpResponse<String> withinCap = sendChunked(base + "/expenditures", "application/json", json, 'x', 5000, "\"}");
        assertThat(withinCap.statusCode()).as(withinCap.body()).isIn(201, 400);

        long beforeCsv = countEvents(project);
        String header = "id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n"
                + "r1;AT1-SERVICES;10,00;01.07.2024;;OÜ Puu;A-1;Kohv\n";
        HttpResponse<String> tooLargeCsv = sendChunked(base + "/expenditures/import", "text/csv", header, ' ',
                MAX_IMPORT + 1 - header.length() - 1, "\n");
        assertThat(tooLargeCsv.statusCode()).as(tooLargeCsv.body()).isEqualTo(413);
        assertThat(tooLargeCsv.body()).contains("CSV file", "at most " + MAX_IMPORT + " bytes");

        assertThat(countEvents(project)).as("nothing of the CSV file recorded").isEqualTo(beforeCsv);
    }

    /** Posts head + n times the filler + tail without a Content-Length: the client library sends it chunked. */
    private HttpResponse<String> sendChunked(String path, String contentType, String head, char filler, long n,
                                             String tail) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", RawHttp.basic("admin", ADMIN_PASSWORD))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body(head, filler, n, tail)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static InputStream body(String head, char filler, long n, String tail) {
        InputStream repeated = new InputStream() {
            private long left = n;

            @Override
            public int read() {
                return left-- > 0 ? filler : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int count = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + count, (byte) filler);
                left -= count;
                return count;
            }
        };
        return new SequenceInputStream(new SequenceInputStream(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), repeated),
                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)));
    }
}
