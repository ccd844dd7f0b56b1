package io.seire.ops;

import io.seire.platform.testing.Api;

import static io.seire.platform.testing.ProblemAssertions.assertProblem;
import static io.seire.platform.testing.ProblemAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 11: what a bounded fuzz run found. Each kind of malformed request has one answer on every endpoint,
 * a 4xx problem+json, and records nothing. Here what needs both sides: an unreadable {@code Accept} on a read and a
 * write of the same project, and a list as of an instant before a write read back through the views. The write
 * endpoints' refusals are in the command side's {@code MalformedRequestApiTest}, the read parameters' in the query
 * side's.
 */
class MalformedRequestApiTest extends ApiTestBase {

    @Test
    void an_accept_header_that_cannot_be_read_answers_a_problem_body() {
        String id = unique("Accept");
        SeedProject.setUp(admin, id);
        String base = "/api/v1/projects/" + Api.seg(id);
        for (String accept : List.of("x;;;==", "application", "text/csv;q=abc")) {
            Api.Response get = admin.send("GET", base, Map.of("Accept", accept), null);
            assertRefused(get, "Accept", "cannot be read");
            assertRefused(admin.send("POST", base + "/sub-activities", Map.of("Accept", accept, "Content-Type",
                    "application/json"), "{\"code\":\"S3\",\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)),
                    "Accept", "cannot be read");
        }
        // a readable Accept that nothing here can answer: 406, and still a problem body
        assertProblem(admin.send("GET", base, Map.of("Accept", "image/png"), null), 406);
        assertProblem(admin.send("GET", base + "/nope", Map.of("Accept", "image/png"), null), 404);
    }

    @Test
    void a_list_as_of_an_instant_shows_what_was_recorded_then() {
        String before = java.time.Instant.now().minusSeconds(1).toString();
        String id = unique("AsOfList");
        long position = SeedProject.setUp(admin, id);
        Api.Response now = admin.get("/api/v1/projects?size=1000&minPosition=" + position);
        assertThat(now.json().path("items").findValuesAsText("id")).contains(id);
        Api.Response then = admin.get("/api/v1/projects?size=1000&asOf=" + before);
        assertThat(then.status()).as(then.body()).isEqualTo(200);
        assertThat(then.json().path("items").findValuesAsText("id")).doesNotContain(id);
        Api.Response trail = admin.get("/api/v1/projects/" + Api.seg(id) + "/audit-trail?asOf=" + before);
        assertThat(trail.status()).as(trail.body()).isEqualTo(404);
    }
}
