package io.seire.query.audit;

import io.seire.platform.eventstore.EventChain;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Walks a project's stored events and its chain rows side by side, both in order of position, and recomputes the
 * chain: row for row, every event must have its chain row at the same position and every chain row its event, each
 * link must be the hash of the one before and the event's stored row, and every pinned head (a submitted report's,
 * a head the caller kept) must still be the chain at its position. Stops at the first position where they part.
 * Holds one event at a time: a project of a million events is walked in constant memory.
 *
 * <p>An event without a chain row is only tolerated at a position the projections have not handled yet: it is
 * waiting to be linked. At a handled position the chain has seen the event if Seire wrote it, so an event without a
 * link there was put in some other way (or its link was removed).
 */
final class ChainWalk {

    /** One row of {@code event_chain}. */
    record Link(long position, long sequence, String hash) {
    }

    /** A head someone holds on to: the chain at {@code position} must still be {@code head}. */
    record Pin(long position, String head, String holder) {
    }

    /** The next row in order of position, or null after the last. */
    @FunctionalInterface
    interface Cursor<T> {
        T next() throws SQLException;
    }

    private final LongPredicate handled;
    private final Deque<Pin> pins;

    private String head = EventChain.GENESIS;
    private long checked;
    private long lastPosition;

    /**
     * @param handled the positions the projections have handled (none known: no event is blamed for lacking its link)
     * @param pins    heads to check, in any order
     */
    ChainWalk(LongPredicate handled, List<Pin> pins) {
        this.handled = handled;
        this.pins = new ArrayDeque<>(pins.stream().sorted(Comparator.comparingLong(Pin::position)).toList());
    }

    ChainVerification walk(Cursor<EventChain.StoredEvent> events, Cursor<Link> links) throws SQLException {
        EventChain.StoredEvent event = events.next();
        Link link = links.next();
        long pending = 0;
        Long firstPending = null;
        while (event != null || link != null) {
            long at = link == null ? event.position() : event == null ? link.position()
                    : Math.min(event.position(), link.position());
            ChainVerification pinBefore = unmatchedPinBefore(at);
            if (pinBefore != null) {
                return pinBefore;
            }
            if (firstPending != null && link != null) {
                return broken(firstPending, "the event stored at position " + firstPending + " has no chain row, "
                        + "yet the chain links the later position " + link.position()
                        + ": the event was not recorded through Seire, or its chain row was removed");
            }
            if (event == null || link != null && link.position() < event.position()) {
                return broken(link.position(), "the event recorded in the chain at position " + link.position()
                        + " is missing from the event store");
            }
            if (link == null || event.position() < link.position()) {
                if (handled.test(event.position())) {
                    return broken(event.position(), "the event store holds an event at position " + event.position()
                            + " that the chain never linked, although the views have handled that position: it was "
                            + "not recorded through Seire, or its chain row was removed");
                }
                pending++;
                firstPending = firstPending == null ? event.position() : firstPending;
                event = events.next();
                continue;
            }
            if (link.sequence() != event.sequence()) {
                return broken(event.position(), "the chain row at position " + event.position() + " is for event "
                        + link.sequence() + " of the project, but the event stored there is event " + event.sequence());
            }
            String recomputed = EventChain.link(head, event);
            if (!recomputed.equals(link.hash())) {
                return broken(event.position(), "the stored event at position " + event.position()
                        + " differs from the one the chain recorded");
            }
            head = recomputed;
            checked++;
            lastPosition = event.position();
            ChainVerification pinned = pinsAt(lastPosition);
            if (pinned != null) {
                return pinned;
            }
            event = events.next();
            link = links.next();
        }
        if (!pins.isEmpty()) {
            Pin pin = pins.peekFirst();
            return broken(pin.position(), pin.holder() + " pinned the chain at position " + pin.position() + " (head "
                    + pin.head() + "), but the chain ends at position " + lastPosition
                    + ": events were removed from its end");
        }
        return ChainVerification.valid(checked, lastPosition, head, pending);
    }

    /** A pin below {@code position} the walk has passed without meeting an event of the project there. */
    private ChainVerification unmatchedPinBefore(long position) {
        Pin pin = pins.peekFirst();
        if (pin != null && pin.position() < position) {
            return broken(pin.position(), pin.holder() + " pinned the chain at position " + pin.position()
                    + ", but the chain holds no event of this project there: the event was removed, or the pinned "
                    + "head belongs to another project");
        }
        return null;
    }

    private ChainVerification pinsAt(long position) {
        while (!pins.isEmpty() && pins.peekFirst().position() == position) {
            Pin pin = pins.removeFirst();
            if (!pin.head().equals(head)) {
                return broken(position, pin.holder() + " pinned the chain at position " + position + " with head "
                        + pin.head() + ", but the chain there is now " + head + ": history up to that position was "
                        + "changed and the chain recomputed to match, or the head was never this project's");
            }
        }
        return null;
    }

    private ChainVerification broken(long position, String problem) {
        return ChainVerification.broken(checked, lastPosition, head, position, problem);
    }
}
