package io.seire.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks of an RFC 9457 problem answer, for the HTTP tests of every module. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** The answer is a problem+json body with {@code status}, in the head and in the body. */
    public static void assertProblem(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).as(r.body()).isEqualTo(status);
    }

    /** The answer is a 400 problem naming {@code field} among its errors and saying {@code reason}. */
    public static void assertRefused(Api.Response r, String field, String reason) {
        assertProblem(r, 400);
        assertThat(r.json().path("errors").findValuesAsText("field")).as(r.body()).contains(field);
        assertThat(r.body()).contains(reason);
    }
}
