package io.seire.query.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
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
 * segment's events are handled in order by that segment's thread, in batches of the processor's size, through the
 * processor's handler interceptors, in a unit of work and transaction as the processor's are (at most as many
 * transactions at once as the processor has threads), and each batch stores the segment's token in its transaction.
 *
 * <p>What a crash or a failure leaves is what the processor would leave: every segment's stored token covers exactly
 * the events its committed batches handled. A segment with nothing of its own is moved on by markers the reader puts in
 * every queue each batch's worth of events, and an idle segment extends its claim every third of the claim timeout.
 * On a failure or an interrupt the replay stops every thread before it returns; the processor then goes on from the
 * stored tokens and deals with the failing event its own way.
 *
 * <p>Unlike the processor's replay, events carry their plain tokens, not replay tokens: no projection may refuse a
 * replay ({@code @DisallowReplay}; {@code ArchitectureTest} holds to that).
 */
public class RebuildReplay {

    private static final Logger log = LoggerFactory.getLogger(RebuildReplay.class);

    /** Where the replay's events come from and its tokens go, and what handles the events. */
    public record Source(EventStorageEngine events, TokenStore tokens, TransactionManager transactions,
                         String processor, EventHandlerInvoker invoker,
                         List<? extends MessageHandlerInterceptor<? super EventMessage<?>>> interceptors,
                         SequencingPolicy<? super EventMessage<?>> sequencing) {
    }

    /**
     * How the replay runs: events per batch, transactions at once, the claim timeout, and how to bound a token
     * write's wait for its row in the current transaction ({@code sql} runs a statement there; a no-op for a token
     * store outside PostgreSQL).
     */
    public record Settings(int batchSize, int threads, Duration claimTimeout, Consumer<String> sql) {
    }

    private final Source source;
    private final Settings settings;
    private final Semaphore transactionsAtOnce;
    /** Runs in each batch's transaction before its events are handled; tests use it to fail there. */
    private Runnable beforeBatch = () -> { };

