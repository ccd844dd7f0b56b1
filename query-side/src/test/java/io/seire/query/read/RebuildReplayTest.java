package io.seire.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rebuild's own replay (ADR 0053), on Axon's in-memory event and token stores, with small batches so that every
 * segment has many: each event is handled once, by its own segment, in its project's order; a failure leaves each
 * segment's token covering exactly what it committed; an interrupt ends every thread it started.
 */
@Timeout(60)
class RebuildReplayTest {

    private static final String PROCESSOR = "replay-test";
    private static final int SEGMENTS = 4;

    private final InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final Recorder handlers = new Recorder();

    /** {@code projects} projects' events, interleaved as writes arrive: each project's first, then each one's second… */
    private void history(int projects, int eachProject) {
        List<EventMessage<?>> all = new ArrayList<>();
        for (int sequence = 0; sequence < eachProject; sequence++) {
            for (int p = 0; p < projects; p++) {
                all.add(new GenericDomainEventMessage<>("Project", "P" + p, sequence, "event " + sequence));
            }
        }
        events.appendEvents(all);
    }

    /** The segments' tokens as a reset leaves them (here: nothing handled yet), claimed by this node. */
    private Map<Integer, TrackingToken> segments() {
        if (tokens.fetchSegments(PROCESSOR).length == 0) {
            tokens.initializeTokenSegments(PROCESSOR, SEGMENTS);
        }
        Map<Integer, TrackingToken> at = new TreeMap<>();
        for (int segment : tokens.fetchSegments(PROCESSOR)) {
            at.put(segment, tokens.fetchToken(PROCESSOR, segment));
        }
        return at;
    }

    private RebuildReplay replay(int batchSize, int threads) {
        return new RebuildReplay(
                new RebuildReplay.Source(events, tokens, NoTransactionManager.INSTANCE, PROCESSOR, handlers, List.of(),
                        SequentialPerAggregatePolicy.instance()),
                new RebuildReplay.Settings(batchSize, threads, Duration.ofSeconds(10), sql -> { }));
    }

    /** The segment a project's events belong to (the processor's rule: the project's hash against the masks). */
    private static int segmentOf(String project, Map<Integer, TrackingToken> segments) {
        int[] ids = segments.keySet().stream().mapToInt(Integer::intValue).toArray();
        for (int id : ids) {
            if (Segment.computeSegment(id, ids).matches(Objects.hashCode(project))) {
                return id;
            }
        }
        throw new IllegalStateException(project);
    }

    /** Where the project's events are stored, in order. */
    private List<Long> positions(String project) {
        return events.readEvents(null, false)
                .filter(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier().equals(project))
                .map(e -> e.trackingToken().position().orElseThrow()).toList();
    }

    private long head() {
        return events.createHeadToken().position().orElseThrow();
    }

