package io.seire.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.platform.eventstore.EventChain;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a chain walk, on rows held in memory: what it accepts, and where it says history was tampered with. */
class ChainWalkTest {

    private static final java.util.function.LongPredicate NOTHING_HANDLED = p -> false;

    /** A project's events at the given positions, sequences 0, 1, 2, … */
    private static List<EventChain.StoredEvent> events(long... positions) {
        List<EventChain.StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            events.add(event(positions[i], i, "{\"amount\":\"" + (100 + i) + ".00\"}"));
        }
        return events;
    }

    private static EventChain.StoredEvent event(long position, long sequence, String payload) {
        return new EventChain.StoredEvent(position, "event-" + position, "P-1", sequence, "Project",
                "2025-01-01T00:00:00Z", "io.seire.kernel.finance.ExpenditureRecorded", "1",
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** The chain Seire's projection would have written for these events. */
    private static List<ChainWalk.Link> links(List<EventChain.StoredEvent> events) {
        List<ChainWalk.Link> links = new ArrayList<>();
        String head = EventChain.GENESIS;
        for (EventChain.StoredEvent e : events) {
            head = EventChain.link(head, e);
            links.add(new ChainWalk.Link(e.position(), e.sequence(), head));
        }
        return links;
    }

    private static <T> ChainWalk.Cursor<T> cursor(List<T> rows) {
        Iterator<T> it = rows.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    /** Walks with every position up to {@code handledUpTo} handled by the projections. */
    private static ChainVerification walk(long handledUpTo, List<ChainWalk.Pin> pins, List<EventChain.StoredEvent> events,
                                          List<ChainWalk.Link> links) throws SQLException {
        return walk(p -> p <= handledUpTo, pins, events, links);
    }

    private static ChainVerification walk(java.util.function.LongPredicate handled, List<ChainWalk.Pin> pins,
                                          List<EventChain.StoredEvent> events, List<ChainWalk.Link> links)
            throws SQLException {
        return new ChainWalk(handled, pins).walk(cursor(events), cursor(links));
    }

    @Test
    void every_event_with_its_own_link_in_order_verifies() throws SQLException {
        List<EventChain.StoredEvent> events = events(3, 7, 8, 20);
        List<ChainWalk.Link> links = links(events);
        ChainVerification v = walk(20, List.of(), events, links);
        assertThat(v.valid()).as(v.toString()).isTrue();
        assertThat(v.events()).isEqualTo(4);
        assertThat(v.position()).isEqualTo(20);
        assertThat(v.head()).isEqualTo(links.get(3).hash());
        assertThat(v.pending()).isZero();
    }

    @Test
    void an_event_without_a_chain_row_at_a_handled_position_was_not_recorded_through_seire() throws SQLException {
        List<EventChain.StoredEvent> events = events(3, 7, 8, 20);
        List<ChainWalk.Link> links = links(events).subList(0, 3); // position 20 forged into the event table
        ChainVerification v = walk(25, List.of(), events, links);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenPosition()).isEqualTo(20);
        assertThat(v.problem()).contains("never linked").contains("not recorded through Seire");
        assertThat(v.events()).isEqualTo(3);
        assertThat(v.position()).isEqualTo(8);
    }

    @Test
    void an_event_without_a_chain_row_at_a_position_not_yet_handled_is_pending() throws SQLException {
        List<EventChain.StoredEvent> events = events(3, 7, 8, 20, 21);
        List<ChainWalk.Link> links = links(events).subList(0, 3);
        ChainVerification v = walk(19, List.of(), events, links);
        assertThat(v.valid()).as(v.toString()).isTrue();
        assertThat(v.events()).isEqualTo(3);
        assertThat(v.pending()).isEqualTo(2);
        assertThat(v.head()).isEqualTo(links.get(2).hash());
    }

    @Test
    void with_nothing_known_to_be_handled_no_unlinked_event_at_the_end_is_blamed() throws SQLException {
        List<EventChain.StoredEvent> events = events(3, 7);
        ChainVerification v = walk(NOTHING_HANDLED, List.of(), events, links(events).subList(0, 1));
        assertThat(v.valid()).isTrue();
        assertThat(v.pending()).isEqualTo(1);
    }

    @Test
    void a_linked_event_after_an_unlinked_one_is_broken_at_the_unlinked_one_even_if_nothing_is_handled() throws SQLException {
        List<EventChain.StoredEvent> events = events(3, 7, 8);
        List<ChainWalk.Link> links = new ArrayList<>(links(events));
        links.remove(1);
        ChainVerification v = walk(NOTHING_HANDLED, List.of(), events, links);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenPosition()).isEqualTo(7);
        assertThat(v.problem()).contains("has no chain row");
    }

    @Test
    void a_chain_row_without_its_event_is_broken_at_its_position_even_at_the_end() throws SQLException {
        List<EventChain.StoredEvent> events = events(3, 7, 8);
        List<ChainWalk.Link> links = links(events);
        ChainVerification v = walk(8, List.of(), events.subList(0, 2), links);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenPosition()).isEqualTo(8);
        assertThat(v.problem()).contains("missing from the event store");
    }

    @Test
    void a_chain_row_for_another_event_of_the_project_is_broken() throws SQLException {
        List<EventChain.StoredEvent> events = events(3, 7);
        List<ChainWalk.Link> links = new ArrayList<>(links(events));
        links.set(1, new ChainWalk.Link(7, 5, links.get(1).hash()));
        ChainVerification v = walk(8, List.of(), events, links);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenPosition()).isEqualTo(7);
    }

    @Test
    void a_changed_event_is_broken_at_its_position() throws SQLException {
        List<EventChain.StoredEvent> events = new ArrayList<>(events(3, 7, 8));
        List<ChainWalk.Link> links = links(events);
        events.set(1, event(7, 1, "{\"amount\":\"999.00\"}"));
        ChainVerification v = walk(8, List.of(), events, links);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenPosition()).isEqualTo(7);
        assertThat(v.problem()).contains("differs");
    }

    @Test
    void a_pinned_head_that_is_still_the_chain_at_its_position_verifies() throws SQLException {
        List<EventChain.StoredEvent> events = events(3, 7, 8);
        List<ChainWalk.Link> links = links(events);
        ChainVerification v = walk(8, List.of(new ChainWalk.Pin(7, links.get(1).hash(), "report R-1"),
                new ChainWalk.Pin(3, links.get(0).hash(), "the kept head")), events, links);
        assertThat(v.valid()).as(v.toString()).isTrue();
    }

    @Test
    void a_consistently_recomputed_chain_passes_alone_but_not_against_a_head_kept_before() throws SQLException {
        List<EventChain.StoredEvent> events = new ArrayList<>(events(3, 7, 8));
        String kept = links(events).get(2).hash();
        events.set(1, event(7, 1, "{\"amount\":\"999.00\"}"));
        List<ChainWalk.Link> recomputed = links(events);

        assertThat(walk(8, List.of(), events, recomputed).valid()).isTrue();
        ChainVerification v = walk(8, List.of(new ChainWalk.Pin(8, kept, "the kept head")), events, recomputed);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenPosition()).isEqualTo(8);
        assertThat(v.problem()).contains("the kept head pinned the chain at position 8 with head " + kept)
                .contains("recomputed");
    }

    @Test
    void a_pin_beyond_the_end_of_the_chain_tells_that_its_tail_was_removed() throws SQLException {
        List<EventChain.StoredEvent> all = events(3, 7, 8, 20);
        String pinned = links(all).get(3).hash();
        List<EventChain.StoredEvent> truncated = all.subList(0, 2);
        ChainVerification v = walk(25, List.of(new ChainWalk.Pin(20, pinned, "report R-1")), truncated,
                links(truncated));
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenPosition()).isEqualTo(20);
        assertThat(v.problem()).contains("report R-1").contains("chain ends at position 7").contains("removed");
        assertThat(v.events()).isEqualTo(2);
    }

    @Test
    void a_pin_where_the_project_has_no_event_is_broken_at_the_pin() throws SQLException {
        List<EventChain.StoredEvent> events = events(3, 7, 8);
        List<ChainWalk.Link> links = links(events);
        ChainVerification v = walk(8, List.of(new ChainWalk.Pin(5, links.get(0).hash(), "the kept head")), events,
                links);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenPosition()).isEqualTo(5);
        assertThat(v.problem()).contains("holds no event of this project there");
    }

    @Test
    void of_several_broken_pins_the_first_position_is_answered() throws SQLException {
        List<EventChain.StoredEvent> events = events(3, 7, 8);
        List<ChainWalk.Link> links = links(events);
        String wrong = "f".repeat(64);
        ChainVerification v = walk(8, List.of(new ChainWalk.Pin(8, wrong, "report R-2"),
                new ChainWalk.Pin(7, wrong, "report R-1")), events, links);
        assertThat(v.firstBrokenPosition()).isEqualTo(7);
        assertThat(v.problem()).startsWith("report R-1");
    }

    @Test
    void an_unlinked_event_in_a_gap_the_views_still_wait_for_is_pending_not_forged() throws SQLException {
        List<EventChain.StoredEvent> events = events(3, 7, 8);
        List<ChainWalk.Link> links = links(events).subList(0, 2);
        assertThat(walk(p -> p <= 20 && p != 8, List.of(), events, links).valid()).isTrue();
        assertThat(walk(p -> p <= 20, List.of(), events, links).firstBrokenPosition()).isEqualTo(8);
    }
}
