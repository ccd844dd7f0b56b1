package io.seire.platform.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, reading each stored timestamp once and without a general-purpose date parser.
 *
 * <p>Axon keeps a stored event's timestamp as its text and parses it with {@code ISO_OFFSET_DATE_TIME} every time it is
 * asked for: once to decide whether a gap may still fill, and once more for the message. In a rebuild that parsing
 * took 11 % of the projecting threads' time and 12 % of the coordinator's (issue 16, docs/PERFORMANCE.md). Axon writes
 * every timestamp in one fixed shape ({@link DateTimeUtils#formatInstant}: {@code 2026-12-01T05:24:37.123Z}); this
 * engine reads that shape directly, at most once per row, and leaves any other text to Axon's parser.
 *
 * <p>Which rows are read, and how tokens and gaps advance, is Axon's: the gap rule below is the same as
 * {@code JdbcEventStorageEngine}'s (a position below the row's may still fill while the row is younger than the gap
 * timeout).
 */
public class EventStorage extends JdbcEventStorageEngine {

    /** Axon's default first position; Seire does not change it. */
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final long gapTimeoutMillis;
    private final int maxGapOffset;

    /** At most this many events per blocking read (see {@link #readEventData}): as many as Axon's store caches. */
    static final int BLOCKING_READ_EVENTS = 10_000;

    private final int blockingReadEvents;

    public EventStorage(JdbcEventStorageEngine.Builder builder, int gapTimeoutMillis, int maxGapOffset) {
        this(builder, gapTimeoutMillis, maxGapOffset, BLOCKING_READ_EVENTS);
    }

    EventStorage(JdbcEventStorageEngine.Builder builder, int gapTimeoutMillis, int maxGapOffset,
                 int blockingReadEvents) {
        super(builder.gapTimeout(gapTimeoutMillis).maxGapOffset(maxGapOffset)
                .readEventDataWithoutGaps((connection, schema, globalIndex, batchSize) ->
                        readWithHead(connection, schema, globalIndex, batchSize, java.util.List.of()))
                .readEventDataWithGaps(EventStorage::readWithHead));
        this.gapTimeoutMillis = gapTimeoutMillis;
        this.maxGapOffset = maxGapOffset;
        this.blockingReadEvents = blockingReadEvents;
    }

    /**
     * Axon's engine runs every read in a transaction of its own (or joins the caller's): for the store's shared reader,
     * a commit more for every read, two per write under four writing clients (issue 16, figure 1). Each read is one
     * statement, or a few whose answers Axon does not need to agree (the look past a wide gap reads again what it
     * found), and PostgreSQL's READ COMMITTED gives each statement its own snapshot within a transaction too; so reads
     * run outside one, or in the caller's. Appends and snapshots keep theirs.
     */
    static org.axonframework.common.transaction.TransactionManager readsOutsideTransactions(
            org.axonframework.common.transaction.TransactionManager transactions) {
        return new org.axonframework.common.transaction.TransactionManager() {
            @Override
            public org.axonframework.common.transaction.Transaction startTransaction() {
                return transactions.startTransaction();
            }

            @Override
            public <T> T fetchInTransaction(java.util.function.Supplier<T> supplier) {
                return supplier.get();
            }
        };
    }

    /**
     * A blocking read ends after {@link #BLOCKING_READ_EVENTS} events; the reader reads on from where it ended.
     *
     * <p>Only the embedded event store's shared reader reads this way, and Axon's stream of it ends only when a batch
     * comes back empty: while the reader is behind a store that keeps growing (a long load) it never ends. All the
     * while the reader keeps the node that was newest when the read began ({@code EmbeddedEventStore}'s
     * {@code fetchData}), and through it every event read since, whatever the cache's limit: in the 10^7 capacity
     * check 1.24 million events, a 2 GB heap (docs/CAPACITY.md). Ended every so many events, the reader lets that node
     * go and starts a new read from its last token, one query more per that many events.
     */
    @Override
    protected java.util.stream.Stream<? extends TrackedEventData<?>> readEventData(
            org.axonframework.eventhandling.TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(trackingToken, false);
        }
        long appends = committedAppends.get();
        Quiet quiet = this.quiet;
        this.quiet = null;
        if (quiet != null && quiet.appends() == appends && quiet.from().equals(trackingToken)) {
            return java.util.stream.Stream.empty();
        }
        return java.util.stream.StreamSupport.stream(new BlockingRead(trackingToken, appends), false)
                .limit(blockingReadEvents);
    }

    /**
     * Appends this node has committed through this engine (counted once the transaction commits, before Axon wakes the
     * reader for them).
     */
    private final java.util.concurrent.atomic.AtomicLong committedAppends = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Where the last blocking read that found events ended short of a full batch, and how many appends this node had
     * committed when it began; null once the next blocking read has been asked for.
     */
    private volatile Quiet quiet;

    private record Quiet(org.axonframework.eventhandling.TrackingToken from, long appends) {
    }

    @Override
    protected void appendEvents(java.util.List<? extends org.axonframework.eventhandling.EventMessage<?>> events,
                                org.axonframework.serialization.Serializer serializer) {
        super.appendEvents(events, serializer);
        if (events.isEmpty()) {
            return;
        }
        if (org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) {
            // the unit of work's transaction commits in its first commit handler; this one runs after it, and before
            // any after-commit handler (where Axon's event store wakes its reader)
            org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().root()
                    .onCommit(u -> committedAppends.incrementAndGet());
        } else {
            committedAppends.incrementAndGet();
        }
    }

    /**
     * The shared reader's read, batch after batch, ending at the first batch shorter than a full one rather than at an
     * empty one (Axon's).
     *
     * <p>The reader reads again at once after every read that found events, and only waits for the next append after
     * one that found none. Ended at an empty batch, each append was read by three queries, two of them finding nothing
     * (each followed by Axon's look past a wide gap, one query more): under four writing clients a third of the
     * statements PostgreSQL ran per write (issue 16, figure 1).
     *
     * <p>That next read, at once, usually finds nothing either. When the short batch's last event was the newest stored
     * as it was read (each row says which position is the highest, {@link #readWithHead}), the next read is not asked
     * of the database unless this node committed an append since the read began (counted before Axon wakes the reader
     * for it): it answers nothing, and the reader waits for the next append or its poll, whichever comes first, as
     * after any read that found nothing. Appends on other nodes are found by that poll, as before. A batch that is
     * short only because positions are missing in its window (rolled-back writes) is read on at once.
     */
    private final class BlockingRead
            extends java.util.Spliterators.AbstractSpliterator<TrackedEventData<?>> {
        private final long appendsBefore;
        private org.axonframework.eventhandling.TrackingToken last;
        private java.util.Iterator<? extends TrackedEventData<?>> batch = java.util.Collections.emptyIterator();
        private boolean lastBatch;
        /** The last event read, when it tells whether it was the newest stored. */
        private Tracked<?> lastRead;

        BlockingRead(org.axonframework.eventhandling.TrackingToken from, long appendsBefore) {
            super(Long.MAX_VALUE, ORDERED | NONNULL);
            this.last = from;
            this.appendsBefore = appendsBefore;
        }

        @Override
        public boolean tryAdvance(java.util.function.Consumer<? super TrackedEventData<?>> action) {
            if (!batch.hasNext()) {
                if (lastBatch) {
                    if (lastRead != null && lastRead.newest()) {
                        quiet = new Quiet(last, appendsBefore);
                    }
                    return false;
                }
                java.util.List<? extends TrackedEventData<?>> rows = fetchTrackedEvents(last, batchSize());
                lastBatch = rows.size() < batchSize();
                batch = rows.iterator();
                if (!batch.hasNext()) {
                    return false;
                }
            }
            TrackedEventData<?> next = batch.next();
            last = next.trackingToken();
            lastRead = next instanceof Tracked<?> tracked ? tracked : null;
            action.accept(next);
            return true;
        }
    }

    /** The column every tracked read answers besides the event's: the highest position stored. */
    static final String HEAD = "seire_head";

    /**
     * Axon's tracked read (the positions after {@code globalIndex}, a window as wide as the batch, and the token's
     * gaps), each row also telling the highest position stored when the statement ran: one probe of the position's
     * index, so that a read that ended short can tell whether it reached the end (see {@link BlockingRead}).
     */
    static java.sql.PreparedStatement readWithHead(java.sql.Connection connection, EventSchema schema,
                                                   long globalIndex, int batchSize, java.util.List<Long> gaps)
            throws SQLException {
        String position = schema.globalIndexColumn();
        String sql = "SELECT " + schema.trackedEventFields() + ", (SELECT max(" + position + ") FROM "
                + schema.domainEventTable() + ") AS " + HEAD + " FROM " + schema.domainEventTable() + " WHERE ("
                + position + " > ? AND " + position + " <= ?)"
                + (gaps.isEmpty() ? "" : " OR " + position + " IN ("
                        + String.join(",", java.util.Collections.nCopies(gaps.size(), "?")) + ")")
                + " ORDER BY " + position + " ASC";
        java.sql.PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        long position = resultSet.getLong(schema().globalIndexColumn());
        Row<?> row = row(resultSet, true);
        boolean mayStillFill = row.getTimestamp().isAfter(
                GenericEventMessage.clock.instant().minusMillis(gapTimeoutMillis));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            SortedSet<Long> gaps = new TreeSet<>();
            if (mayStillFill) {
                for (long p = Math.min(LOWEST_GLOBAL_SEQUENCE, position); p < position; p++) {
                    gaps.add(p);
                }
            }
            token = GapAwareTrackingToken.newInstance(position, gaps);
        } else {
            token = previousToken.advanceTo(position, mayStillFill ? maxGapOffset : 0);
        }
        return new Tracked<>(token, row, resultSet.getLong(HEAD));
    }

    /** A tracked event as read, with the highest position stored when it was read. */
    static final class Tracked<T> extends TrackedDomainEventData<T> {
        private final long head;

        Tracked(org.axonframework.eventhandling.TrackingToken token, DomainEventData<T> row, long head) {
            super(token, row);
            this.head = head;
        }

        /** Whether no event was stored past this one when it was read. */
        boolean newest() {
            return trackingToken() instanceof GapAwareTrackingToken token && token.getIndex() >= head;
        }
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return row(resultSet, false);
    }

    private Row<?> row(ResultSet resultSet, boolean tracked) throws SQLException {
        EventSchema schema = schema();
        String aggregateId = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventId = resultSet.getString(schema.eventIdentifierColumn());
        return new Row<>(resultSet.getString(schema.typeColumn()),
                // a tracked event that is not an aggregate's is stored with its own identifier as the aggregate's
                tracked && eventId.equals(aggregateId) ? null : aggregateId,
                resultSet.getLong(schema.sequenceNumberColumn()), eventId,
                resultSet.getString(schema.timestampColumn()),
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()), readPayload(resultSet, schema.metaDataColumn()));
    }

    /**
     * A stored event whose timestamp is parsed once, when it is first asked for (loading an aggregate may never ask, as
     * with Axon's own entries).
     */
    static final class Row<T> extends GenericDomainEventEntry<T> {
        private final String text;
        private volatile Instant timestamp;

        Row(String type, String aggregateId, long sequence, String eventId, String timestamp, String payloadType,
            String payloadRevision, T payload, T metaData) {
            super(type, aggregateId, sequence, eventId, timestamp, payloadType, payloadRevision, payload, metaData);
            this.text = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            Instant parsed = timestamp;
            if (parsed == null) {
                parsed = parse(text);
                timestamp = parsed; // parsing twice in a race gives the same instant
            }
            return parsed;
        }
    }

    /**
     * The instant of a stored timestamp: the shape Axon writes ({@code yyyy-MM-ddTHH:mm:ss.SSSZ}) read directly, any
     * other text by Axon's own parser (so both give the same instant, and the same error for text that is none).
     */
    static Instant parse(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int millis = digits(text, 20, 3);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && millis >= 0) {
                try {
                    long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400
                            + LocalTime.of(hour, minute, second).toSecondOfDay();
                    return Instant.ofEpochSecond(seconds, millis * 1_000_000L);
                } catch (DateTimeException outOfRange) {
                    // e.g. a 30 February: Axon's parser says what is wrong with it
                }
            }
        }
        return DateTimeUtils.parseInstant(text);
    }

    /** The decimal number in {@code length} ASCII digits from {@code from}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