    @Test
    void every_event_is_handled_once_by_its_own_segment_in_its_projects_order_and_every_segment_ends_at_the_last()
            throws Exception {
        history(7, 40);

        RebuildReplay.Outcome outcome = replay(3, 2).replay(segments(), head(), n -> { });

        assertThat(outcome.complete()).as(String.valueOf(outcome.failure())).isTrue();
        assertThat(outcome.handled()).isEqualTo(280);
        for (int p = 0; p < 7; p++) {
            assertThat(handlers.committedSequences("P" + p)).as("P" + p)
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 40).boxed().toList());
        }
        assertThat(handlers.wrongSegment).as("events given to a segment that is not theirs").isZero();
        assertThat(handlers.segmentsUsed()).as("the projects spread over several segments").hasSizeGreaterThan(1);
        for (int segment : tokens.fetchSegments(PROCESSOR)) {
            assertThat(tokens.fetchToken(PROCESSOR, segment).position()).as("segment " + segment)
                    .hasValue(head());
        }
        assertThat(handlers.mostAtOnce.get()).as("batches in progress at once, with 2 threads").isBetween(1, 2);
    }

    @Test
    void one_thread_means_one_batch_at_a_time() throws Exception {
        history(5, 20);

        assertThat(replay(2, 1).replay(segments(), head(), n -> { }).complete()).isTrue();

        assertThat(handlers.mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void a_failing_batch_stops_the_replay_and_each_token_covers_exactly_what_its_segment_committed() throws Exception {
        history(6, 50);
        handlers.failOn = e -> e.getAggregateIdentifier().equals("P3") && e.getSequenceNumber() == 30;

        RebuildReplay.Outcome first = replay(4, 4).replay(segments(), head(), n -> { });

        assertThat(first.complete()).isFalse();
        assertThat(first.failure()).hasMessageContaining("P3 fails at 30");
        assertThat(handlers.committedSequences("P3")).as("P3's batches before the failing one")
                .isNotEmpty().allSatisfy(s -> assertThat(s).isLessThan(30));
        Map<Integer, TrackingToken> left = segments();
        for (int p = 0; p < 6; p++) {
            String project = "P" + p;
            long covered = left.get(segmentOf(project, left)).position().orElse(-1);
            assertThat(handlers.committedPositions(project)).as(project + ": committed = stored up to its token")
                    .containsExactlyElementsOf(positions(project).stream().filter(x -> x <= covered).toList());
        }

        // what the processor does after a failure, here by a second replay: go on from the stored tokens
        handlers.failOn = e -> false;
        RebuildReplay.Outcome second = replay(4, 4).replay(left, head(), n -> { });

        assertThat(second.complete()).isTrue();
        for (int p = 0; p < 6; p++) {
            assertThat(handlers.committedSequences("P" + p)).as("P" + p + " handled once each, in order")
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 50).boxed().toList());
        }
    }

    @Test
    void an_interrupted_replay_ends_every_thread_it_started_before_it_returns() throws Exception {
        history(4, 10);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        handlers.block = () -> {
            blocked.countDown();
            never.await();
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Map<Integer, TrackingToken> from = segments();
        Thread rebuild = new Thread(() -> {
            try {
                replay(2, 4).replay(from, head(), n -> { });
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "rebuild");
        rebuild.start();
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();

        rebuild.interrupt();
        rebuild.join(10_000);

        assertThat(rebuild.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                t -> t.getName().startsWith("seire-rebuild-" + PROCESSOR) && t.isAlive());
    }

    /** Handlers that note what each committed batch handled, in which segment, and how many batches ran at once. */
    static final class Recorder implements EventHandlerInvoker {

        interface Block {
            void run() throws InterruptedException;
        }

        volatile Predicate<DomainEventMessage<?>> failOn = e -> false;
        volatile Block block = () -> { };
        final Map<String, List<long[]>> committed = new ConcurrentHashMap<>();
        final Map<String, Integer> segments = new ConcurrentHashMap<>();
        final AtomicInteger atOnce = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        volatile int wrongSegment;

        @Override
        public boolean canHandle(EventMessage<?> event, Segment segment) {
            return segment.matches(Objects.hashCode(((DomainEventMessage<?>) event).getAggregateIdentifier()));
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return true;
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) throws Exception {
            DomainEventMessage<?> event = (DomainEventMessage<?>) message;
            if (!canHandle(event, segment)) {
                wrongSegment++;
                return;
            }
            block.run();
            UnitOfWork<?> unit = CurrentUnitOfWork.get();
            List<long[]> batch = unit.getOrComputeResource("recorded", k -> {
                mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                List<long[]> pending = new ArrayList<>();
                unit.afterCommit(u -> pending.forEach(e -> committed.computeIfAbsent(String.valueOf(e[2]),
                        x -> java.util.Collections.synchronizedList(new ArrayList<>())).add(e)));
                unit.onCleanup(u -> atOnce.decrementAndGet());
                return pending;
            });
            if (failOn.test(event)) {
                throw new IllegalStateException(event.getAggregateIdentifier() + " fails at " + event.getSequenceNumber());
            }
            segments.put(event.getAggregateIdentifier(), segment.getSegmentId());
            long position = ((TrackedEventMessage<?>) event).trackingToken().position().orElseThrow();
            batch.add(new long[]{event.getSequenceNumber(), position, project(event.getAggregateIdentifier())});
        }

        private static long project(String id) {
            return Long.parseLong(id.substring(1));
        }

        private List<long[]> of(String project) {
            return committed.getOrDefault(String.valueOf(project(project)), List.of());
        }

        List<Long> committedSequences(String project) {
            return of(project).stream().map(e -> e[0]).toList();
        }

        List<Long> committedPositions(String project) {
            return of(project).stream().map(e -> e[1]).toList();
        }

        java.util.Set<Integer> segmentsUsed() {
            return new java.util.HashSet<>(segments.values());
        }
    }
}
