package io.seire.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.platform.testing.TestDatabase;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store's reader fetches ahead of a tailing stream as fast as the database answers, and every event from the
 * stream's position on stays in memory while the stream holds its place. A stream that stops reading (a projection
 * busy with a large batch, waiting for a lock, backing off after an error) must let go of those events within a
 * fraction of a second, not after Axon's 10 s: behind a projection catching up, 10 s of reading held a third of a
 * million events and ran a 512 MB node out of heap (docs/CAPACITY.md).
 */
class TailingStreamMemoryTest {

    /** More than the store's cache (10,000 events): the stream is then behind what the cache holds. */
    private static final int AHEAD = 12_000;

    @Test
    @Timeout(120)
    void a_tailing_stream_that_stops_reading_lets_go_of_the_events_fetched_after_it_within_a_second() throws Exception {
        DataSource db = TestDatabase.fresh("tailing_" + ProcessHandle.current().pid());
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        JdbcEventStorageEngine engine = new EventStorage(StoreFixtures.builder(db)
                .appendEvents(EventAppendOrder::appendInCommitOrder), 60_000, 10_000);
        EmbeddedEventStore store = EventStoreConfiguration.embeddedStore(engine, NoOpMessageMonitor.instance(), 100,
                EventStoreConfiguration.CLEANUP_DELAY_MS);
        try {
            tx.executeWithoutResult(s -> engine.appendEvents(StoreFixtures.events("first", 0, 10)));
            BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null);
            // read to the end, then once more: the stream now tails the store's reader
            for (int i = 0; i < 10; i++) {
                assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
                stream.nextAvailable();
            }
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
            tx.executeWithoutResult(s -> engine.appendEvents(StoreFixtures.events("first", 10, 1)));
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            WeakReference<TrackedEventMessage<?>> held = new WeakReference<>(stream.nextAvailable());

            // the stream stops reading; the reader goes on fetching what others append
            for (int written = 0; written < AHEAD; written += 2_000) {
                int from = written;
                tx.executeWithoutResult(s -> engine.appendEvents(StoreFixtures.events("other", from, 2_000)));
                store.publish(List.of()); // a commit in this process wakes the reader, as any append here does
            }

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (held.get() != null && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(50);
            }
            assertThat(held.get()).as("the event the idle stream last read is still held").isNull();

            // and the stream, reading again, misses nothing
            int read = 0;
            while (stream.hasNextAvailable(2, TimeUnit.SECONDS)) {
                stream.nextAvailable();
                read++;
            }
            assertThat(read).isEqualTo(AHEAD);
            stream.close();
        } finally {
            store.shutDown();
        }
    }
}
