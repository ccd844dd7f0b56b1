package io.seire.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.platform.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ADR 0019: whatever the size of a write and however many writers run beside it, every committed event reaches
 * every reader. The gap-aware token forgets gaps further than {@code maxGapOffset} below the newest index it has
 * read; a large transaction that takes its indices before a small one commits would otherwise lose its first
 * events for good.
 */
class EventAppendOrderTest {

    private static final int MAX_GAP_OFFSET = 50;
    private static final int LARGE_WRITE = 200;
    private static final ExecutorService threads = Executors.newCachedThreadPool();
    private static final AtomicInteger databases = new AtomicInteger();

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    @Test
    void a_write_larger_than_the_gap_offset_beside_a_concurrent_writer_loses_nothing() throws Exception {
        assertReadsEveryEventInOrder(true);
    }

    @Test
    void without_the_append_lock_the_same_writes_lose_the_large_writes_first_events() throws Exception {
        // the hazard the rule removes, shown with Axon's own append statement on a table without the lock's trigger
        DataSource db = freshDatabase();
        new org.springframework.jdbc.core.JdbcTemplate(db).execute(
                "DROP TRIGGER domainevententry_append_lock ON domainevententry");
        JdbcEventStorageEngine engine = engine(db, false);

        List<Long> read = runLargeWriteBesideSmallOne(db, engine);

        assertThat(read).hasSizeLessThan(LARGE_WRITE + 2);
    }

    @Test
    void any_insert_into_the_event_table_takes_the_append_lock_even_axons_own_statement() throws Exception {
        // the lock is the table's (V43), not the caller's: an append that bypasses EventAppendOrder loses nothing
        assertReadsEveryEventInOrder(false);
    }

    /** The large and the small write beside it, appended by Seire's engine or by Axon's own statement. */
    private void assertReadsEveryEventInOrder(boolean seiresEngine) throws Exception {
        DataSource db = freshDatabase();

        List<Long> read = runLargeWriteBesideSmallOne(db, engine(db, seiresEngine));

        assertThat(read).hasSize(LARGE_WRITE + 2);
        assertThat(read).isSorted();
    }

    /**
     * The lock is taken before the insert forms its first row, so before the sequence gives out a position: an
     * insert waiting for the lock has taken none, and takes its positions only once the holder has committed.
     */
    @Test
    void an_insert_waiting_for_the_append_lock_has_taken_no_position_yet() throws Exception {
        DataSource db = freshDatabase();
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(db);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        tx.executeWithoutResult(s -> engine(db, true).appendEvents(StoreFixtures.events("before", 0, 1)));
        long before = jdbc.queryForObject("SELECT last_value FROM domainevententry_globalindex_seq", Long.class);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> tx.executeWithoutResult(s -> {
            new org.springframework.jdbc.core.JdbcTemplate(db).execute(
                    "SELECT pg_advisory_xact_lock(" + EventAppendOrder.APPEND_LOCK + ")");
            holding.countDown();
            await(release);
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        Future<?> waiting = threads.submit(() -> tx.executeWithoutResult(s -> new org.springframework.jdbc.core.JdbcTemplate(db)
                .update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                        + "payload, payloadtype, timestamp) VALUES ('plain', 0, 'T', 'plain-0', '\\x00', 'P', 'now')")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", Long.class) == 0) {
            assertThat(System.nanoTime()).as("the plain insert waits for the append lock").isLessThan(deadline);
            Thread.sleep(20);
        }

        assertThat(waiting.isDone()).isFalse();
        assertThat(jdbc.queryForObject("SELECT last_value FROM domainevententry_globalindex_seq", Long.class))
                .as("no position taken while waiting").isEqualTo(before);
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        waiting.get(30, TimeUnit.SECONDS);
        assertThat(jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE eventidentifier = 'plain-0'",
                Long.class)).isEqualTo(before + 1);
    }

    /**
     * The append returns the positions it takes (the insert's generated keys), kept in the unit of work: a write
     * answers with its position without asking the table again while it holds the append lock. They are the
     * table's, event by event, also for a batch the driver sends as one multi-row insert.
     */
    @Test
    void an_append_in_a_unit_of_work_knows_the_positions_it_took() throws Exception {
        // as Seire's pool connects (seire-platform.properties): the driver rewrites a batch into one insert
        String url = ((org.springframework.jdbc.datasource.DriverManagerDataSource) freshDatabase()).getUrl();
        DataSource db = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", "postgres", "");
        JdbcEventStorageEngine engine = engine(db, true);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        tx.executeWithoutResult(s -> engine.appendEvents(StoreFixtures.events("other", 0, 3)));
        java.util.Map<Long, Long> known = new java.util.HashMap<>();
        tx.executeWithoutResult(s -> {
            var unit = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
            try {
                engine.appendEvents(StoreFixtures.events("write", 0, 5));
                for (long sequence = 0; sequence < 5; sequence++) {
                    known.put(sequence, EventAppendOrder.appendedPosition("write", sequence).orElseThrow());
                }
                assertThat(EventAppendOrder.appendedPosition("other", 0)).as("not appended by this unit").isEmpty();
            } finally {
                unit.commit();
            }
        });
        assertThat(EventAppendOrder.appendedPosition("write", 0)).as("outside the unit").isEmpty();
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(db);
        for (var e : known.entrySet()) {
            assertThat(jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = 'write' "
                    + "AND sequencenumber = ?", Long.class, e.getKey())).isEqualTo(e.getValue());
        }
    }

