package io.seire.command.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.platform.testing.TestDatabase;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Idempotency keys on the real table: one answer per actor, path and key; a second claim waits for the first. */
class IdempotencyRecordsTest {

    private final JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.migrated());
    private final IdempotencyRecords records = new IdempotencyRecords(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc));
    private final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(TestDatabase.migrated()));
    private final String key = UUID.randomUUID().toString();

    @Test
    void the_same_request_is_answered_again_and_a_different_one_under_the_same_key_is_a_mismatch() {
        assertThat(records.claim("mari", "/api/v1/projects/p/expenditures", key, "h1"))
                .isInstanceOf(IdempotencyRecords.Claim.Fresh.class);
        records.answer("mari", "/api/v1/projects/p/expenditures", key, 201, "{\"id\":\"E1\",\"position\":7}");

        assertThat(records.claim("mari", "/api/v1/projects/p/expenditures", key, "h1"))
                .isEqualTo(new IdempotencyRecords.Claim.Replay(201, "{\"id\":\"E1\",\"position\":7}"));
        assertThat(records.claim("mari", "/api/v1/projects/p/expenditures", key, "h2"))
                .isInstanceOf(IdempotencyRecords.Claim.Mismatch.class);
    }

    @Test
    void a_key_belongs_to_one_actor_and_one_address() {
        records.claim("mari", "/a", key, "h");
        records.answer("mari", "/a", key, 201, "{}");

        assertThat(records.claim("jaan", "/a", key, "h")).isInstanceOf(IdempotencyRecords.Claim.Fresh.class);
        assertThat(records.claim("mari", "/b", key, "h")).isInstanceOf(IdempotencyRecords.Claim.Fresh.class);
    }

    @Test
    void a_second_claim_waits_for_the_first_write_and_replays_its_answer_once_it_commits() throws Exception {
        assertThat(secondClaimWhileFirst(true)).isEqualTo(new IdempotencyRecords.Claim.Replay(201, "{\"n\":1}"));
    }

    @Test
    void a_second_claim_goes_ahead_itself_when_the_first_write_rolls_back() throws Exception {
        assertThat(secondClaimWhileFirst(false)).isInstanceOf(IdempotencyRecords.Claim.Fresh.class);
    }

    private IdempotencyRecords.Claim secondClaimWhileFirst(boolean commits) throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            assertThat(records.claim("mari", "/a", key, "h")).isInstanceOf(IdempotencyRecords.Claim.Fresh.class);
            records.answer("mari", "/a", key, 201, "{\"n\":1}");
            claimed.countDown();
            await(finish);
            if (!commits) {
                status.setRollbackOnly();
            }
        }));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<IdempotencyRecords.Claim> second = CompletableFuture.supplyAsync(() ->
                transactions.execute(status -> records.claim("mari", "/a", key, "h")));
        Thread.sleep(300);
        assertThat(second).as("waits on the first write's row").isNotDone();
        finish.countDown();
        first.get(10, TimeUnit.SECONDS);
        return second.get(10, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
