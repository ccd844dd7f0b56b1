package io.seire.query.read;

import io.seire.platform.eventstore.EventTable;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Answers read-your-writes: whether the project views reflect every project event up to a position. Works whichever
 * node runs which segment, because it reads only the database: every project and programme event up to the position
 * must have its row in {@code audit_entry}, which the views write in the same transaction as all their other rows. The
 * slowest segment's stored token bounds the search (segments that see no events of theirs store tokens lazily).
 */
public class ProjectionProgress {

    private final EventTable events;
    private final Serializer serializer;
    private final String processor;

    /** Reads the tokens and the audit view through {@code events}, the event store's one class (ADR 0044). */
    public ProjectionProgress(EventTable events, Serializer serializer, String processor) {
        this.events = events;
        this.serializer = serializer;
        this.processor = processor;
    }

    /**
     * Waits until the views reflect every event up to {@code position} (of one project, or of all projects when
     * {@code projectId} is null), or throws {@link ProjectionBehind} after the timeout.
     */
    public void await(long position, String projectId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long sleep = 1;
        while (!reached(position, projectId)) {
            if (System.nanoTime() > deadline) {
                throw new ProjectionBehind(position, Math.max(slowestToken(), 0));
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProjectionBehind(position, Math.max(slowestToken(), 0));
            }
            sleep = Math.min(sleep * 2, 20);
        }
    }

    /** Whether every project event up to the position has been handled (all projects). */
    public boolean reachedPosition(long position) {
        return reached(position, null);
    }

    boolean reached(long position, String projectId) {
        long processed = slowestToken();
        if (processed >= position) {
            return true;
        }
        return events.audited(processed, position, projectId);
    }

    /** The highest position every segment has stored as done (-1 when a segment has not started). */
    public long slowestToken() {
        return handled().slowest();
    }

    /**
     * Which positions every segment has stored as handled: at or below the slowest segment's index and in no
     * segment's gaps. A segment that has not started makes it {@link Handled#NOTHING}.
     */
    public Handled handled() {
        List<TrackingToken> tokens = events.tokens(processor).stream()
                .map(t -> t.token() == null || t.tokenType() == null ? null : (TrackingToken) serializer.deserialize(
                        new SimpleSerializedObject<>(t.token(), byte[].class, t.tokenType(), null)))
                .toList();
        if (tokens.isEmpty()) {
            return Handled.NOTHING;
        }
        long index = Long.MAX_VALUE;
        java.util.TreeSet<Long> gaps = new java.util.TreeSet<>();
        for (TrackingToken token : tokens) {
            TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (!(lower instanceof GapAwareTrackingToken gapAware)) {
                return Handled.NOTHING;
            }
            index = Math.min(index, gapAware.getIndex());
            gaps.addAll(gapAware.getGaps());
        }
        return new Handled(index, java.util.Collections.unmodifiableSortedSet(gaps.headSet(index, true)));
    }

    /** The positions every segment has handled: up to {@code index}, except the {@code gaps} below it. */
    public record Handled(long index, java.util.SortedSet<Long> gaps) {

        public static final Handled NOTHING = new Handled(-1, java.util.Collections.emptySortedSet());

        public boolean contains(long position) {
            return position <= index && !gaps.contains(position);
        }

        /** The highest position up to which every position is handled. */
        public long slowest() {
            return gaps.isEmpty() ? index : Math.min(index, gaps.first() - 1);
        }
    }
}