    /**
     * A large transaction appends and stays open; a small one appends beside it; a reader reads; then the large one
     * commits and the reader reads on from its token. Answers the global indices the reader saw.
     */
    private List<Long> runLargeWriteBesideSmallOne(DataSource db, JdbcEventStorageEngine engine) throws Exception {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        // the reader is up to date with what came before
        tx.executeWithoutResult(s -> engine.appendEvents(StoreFixtures.events("before", 0, 1)));
        List<Long> seen = new ArrayList<>();
        TrackingToken token = readAll(engine, null, seen);
        CountDownLatch largeAppended = new CountDownLatch(1);
        CountDownLatch commitLarge = new CountDownLatch(1);
        Future<?> large = threads.submit(() -> tx.executeWithoutResult(s -> {
            engine.appendEvents(StoreFixtures.events("import", 0, LARGE_WRITE));
            largeAppended.countDown();
            await(commitLarge);
        }));
        assertThat(largeAppended.await(30, TimeUnit.SECONDS)).isTrue();
        Future<?> small = threads.submit(() -> tx.executeWithoutResult(s -> engine.appendEvents(StoreFixtures.events("other", 0, 1))));
        // the small write either commits at once or waits for the large one: give it the time to do either
        try {
            small.get(1, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException waiting) {
            // it waits for the large write to commit first
        }

        token = readAll(engine, token, seen);
        commitLarge.countDown();
        large.get(30, TimeUnit.SECONDS);
        small.get(30, TimeUnit.SECONDS);
        readAll(engine, token, seen);
        return seen;
    }

    private static TrackingToken readAll(JdbcEventStorageEngine engine, TrackingToken from, List<Long> seen) {
        TrackingToken token = from;
        while (true) {
            List<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> batch = engine.readEvents(token, false)
                    .collect(Collectors.toList());
            if (batch.isEmpty()) {
                return token;
            }
            for (org.axonframework.eventhandling.TrackedEventMessage<?> event : batch) {
                token = event.trackingToken();
                seen.add(token.position().orElseThrow());
            }
        }
    }

    private static JdbcEventStorageEngine engine(DataSource db, boolean inCommitOrder) {
        JdbcEventStorageEngine.Builder builder = StoreFixtures.builder(db).maxGapOffset(MAX_GAP_OFFSET);
        if (inCommitOrder) {
            // Seire's engine, which also reads the rows and advances the tokens itself (EventStorage)
            return new EventStorage(builder.appendEvents(EventAppendOrder::appendInCommitOrder), 60_000, MAX_GAP_OFFSET);
        }
        return builder.build();
    }

    private static DataSource freshDatabase() {
        DataSource ds = TestDatabase.fresh("append_order_" + databases.incrementAndGet() + "_" + ProcessHandle.current().pid());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
