package io.seire.query.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replay of a rebuild, fed to the projections' handlers without Axon's pooled processor (ADR 0053).
 *
 * <p>Axon 4's pooled processor hands every event to every segment's work package: each package queues it, counts its
 * queue, asks every handler whether it could handle it, and skips it. That cost grows with the segments a node holds
 * (with 4 segments a rebuilt event cost the JVM about twice what it cost with 1, docs/PERFORMANCE.md). This replay
 * reads the stored events once, in order, and puts each only in the queue of the one segment its sequence belongs to
 * (the processor's own rule: the sequencing policy's identifier, hashed, matched against the segment's mask). Each
 * segment's events are handled in order by that segment's thread, in batches of the processor's size, in a unit of
 * work and transaction as the processor's are, and each batch stores the segment's token in its own transaction.
 *
 * <p>What a crash or a failure leaves is what the processor would leave: every segment's stored token covers exactly
 * the events its committed batches handled (a segment with nothing of its own is moved on by markers the reader puts
 * in every queue each batch's worth of events, which also keep its claim alive). On a failure the replay stops and
 * says so; the processor then goes on from the stored tokens and deals with the failing event its own way.
 */
public class RebuildReplay {

    private static final Logger log = LoggerFactory.getLogger(RebuildReplay.class);

    /** How long a worker waits for its token row (another node holding it has taken the segments over). */
    static final String LOCK_TIMEOUT = "10s";

    private final EventStorageEngine events;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final String processor;
    private final EventHandlerInvoker invoker;
    private final SequencingPolicy<? super EventMessage<?>> sequencing;
    private final int batchSize;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    /** Runs in each batch's transaction before its events are handled; tests use it to fail there. */
    private Runnable beforeBatch = () -> { };

    public RebuildReplay(EventStorageEngine events, TokenStore tokens, TransactionManager transactions,
                         org.springframework.jdbc.core.simple.JdbcClient jdbc, String processor,
                         EventHandlerInvoker invoker, SequencingPolicy<? super EventMessage<?>> sequencing,
                         int batchSize) {
        this.events = events;
        this.tokens = tokens;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.processor = processor;
        this.invoker = invoker;
        this.sequencing = sequencing;
        this.batchSize = batchSize;
    }

    RebuildReplay beforeBatch(Runnable hook) {
        this.beforeBatch = hook;
        return this;
    }

    /** How a replay ended: complete up to the head, or stopped by {@code failure} with the tokens as they were left. */
    public record Outcome(long handled, Throwable failure) {
        public boolean complete() {
            return failure == null;
        }
    }

    /**
     * Replays every stored event up to position {@code head}, each segment from the token the reset left it
     * ({@code resetTo}, read in the reset's transaction: the processor is shut down and this node holds the claims),
     * calling {@code handled} with the number of events replayed so far as batches commit. On success every segment's
     * token stands at the last event read.
     */
    public Outcome replay(java.util.Map<Integer, TrackingToken> resetTo, long head, LongConsumer handled)
            throws InterruptedException {
        if (resetTo.isEmpty()) {
            return new Outcome(0, null);
        }
        int[] ids = resetTo.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong count = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        TrackingToken start = null;
        for (int id : ids) {
            // where the reset left the segment (the start of its replay); the reader begins at the earliest
            TrackingToken from = WrappedToken.unwrapLowerBound(resetTo.get(id));
            Worker worker = new Worker(Segment.computeSegment(id, ids), from, failure, count, handled);
            start = workers.isEmpty() || (start != null && (from == null || start.covers(from))) ? from : start;
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        TrackingToken last = start;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(start, false)) {
            var it = stream.iterator();
            long sinceMarker = 0;
            while (failure.get() == null && it.hasNext()) {
                TrackedEventMessage<?> event = it.next();
                if (event.trackingToken().position().orElse(Long.MAX_VALUE) > head) {
                    break; // the processor projects what came after the rebuild started
                }
                last = event.trackingToken();
                int hash = Objects.hashCode(Objects.requireNonNullElseGet(sequencing.getSequenceIdentifierFor(event),
                        event::getIdentifier));
                for (Worker worker : workers) {
                    if (worker.segment.matches(hash)) {
                        if (worker.from == null || !worker.from.covers(last)) {
                            worker.offer(new Item(event, last), failure);
                        }
                        break;
                    }
                }
                if (++sinceMarker >= batchSize) {
                    sinceMarker = 0;
                    for (Worker worker : workers) {
                        if (worker.from == null || !worker.from.covers(last)) {
                            worker.offer(new Item(null, last), failure);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            for (Worker worker : workers) {
                worker.offer(Item.END, failure);
            }
            for (Worker worker : workers) {
                worker.finish();
            }
        }
        if (failure.get() == null && last != null) {
            // every queue is handled: every segment's token moves to the last event read
            TrackingToken end = last;
            try {
                transactions.executeInTransaction(() -> {
                    for (Worker worker : workers) {
                        if (worker.from == null || !worker.from.covers(end)) {
                            tokens.storeToken(end, processor, worker.segment.getSegmentId());
                        }
                    }
                });
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e); // each segment's own batches stored its token: the processor goes on
            }
        }
        return new Outcome(count.get(), failure.get());
    }

    /** An event for a segment, or a marker (no event) moving its token, or the end. */
    private record Item(TrackedEventMessage<?> event, TrackingToken token) {
        static final Item END = new Item(null, null);
    }

    /** One segment's thread: its events in order, a batch per transaction, its token stored with each. */
    private final class Worker extends Thread {

        final Segment segment;
        /** The segment's token as the reset left it: events it covers were handled before. */
        final TrackingToken from;
        private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(2 * batchSize + 2);
        private final AtomicReference<Throwable> failure;
        private final AtomicLong count;
        private final LongConsumer handled;
        private TrackingToken stored;
        private long storedAt = System.nanoTime();

        Worker(Segment segment, TrackingToken from, AtomicReference<Throwable> failure, AtomicLong count,
               LongConsumer handled) {
            super("seire-rebuild-" + processor + "-" + segment.getSegmentId());
            setDaemon(true);
            this.segment = segment;
            this.from = from;
            this.failure = failure;
            this.count = count;
            this.handled = handled;
        }

        /** Queues an item, waiting while the queue is full unless the replay failed meanwhile. */
        void offer(Item item, AtomicReference<Throwable> failed) {
            try {
                while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    if (failed.get() != null && item != Item.END) {
                        return;
                    }
                    if (!isAlive()) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.compareAndSet(null, e);
            }
        }

        @Override
        public void run() {
            List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
            try {
                while (true) {
                    Item item = queue.take();
                    TrackingToken token = null;
                    boolean end = false;
                    while (item != null) {
                        if (item == Item.END) {
                            end = true;
                            break;
                        }
                        token = item.token();
                        if (item.event() != null) {
                            batch.add(item.event());
                            if (batch.size() >= batchSize) {
                                break;
                            }
                        }
                        item = queue.poll();
                    }
                    if (failure.get() != null) {
                        return;
                    }
                    if (!batch.isEmpty()) {
                        handle(batch, token);
                        count.addAndGet(batch.size());
                        handled.accept(count.get());
                        batch.clear();
                    } else if (token != null && !token.equals(stored)
                            && System.nanoTime() - storedAt > TimeUnit.SECONDS.toNanos(1)) {
                        TrackingToken moved = token;
                        transactions.executeInTransaction(() -> storeToken(moved));
                    }
                    if (end) {
                        return;
                    }
                }
            } catch (Throwable e) {
                if (failure.compareAndSet(null, e)) {
                    log.warn("The rebuild's replay of segment {} stopped: {}", segment.getSegmentId(), e.toString());
                }
            }
        }

        private void handle(List<TrackedEventMessage<?>> batch, TrackingToken token) throws Exception {
            UnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(batch));
            unitOfWork.attachTransaction(transactions);
            unitOfWork.onPrepareCommit(u -> storeToken(token));
            boolean[] first = {true};
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                if (first[0]) {
                    first[0] = false;
                    beforeBatch.run();
                }
                invoker.handle(unitOfWork.getMessage(), segment);
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                Throwable cause = result.exceptionResult();
                throw cause instanceof Exception e ? e : new IllegalStateException(cause);
            }
        }

        private void storeToken(TrackingToken token) {
            // a node that holds the token row took the segment over: do not wait for it for ever
            jdbc.sql("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'").update();
            tokens.storeToken(token, processor, segment.getSegmentId());
            stored = token;
            storedAt = System.nanoTime();
        }

        /** Waits for the thread to end. */
        void finish() {
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
