package io.seire.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.ops.ApiTestBase;
import io.seire.tools.fuzz.Fuzzer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The small form of {@code ops/fuzz}: a few hundred seeded random and mutated requests against every endpoint. No
 * 5xx, no hang, no error in the log, nothing recorded by a refused request.
 */
class FuzzApiTest extends ApiTestBase {

    static final long SEED = 20_251_130L;
    static final int REQUESTS = 400;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void four_hundred_random_and_mutated_requests_answer_no_5xx_and_refusals_record_nothing() throws Exception {
        Fuzzer.Result result = new Fuzzer(new Fuzzer.Target("http://localhost:" + port, ADMIN_PASSWORD, jdbc), SEED,
                REQUESTS, Duration.ofSeconds(20), System.out).run();
        System.out.println(result.summary());
        assertThat(result.failures()).isEmpty();
        assertThat(result.passed()).isGreaterThanOrEqualTo(REQUESTS / 2);
    }
}
