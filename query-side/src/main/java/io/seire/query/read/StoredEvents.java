package io.seire.query.read;

import io.seire.platform.eventstore.EventChain;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

/**
 * The stored rows of the events a projection batch handles, read ahead in blocks, and each event's own global
 * position.
 * <p>
 * An event's tracking token is not its position: when an event commits after events above it were already read
 * (its position was a gap, its transaction still open), it is delivered with the token of the stream so far, whose
 * index is the highest position read. Its own position is then found by its identifier.
 */
@Component
public class StoredEvents {

    /** Stored rows are read ahead in blocks of this many positions. */
    static final int READ_AHEAD = 2000;

    private static final Object ROWS = new Object();
    private static final Object IDS = new Object();

    private final ProjectionWriter writer;
    private final BulkLoad bulk;

    public StoredEvents(ProjectionWriter writer) {
        this(writer, BulkLoad.never());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public StoredEvents(ProjectionWriter writer, BulkLoad bulk) {
        this.writer = writer;
        this.bulk = bulk;
    }

    /** The global position the event is stored at. */
    public long position(TrackedEventMessage<?> message) {
        long index = message.trackingToken().position()
                .orElseThrow(() -> new IllegalStateException("event " + message.getIdentifier() + " has no position"));
        if (bulk.active()) {
            // a rebuild keeps the chain, so it needs no stored rows: only which event is at the index
            String id = sharedIdOrNull(index);
            if (message.getIdentifier().equals(id != null ? id : idOrNull(index))) {
                return index;
            }
        } else {
            if (!sharedIds.isEmpty()) {
                sharedIds.clear(); // the rebuild is over
            }
            EventChain.StoredEvent atIndex = rowOrNull(index);
            if (atIndex != null && atIndex.eventId().equals(message.getIdentifier())) {
                return index;
            }
        }
        // it filled a gap below the token's index
        EventChain.StoredEvent own = writer.events().byEventId(message.getIdentifier()).orElseThrow(
                () -> new IllegalStateException("Event " + message.getIdentifier() + " is not in the event store"));
        Map<Long, EventChain.StoredEvent> rows = writer.transactionScoped(ROWS, k -> new HashMap<>());
        if (rows != null) {
            rows.put(own.position(), own);
        }
        return own.position();
    }

    /** The event's row exactly as stored. */
    public EventChain.StoredEvent row(long position) {
        EventChain.StoredEvent row = rowOrNull(position);
        if (row == null) {
            throw new IllegalStateException("Event " + position + " is not in the event store");
        }
        return row;
    }

    /**
     * During a rebuild, the identifiers of stored events by blocks of positions, shared by the segments that replay the
     * same stretch of the stream (each would read every block otherwise). Only stored events are kept: which event is
     * at a position never changes once it is stored; a position not (yet) stored is asked of the transaction's own
     * read-ahead.
     */
    private final Map<Long, Map<Long, String>> sharedIds = new java.util.concurrent.ConcurrentHashMap<>();

    private String sharedIdOrNull(long position) {
        long block = position / READ_AHEAD;
        Map<Long, String> ids = sharedIds.get(block);
        if (ids == null) {
            Map<Long, String> read = writer.events().eventIds(block * READ_AHEAD, (block + 1) * READ_AHEAD);
            ids = read;
            sharedIds.put(block, read);
            if (sharedIds.size() > 64) {
                sharedIds.keySet().removeIf(b -> b < block - 32 || b > block + 32);
            }
        }
        return ids.get(position);
    }

    /** The identifier of the event at a position, read ahead like the rows but without them. */
    private String idOrNull(long position) {
        Map<Long, String> ids = writer.transactionScoped(IDS, k -> new HashMap<>());
        if (ids != null && ids.containsKey(position)) {
            return ids.get(position);
        }
        Map<Long, String> read = writer.events().eventIds(position, position + (ids == null ? 1 : READ_AHEAD));
        String id = read.get(position);
        if (ids != null) {
            ids.putAll(read);
            if (id == null) {
                ids.put(position, null); // not committed or rolled back: asked again only in a later transaction
            }
        }
        return id;
    }

    /**
     * Stored rows by blocks of positions, shared by the transactions and segments that project the same stretch of the
     * stream. A batch reads ahead to the end of its block, and the next batch finds the rest there instead of reading
     * them again (each batch of 500 read 2,000 rows before: four reads per event, issue 16, figure 3). Only stored
     * rows are kept, and a stored row never changes; a position not (yet) stored is read again when asked. The blocks
     * used least recently go first when more than {@link #SHARED_BLOCKS} are kept or their rows' payloads pass
     * {@link #SHARED_BYTES}.
     */
    private final Map<Long, SharedBlock> sharedRows = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true));

    /** How many blocks of rows are kept at most: one per segment a node commonly runs, and some to spare. */
    static final int SHARED_BLOCKS = 8;
    /** How many bytes of stored payload and metadata the kept blocks may hold. */
    static final long SHARED_BYTES = 64L << 20;

    private static final class SharedBlock {
        final Map<Long, EventChain.StoredEvent> rows = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    }

    private EventChain.StoredEvent rowOrNull(long position) {
        Map<Long, EventChain.StoredEvent> rows = writer.transactionScoped(ROWS, k -> new HashMap<>());
        if (rows != null && rows.containsKey(position)) {
            return rows.get(position);
        }
        if (rows == null) {
            return writer.events().rows(position, position + 1).stream().findFirst().orElse(null);
        }
        long block = position / READ_AHEAD;
        SharedBlock shared = sharedRows.computeIfAbsent(block, b -> new SharedBlock());
        EventChain.StoredEvent row = shared.rows.get(position);
        if (row == null) {
            for (EventChain.StoredEvent e : writer.events().rows(position, (block + 1) * READ_AHEAD)) {
                if (shared.rows.put(e.position(), e) == null) {
                    shared.bytes.addAndGet(size(e));
                }
            }
            trimSharedRows();
            row = shared.rows.get(position);
            if (row == null) {
                rows.put(position, null); // not committed or rolled back: asked again only in a later transaction
            }
        }
        return row;
    }

    private static long size(EventChain.StoredEvent e) {
        return 256L + (e.payload() == null ? 0 : e.payload().length) + (e.metaData() == null ? 0 : e.metaData().length);
    }

    /** Drops the blocks used least recently while too many are kept, keeping the one used last. */
    private void trimSharedRows() {
        synchronized (sharedRows) {
            long total = 0;
            for (SharedBlock b : sharedRows.values()) {
                total += b.bytes.get();
            }
            var eldestFirst = sharedRows.values().iterator();
            while ((sharedRows.size() > SHARED_BLOCKS || total > SHARED_BYTES) && sharedRows.size() > 1) {
                total -= eldestFirst.next().bytes.get();
                eldestFirst.remove();
            }
        }
    }
}