    public RebuildReplay(Source source, Settings settings) {
        this.source = source;
        this.settings = settings;
        this.transactionsAtOnce = new Semaphore(Math.max(1, settings.threads()));
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
     * token stands at the last event read. Every thread it started has ended when it returns or throws.
     *
     * @throws InterruptedException when interrupted; the tokens are as the committed batches left them
     */
    public Outcome replay(Map<Integer, TrackingToken> resetTo, long head, LongConsumer handled)
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
            // where the reset left the segment (the start of its replay); the reader begins at the earliest of them
            TrackingToken from = WrappedToken.unwrapLowerBound(resetTo.get(id));
            start = workers.isEmpty() ? from : start == null || from == null ? null : start.lowerBound(from);
            workers.add(new Worker(Segment.computeSegment(id, ids), from, failure, count, handled));
        }
        workers.forEach(Thread::start);
        TrackingToken last = start;
        boolean interrupted = false;
        try (Stream<? extends TrackedEventMessage<?>> stream = source.events().readEvents(start, false)) {
            var it = stream.iterator();
            long sinceMarker = 0;
            while (failure.get() == null && it.hasNext()) {
                TrackedEventMessage<?> event = it.next();
                if (event.trackingToken().position().orElse(Long.MAX_VALUE) > head) {
                    break; // the processor projects what came after the rebuild started
                }
                last = event.trackingToken();
                Worker own = workerOf(workers, event);
                if (own.needs(last)) {
                    deserialize(event);
                    own.put(new Queued(event, last));
                }
                if (++sinceMarker >= settings.batchSize()) {
                    sinceMarker = 0;
                    for (Worker worker : workers) {
                        if (worker != own && worker.needs(last)) {
                            worker.put(new Queued(null, last));
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            failure.compareAndSet(null, e);
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        } finally {
            interrupted |= stop(workers, failure);
        }
        if (failure.get() == null && last != null) {
            // every queue is handled: every segment's token moves to the last event read
            TrackingToken end = last;
            try {
                source.transactions().executeInTransaction(() -> {
                    limitLockWaits();
                    for (Worker worker : workers) {
                        if (worker.needs(end)) {
                            source.tokens().storeToken(end, source.processor(), worker.segment.getSegmentId());
                        }
                    }
                });
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e); // each segment's own batches stored its token: the processor goes on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedException("The rebuild's replay was interrupted after " + count.get() + " events");
        }
        return new Outcome(count.get(), failure.get());
    }

    private Worker workerOf(List<Worker> workers, EventMessage<?> event) {
        int hash = Objects.hashCode(Objects.requireNonNullElseGet(source.sequencing().getSequenceIdentifierFor(event),
                event::getIdentifier));
        for (Worker worker : workers) {
            if (worker.segment.matches(hash)) {
                return worker;
            }
        }
        throw new IllegalStateException("No segment matches " + hash + ": the segments do not cover every hash");
    }

    /**
     * Ends every worker: after the last item when all went well, at once otherwise. Waits for each to end, even when
     * interrupted meanwhile; says whether it was.
     */
    private static boolean stop(List<Worker> workers, AtomicReference<Throwable> failure) {
        boolean interrupted = Thread.interrupted();
        if (failure.get() == null) {
            for (Worker worker : workers) {
                try {
                    worker.put(Queued.END);
                } catch (InterruptedException e) {
                    interrupted = true;
                    failure.compareAndSet(null, e);
                    break;
                }
            }
        }
        if (failure.get() != null) {
            workers.forEach(Thread::interrupt);
        }
        for (Worker worker : workers) {
            while (true) {
                try {
                    worker.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    failure.compareAndSet(null, e);
                    workers.forEach(Thread::interrupt);
                }
            }
        }
        return interrupted;
    }

    /**
     * Reads the event's payload and metadata from their JSON here, on the reader's thread, where the handlers would
     * otherwise do it on the segment's: the segment holding a large project's history is the replay's longest path,
     * and the reader has time to spare. Only payloads some handler takes (Axon's processor never reads the others).
     */
    private void deserialize(TrackedEventMessage<?> event) {
        if (source.invoker().canHandleType(event.getPayloadType())) {
            event.getPayload();
        }
        event.getMetaData();
    }

    /** A token write waits for its row at most the claim timeout: a node holding the row took the segment over. */
    private void limitLockWaits() {
        settings.sql().accept("SET LOCAL lock_timeout = '" + settings.claimTimeout().toMillis() + "ms'");
    }

    private void unlimitLockWaits() {
        settings.sql().accept("SET LOCAL lock_timeout TO DEFAULT");
    }

    /** An event for a segment, or a marker (no event) moving its token, or the end. */
    private record Queued(TrackedEventMessage<?> event, TrackingToken token) {
        static final Queued END = new Queued(null, null);
    }

    /** One segment's thread: its events in order, a batch per transaction, its token stored with each. */
    private final class Worker extends Thread {

        final Segment segment;
        /** The segment's token as the reset left it: events it covers were handled before. */
        private final TrackingToken from;
        private final BlockingQueue<Queued> queue = new ArrayBlockingQueue<>(2 * settings.batchSize() + 2);
        private final AtomicReference<Throwable> failure;
        private final AtomicLong count;
        private final LongConsumer handled;
        private TrackingToken stored;
        private long storedAt = System.nanoTime();

        Worker(Segment segment, TrackingToken from, AtomicReference<Throwable> failure, AtomicLong count,
               LongConsumer handled) {
            super("seire-rebuild-" + source.processor() + "-" + segment.getSegmentId());
            setDaemon(true);
            this.segment = segment;
            this.from = from;
            this.failure = failure;
            this.count = count;
            this.handled = handled;
        }

        /** Whether the segment's replay has yet to reach this token (its reset token does not cover it). */
        boolean needs(TrackingToken token) {
            return from == null || !from.covers(token);
        }

        /** Queues an item, waiting while the queue is full, unless this thread has ended or the replay failed. */
        void put(Queued item) throws InterruptedException {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (!isAlive() || failure.get() != null) {
                    return;
                }
            }
        }

        @Override
        public void run() {
            List<TrackedEventMessage<?>> batch = new ArrayList<>(settings.batchSize());
            long extendEvery = Math.max(1, settings.claimTimeout().toMillis() / 3);
            try {
                while (failure.get() == null) {
                    Queued item = queue.poll(extendEvery, TimeUnit.MILLISECONDS);
                    if (item == null) {
                        inTransaction(() -> {
                            limitLockWaits();
                            source.tokens().extendClaim(source.processor(), segment.getSegmentId());
                        });
                        continue;
                    }
                    TrackingToken token = null;
                    boolean end = false;
                    while (item != null) {
                        if (item == Queued.END) {
                            end = true;
                            break;
                        }
                        token = item.token();
                        if (item.event() != null) {
                            batch.add(item.event());
                        }
                        Queued next = queue.peek();
                        // events that share a token (one stored event upcast into several) stay in one batch
                        if (batch.size() >= settings.batchSize()
                                && (next == null || next == Queued.END || !token.equals(next.token()))) {
                            break;
                        }
                        item = queue.poll();
                    }
                    if (failure.get() != null) {
                        return;
                    }
                    if (!batch.isEmpty()) {
                        handle(batch, token);
                        report(count.addAndGet(batch.size()));
                        batch.clear();
                    } else if (token != null && !token.equals(stored)
                            && System.nanoTime() - storedAt > TimeUnit.SECONDS.toNanos(1)) {
                        TrackingToken moved = token;
                        inTransaction(() -> storeToken(moved));
                    }
                    if (end) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, e);
            } catch (Throwable e) {
                if (failure.compareAndSet(null, e)) {
                    log.warn("The rebuild's replay of segment {} stopped: {}", segment.getSegmentId(), e.toString());
                }
            }
        }

        private void report(long replayed) {
            try {
                handled.accept(replayed);
            } catch (RuntimeException e) {
                log.debug("A progress report failed", e); // the batch is committed: the replay goes on
            }
        }

        private void inTransaction(Runnable work) throws InterruptedException {
            transactionsAtOnce.acquire();
            try {
                source.transactions().executeInTransaction(work);
            } finally {
                transactionsAtOnce.release();
            }
        }

        private void handle(List<TrackedEventMessage<?>> batch, TrackingToken token) throws Exception {
            transactionsAtOnce.acquire();
            try {
                UnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(batch));
                unitOfWork.attachTransaction(source.transactions());
                unitOfWork.onPrepareCommit(u -> storeToken(token));
                boolean[] first = {true};
                ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                    if (first[0]) {
                        first[0] = false;
                        beforeBatch.run();
                    }
                    return new DefaultInterceptorChain<>(unitOfWork, source.interceptors(), message -> {
                        source.invoker().handle(message, segment);
                        return null;
                    }).proceed();
                }, RollbackConfigurationType.ANY_THROWABLE);
                if (result.isExceptional()) {
                    Throwable cause = result.exceptionResult();
                    throw cause instanceof Exception e ? e : new IllegalStateException(cause);
                }
            } finally {
                transactionsAtOnce.release();
            }
        }

        /** Stores the token in the current transaction, its row's lock waited for at most the claim timeout. */
        private void storeToken(TrackingToken token) {
            limitLockWaits();
            source.tokens().storeToken(token, source.processor(), segment.getSegmentId());
            unlimitLockWaits(); // the batch's own writes follow at commit: they wait as any other
            stored = token;
            storedAt = System.nanoTime();
        }
    }
}
