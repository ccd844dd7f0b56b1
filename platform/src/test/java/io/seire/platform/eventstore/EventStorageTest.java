package io.seire.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.platform.testing.TestDatabase;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link EventStorage} reads stored timestamps without Axon's general parser (issue 16): what it reads must be what
 * Axon's own engine reads from the same rows, timestamps, tokens and all.
 */
class EventStorageTest {

    @Test
    void a_timestamp_in_the_shape_axon_writes_reads_as_the_same_instant_as_axons_parser_reads_it() {
        Random random = new Random(16);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)),
                    random.nextInt(1_000_000_000));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(EventStorage.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
        for (String edge : List.of("1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z", "2000-12-31T00:00:00.001Z")) {
            assertThat(EventStorage.parse(edge)).isEqualTo(DateTimeUtils.parseInstant(edge)).isEqualTo(Instant.parse(edge));
        }
    }

    @Test
    void a_timestamp_of_another_shape_is_left_to_axons_parser_with_the_same_answer_or_error() {
        for (String other : List.of("2026-12-01T05:24:37.123+02:00", "2026-12-01T05:24:37Z", "2026-12-01T05:24:37.123456Z",
                "+10000-01-01T00:00:00.000Z", "2026-12-01t05:24:37.123z")) {
            assertThat(EventStorage.parse(other)).as(other).isEqualTo(DateTimeUtils.parseInstant(other));
        }
        for (String wrong : List.of("2026-02-30T00:00:00.000Z", "2026-12-01T24:00:00.000Z", "2026-1a-01T00:00:00.000Z",
                "yesterday at noon")) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(wrong)).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> EventStorage.parse(wrong)).as(wrong).isInstanceOf(DateTimeParseException.class);
        }
    }

    /**
     * The event store's shared reader reads blocking; Axon's blocking read ends only on an empty batch, and the reader
     * holds every event it read since the read began (docs/CAPACITY.md, the 10^7 check). Seire's ends after so many
     * events, and the next read goes on from its last token without a gap.
     */
    @Test
    void a_blocking_read_ends_after_so_many_events_and_the_next_goes_on_from_its_last_token_without_a_gap() {
        DataSource db = freshDatabase("event_storage_blocking_");
        EventStorage seire = new EventStorage(StoreFixtures.builder(db)
                .appendEvents(EventAppendOrder::appendInCommitOrder), 60_000, 10_000, 10);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        tx.executeWithoutResult(s -> seire.appendEvents(StoreFixtures.events("P-1", 0, 25)));

        List<TrackedEventMessage<?>> read = new java.util.ArrayList<>();
        List<Integer> reads = new java.util.ArrayList<>();
        org.axonframework.eventhandling.TrackingToken token = null;
        while (true) {
            List<? extends TrackedEventMessage<?>> one = seire.readEvents(token, true).collect(Collectors.toList());
            if (one.isEmpty()) {
                break;
            }
            reads.add(one.size());
            read.addAll(one);
            token = one.get(one.size() - 1).trackingToken();
        }

        assertThat(reads).containsExactly(10, 10, 5);
        assertThat(read.stream().map(e -> ((DomainEventMessage<?>) e).getSequenceNumber()).toList())
                .isEqualTo(java.util.stream.LongStream.range(0, 25).boxed().toList());
        assertThat(seire.readEvents(null, false).count()).as("a read that does not block is not cut").isEqualTo(25);
    }

    /**
     * The shared reader reads again at once after a read that found events; a read that ended only on an empty batch
     * asked once more for nothing (issue 16, figure 1). Seire's ends at the first batch shorter than a full one (Axon
     * reads a window of positions, so a batch is short at the head, or where positions are missing), and reading on
     * from where a read ended finds every event, in order.
     */
    @Test
    void a_blocking_read_ends_at_the_first_batch_shorter_than_a_full_one_without_asking_for_an_empty_one() {
        DataSource db = freshDatabase("event_storage_short_");
        Counted seire = new Counted(StoreFixtures.builder(db).batchSize(10));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        tx.executeWithoutResult(s -> seire.appendEvents(StoreFixtures.events("P-1", 0, 25)));

        List<TrackedEventMessage<?>> read = new java.util.ArrayList<>();
        org.axonframework.eventhandling.TrackingToken token = null;
        int reads = 0;
        while (true) {
            List<? extends TrackedEventMessage<?>> one = seire.readEvents(token, true).collect(Collectors.toList());
            if (one.isEmpty()) {
                break;
            }
            reads++;
            read.addAll(one);
            token = one.get(one.size() - 1).trackingToken();
        }

        assertThat(read.stream().map(e -> ((DomainEventMessage<?>) e).getSequenceNumber()).toList())
                .isEqualTo(java.util.stream.LongStream.range(0, 25).boxed().toList());
        assertThat(reads).isGreaterThan(1);
        assertThat(seire.empty.get()).as("no read asked for nothing: the one after the short batch was not asked at all")
                .isZero();
    }

    /**
     * After a read that ended short, the events read are the newest committed when it began: the shared reader's next
     * read, at once, is answered without asking the database unless this node committed an append since (issue 16,
     * figure 1: that read and Axon's look past a wide gap after it were two of a write's statements). The read after
     * it (the reader's poll, or the next append's wake-up) asks again; so does a read from anywhere else.
     */
    @Test
    void the_read_right_after_a_short_one_asks_nothing_unless_this_node_committed_an_append_since_it_began() {
        DataSource db = freshDatabase("event_storage_quiet_");
        org.axonframework.common.transaction.TransactionManager spring =
                new org.axonframework.spring.messaging.unitofwork.SpringTransactionManager(
                        new DataSourceTransactionManager(db));
        Counted seire = new Counted(StoreFixtures.builder(db).batchSize(10).transactionManager(spring));
        java.util.concurrent.atomic.AtomicInteger asked = seire.asked;
        seire.appendEvents(StoreFixtures.events("P-1", 0, 3));

        List<? extends TrackedEventMessage<?>> first = seire.readEvents(null, true).collect(Collectors.toList());
        assertThat(first).hasSize(3);
        org.axonframework.eventhandling.TrackingToken end = first.get(2).trackingToken();
        asked.set(0);
        assertThat(seire.readEvents(end, true).count()).as("right after the short read").isZero();
        assertThat(asked.get()).as("asked of the database").isZero();
        assertThat(seire.readEvents(end, true).count()).as("the poll after it").isZero();
        assertThat(asked.get()).isEqualTo(1);

        // a short read again, then an append committed in a unit of work: the next read asks, and finds it
        seire.appendEvents(StoreFixtures.events("P-1", 3, 1));
        List<? extends TrackedEventMessage<?>> second = seire.readEvents(end, true).collect(Collectors.toList());
        assertThat(second).hasSize(1);
        end = second.get(0).trackingToken();
        inUnitOfWork(spring, () -> seire.appendEvents(StoreFixtures.events("P-1", 4, 2)));
        asked.set(0);
        List<? extends TrackedEventMessage<?>> third = seire.readEvents(end, true).collect(Collectors.toList());
        assertThat(third.stream().map(e -> ((DomainEventMessage<?>) e).getSequenceNumber()).toList())
                .as("committed since the short read").containsExactly(4L, 5L);
        assertThat(asked.get()).isEqualTo(1);

        // an append is counted when its unit of work commits, not before
        org.axonframework.eventhandling.TrackingToken afterThird = third.get(1).trackingToken();
        org.axonframework.messaging.unitofwork.UnitOfWork<?> unit =
                org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        unit.attachTransaction(spring);
        seire.appendEvents(StoreFixtures.events("P-1", 6, 1));
        asked.set(0);
        assertThat(seire.readEvents(afterThird, true).count()).as("not committed yet").isZero();
        assertThat(asked.get()).isZero();
        unit.commit();
        assertThat(seire.readEvents(afterThird, true).count()).as("the poll after it").isEqualTo(1);
        assertThat(asked.get()).isEqualTo(1);

        // and a read from another token is asked whatever the last read was
        List<? extends TrackedEventMessage<?>> all = seire.readEvents(null, true).collect(Collectors.toList());
        assertThat(all).hasSize(7);
        assertThat(seire.readEvents(first.get(0).trackingToken(), true).count()).isEqualTo(6);
    }

    /** A batch short only because positions in its window are missing is read on at once, not left to the poll. */
    @Test
    void a_read_short_only_because_positions_are_missing_is_read_on_at_once() {
        DataSource db = freshDatabase("event_storage_missing_");
        Counted seire = new Counted(StoreFixtures.builder(db).batchSize(10));
        java.util.concurrent.atomic.AtomicInteger asked = seire.asked;
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        seire.appendEvents(StoreFixtures.events("P-1", 0, 3));
        tx.executeWithoutResult(s -> {
            seire.appendEvents(StoreFixtures.events("P-2", 0, 15)); // positions taken, then rolled back
            s.setRollbackOnly();
        });
        seire.appendEvents(StoreFixtures.events("P-3", 0, 1));

        List<? extends TrackedEventMessage<?>> first = seire.readEvents(null, true).collect(Collectors.toList());
        assertThat(first).as("the first window holds only the first write").hasSize(3);
        asked.set(0);
        List<? extends TrackedEventMessage<?>> next = seire.readEvents(first.get(2).trackingToken(), true)
                .collect(Collectors.toList());
        assertThat(next.stream().map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()).toList())
                .containsExactly("P-3");
        assertThat(asked.get()).isEqualTo(1);
    }

    /** Seire's engine, counting the reads it asks of the database and those that found nothing. */
    private static final class Counted extends EventStorage {
        final java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger empty = new java.util.concurrent.atomic.AtomicInteger();

        Counted(JdbcEventStorageEngine.Builder builder) {
            super(builder.appendEvents(EventAppendOrder::appendInCommitOrder), 60_000, 10_000, 1_000);
        }

        @Override
        protected List<? extends org.axonframework.eventhandling.TrackedEventData<?>> fetchTrackedEvents(
                org.axonframework.eventhandling.TrackingToken lastToken, int batchSize) {
            asked.incrementAndGet();
            List<? extends org.axonframework.eventhandling.TrackedEventData<?>> batch =
                    super.fetchTrackedEvents(lastToken, batchSize);
            if (batch.isEmpty()) {
                empty.incrementAndGet();
            }
            return batch;
        }
    }

    private static DataSource freshDatabase(String name) {
        DataSource db = TestDatabase.fresh(name + ProcessHandle.current().pid());
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        return db;
    }

    private static void inUnitOfWork(org.axonframework.common.transaction.TransactionManager transactions,
                                     Runnable work) {
        org.axonframework.messaging.unitofwork.UnitOfWork<?> unit =
                org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        unit.attachTransaction(transactions);
        work.run();
        unit.commit();
    }

    /**
     * Reads need no transaction of their own (each is a statement with its own snapshot in READ COMMITTED); appends
     * keep theirs (issue 16, figure 1: a commit more per read of the shared reader).
     */
    @Test
    void reads_run_outside_a_transaction_and_appends_in_one() {
        DataSource db = freshDatabase("event_storage_tx_");
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        org.axonframework.common.transaction.TransactionManager spring =
                new org.axonframework.spring.messaging.unitofwork.SpringTransactionManager(
                        new DataSourceTransactionManager(db));
        org.axonframework.common.transaction.TransactionManager counted = () -> {
            started.incrementAndGet();
            return spring.startTransaction();
        };
        EventStorage seire = new EventStorage(StoreFixtures.builder(db)
                .transactionManager(EventStorage.readsOutsideTransactions(counted))
                .appendEvents(EventAppendOrder::appendInCommitOrder), 60_000, 10_000);

        seire.appendEvents(StoreFixtures.events("P-1", 0, 3));
        assertThat(started.get()).as("the append").isEqualTo(1);

        assertThat(seire.readEvents(null, true).count()).isEqualTo(3);
        assertThat(seire.readEvents(null, false).count()).isEqualTo(3);
        assertThat(seire.readEvents("P-1").asStream().count()).isEqualTo(3);
        assertThat(seire.lastSequenceNumberFor("P-1")).contains(2L);
        assertThat(started.get()).as("no read started a transaction").isEqualTo(1);
    }

    @Test
    void tracked_and_aggregate_events_read_through_seires_engine_equal_those_axons_engine_reads_from_the_same_rows() {
        DataSource db = freshDatabase("event_storage_");
        EventStorage seire = new EventStorage(StoreFixtures.builder(db).appendEvents(EventAppendOrder::appendInCommitOrder),
                60_000, 10_000);
        JdbcEventStorageEngine axon = StoreFixtures.builder(db).appendEvents(EventAppendOrder::appendInCommitOrder)
                .build();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        Instant old = Instant.parse("2019-03-04T05:06:07.891Z");
        tx.executeWithoutResult(s -> seire.appendEvents(
                new GenericDomainEventMessage<>("Project", "P-1", 0, "õunapuu ščž", MetaData.with("actor", "mari"), "e-1", old),
                new GenericDomainEventMessage<>("Project", "P-1", 1, "второй", MetaData.emptyInstance(), "e-2", Instant.now()),
                // an event that is no aggregate's is stored with its own identifier in the aggregate column
                GenericEventMessage.asEventMessage("not an aggregate's")));

        // a write that rolls back leaves a gap below the next event's position, which a token keeps while it is young
        tx.executeWithoutResult(s -> {
            seire.appendEvents(new GenericDomainEventMessage<>("Project", "P-2", 0, "rolled back"));
            s.setRollbackOnly();
        });
        tx.executeWithoutResult(s -> seire.appendEvents(
                new GenericDomainEventMessage<>("Project", "P-2", 0, "after the gap")));

        List<TrackedEventMessage<?>> bySeire = seire.readEvents(null, false).collect(Collectors.toList());
        List<TrackedEventMessage<?>> byAxon = axon.readEvents(null, false).collect(Collectors.toList());
        // and read on from a token that holds the gap
        List<TrackedEventMessage<?>> onBySeire = seire.readEvents(bySeire.get(1).trackingToken(), false)
                .collect(Collectors.toList());
        List<TrackedEventMessage<?>> onByAxon = axon.readEvents(byAxon.get(1).trackingToken(), false)
                .collect(Collectors.toList());

        assertThat(bySeire).hasSize(4);
        assertThat(((org.axonframework.eventhandling.GapAwareTrackingToken) bySeire.get(3).trackingToken()).getGaps())
                .as("the rolled-back position").hasSize(1);
        assertThat(summaries(onBySeire)).isEqualTo(summaries(onByAxon)).hasSize(2);
        assertThat(summaries(bySeire)).isEqualTo(summaries(byAxon));
        assertThat(bySeire.get(0).getTimestamp()).isEqualTo(old);
        assertThat(bySeire.get(2)).isNotInstanceOf(DomainEventMessage.class);
        List<String> aggregate = seire.readEvents("P-1").asStream()
                .map(e -> e.getSequenceNumber() + " " + e.getTimestamp() + " " + e.getPayload()).toList();
        assertThat(aggregate).isEqualTo(axon.readEvents("P-1").asStream()
                .map(e -> e.getSequenceNumber() + " " + e.getTimestamp() + " " + e.getPayload()).toList());
        assertThat(aggregate).hasSize(2);
    }

    private static List<String> summaries(List<TrackedEventMessage<?>> events) {
        return events.stream().map(e -> e.trackingToken() + " " + e.getIdentifier() + " " + e.getTimestamp() + " "
                + (e instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() + "#" + d.getSequenceNumber() : "-")
                + " " + e.getPayload() + " " + e.getMetaData()).toList();
    }
}
