package io.seire.query.read;

import io.seire.platform.eventstore.EventTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every project view from the event store: stops the processor, empties the view tables, resets the
 * tokens and replays, reporting progress as it goes. The hash chain and the submitted report documents are kept:
 * they record what was seen and submitted then, and must not be recomputed from today's rows. Emptying the tables
 * and resetting the tokens is one transaction: if the process dies in between, nothing changed. Every other query
 * node must be stopped first: while one holds a claim on a segment the rebuild refuses to start. The replay is a
 * {@link BulkLoad} (ADR 0038).
 */
@Component
public class ProjectionRebuild {

    /** The tables the projections fill, in an order that truncation accepts. */
    public static final List<String> VIEW_TABLES = List.of("audit_entry", "programme", "project", "reporting_period",
            "sub_activity", "budget_line", "budget_line_revision", "indicator", "expenditure_version",
            "indicator_value_version", "activity_progress", "staff_position", "staffing_change", "spending_day",
            "work_plan_version", "work_plan_step", "reimbursement_request", "reimbursement_step");

    /** How far a rebuild has come. */
    public record Progress(long processed, long head, double eventsPerSecond, boolean done) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final EventTable eventTable;
    private final TransactionTemplate transactions;
    private final ProjectionProgress progress;
    private final Duration claimTimeout;
    private final BulkLoad bulk;
    private final String owner;
    private final org.axonframework.eventsourcing.eventstore.EventStorageEngine storage;
    private final org.axonframework.eventhandling.tokenstore.TokenStore tokenStore;
    private final org.axonframework.common.transaction.TransactionManager axonTransactions;
    private final int batchSize;
    private final int threads;
    private final org.springframework.jdbc.core.simple.JdbcClient client;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProjectionRebuild.class);
    /** Runs between emptying the tables and resetting the tokens; tests use it to die there. */
    private Runnable betweenTruncateAndReset = () -> { };

    public ProjectionRebuild(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                             TransactionTemplate transactions, ProjectionProgress progress,
                             @org.springframework.beans.factory.annotation.Value(
                                     "${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
                             BulkLoad bulk, io.seire.platform.eventstore.TokenOwner owner,
                             org.axonframework.eventsourcing.eventstore.EventStorageEngine storage,
                             org.axonframework.eventhandling.tokenstore.TokenStore tokenStore,
                             org.axonframework.common.transaction.TransactionManager axonTransactions,
                             org.springframework.jdbc.core.simple.JdbcClient client,
                             @org.springframework.beans.factory.annotation.Value(
                                     "${axon.eventhandling.processors.project-views.batch-size:1000}") int batchSize,
                             @org.springframework.beans.factory.annotation.Value(
                                     "${axon.eventhandling.processors.project-views.thread-count:4}") int threads) {
        this.owner = owner.name();
        this.storage = storage;
        this.tokenStore = tokenStore;
        this.axonTransactions = axonTransactions;
        this.batchSize = batchSize;
        this.threads = threads;
        this.client = client;
        this.processing = processing;
        this.jdbc = jdbc;
        this.eventTable = new EventTable(jdbc);
        this.transactions = transactions;
        this.progress = progress;
        this.claimTimeout = claimTimeout;
        this.bulk = bulk;
    }

    /** Refused: another node holds a claim on one of the processor's segments. */
    public static class ClaimedElsewhere extends IllegalStateException {
        public ClaimedElsewhere(String message) {
            super(message);
        }
    }

    void betweenTruncateAndReset(Runnable hook) {
        this.betweenTruncateAndReset = hook;
    }

    /** Runs in each of the replay's batch transactions before its events are handled; tests use it to fail there. */
    private Runnable beforeReplayBatch = () -> { };
    private volatile RebuildReplay.Outcome lastReplay;

    void beforeReplayBatch(Runnable hook) {
        this.beforeReplayBatch = hook;
    }

    /**
     * How the last rebuild's own replay ended (null before the first): complete, or stopped by a failure, after which
     * the processor went on from the stored tokens.
     */
    public RebuildReplay.Outcome lastReplay() {
        return lastReplay;
    }

    /**
     * Where the last rebuild's time went (null before the first): its own replay, the processor until every segment
     * stood at the head, and building the dropped indexes again.
     */
    public record Phases(Duration replay, Duration processor, Duration indexes) {
    }

    private volatile Phases lastPhases;

    public Phases lastPhases() {
        return lastPhases;
    }

    /** How often a rebuild looks whether the replay is done (its progress is reported every {@code every}). */
    static final Duration DONE_CHECK = Duration.ofMillis(20);

    /**
     * Resets and replays; returns once every event that existed at the start has been handled again, reporting the
     * progress every {@code every}. The end is noticed within {@link #DONE_CHECK}, not at the next report: waiting for
     * the report added up to {@code every} of idle time to the rebuild (docs/PERFORMANCE.md).
     */
    public Progress rebuild(Consumer<Progress> report, Duration every) throws InterruptedException {
        StreamingEventProcessor processor = processing.eventProcessor(Projections.GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + Projections.GROUP + " in this process"));
        processor.shutDown();
        long head = eventTable.head();
        long events = eventTable.count();
        java.util.Map<Integer, org.axonframework.eventhandling.TrackingToken> resetTo = new java.util.TreeMap<>();
        try {
            transactions.executeWithoutResult(s -> {
                refuseWhileClaimedElsewhere();
                jdbc.execute("TRUNCATE " + String.join(", ", VIEW_TABLES));
                bulk.begin();
                betweenTruncateAndReset.run();
                processor.resetTokens(); // joins this transaction: the token store uses its connection
                for (int segment : tokenStore.fetchSegments(Projections.GROUP)) {
                    // claimed for this node in this transaction, as the reset left them: where the replay starts
                    resetTo.put(segment, tokenStore.fetchToken(Projections.GROUP, segment));
                }
            });
        } catch (RuntimeException refusedOrFailed) {
            bulk.abandon();
            processor.start(); // nothing changed: go on projecting from where the views were
            throw refusedOrFailed;
        }
        long started = System.nanoTime();
        RebuildReplay.Outcome replayed;
        try {
            replayed = replay(processor, resetTo, head, started, events, report, every);
        } catch (InterruptedException interrupted) {
            processor.start(); // every replay thread has ended: the processor goes on from the stored tokens
            throw interrupted;
        }
        lastReplay = replayed;
        if (!replayed.complete()) {
            log.warn("The rebuild's own replay stopped after {} events ({}); the processor goes on from the stored "
                    + "tokens", replayed.handled(), String.valueOf(replayed.failure()));
        }
        long reportDue = System.nanoTime() + every.toNanos();
        processor.start();
        long processorStarted = System.nanoTime();
        Duration replayTime = Duration.ofNanos(processorStarted - started);
        while (true) {
            var status = processor.processingStatus().values();
            if (status.isEmpty() && System.nanoTime() - processorStarted > 3 * claimTimeout.toNanos()) {
                // another query node took every segment the reset released: it replays them (not as a bulk load) and
                // this node cannot tell when the views are complete; the dropped indexes are built again now
                bulk.finish();
                throw new ClaimedElsewhere("Another Seire node claimed the projections' segments while this rebuild "
                        + "was starting; it is replaying them now. Stop every query node (ops/run, SEIRE_MODE=query) "
                        + "and run the rebuild again.");
            }
            long processed = status.stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(0L))
                    .min().orElse(0L);
            // a segment stays "replaying" until an event beyond the reset arrives, so that flag cannot end the wait
            boolean done = !status.isEmpty() && processed >= head && progress.reachedPosition(head);
            if (done) {
                long indexesStarted = System.nanoTime();
                bulk.finish(); // the views are complete once their indexes are back: part of the rebuild's time
                lastPhases = new Phases(replayTime, Duration.ofNanos(indexesStarted - processorStarted),
                        Duration.ofNanos(System.nanoTime() - indexesStarted));
            }
            if (done || System.nanoTime() >= reportDue) {
                double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
                long handled = done ? events : countHandledUpTo(Math.min(processed, head));
                Progress now = new Progress(handled, events, handled / seconds, done);
                report.accept(now);
                if (done) {
                    return now;
                }
                reportDue = System.nanoTime() + every.toNanos();
            }
            Thread.sleep(Math.max(1, Math.min(DONE_CHECK.toMillis(), every.toMillis())));
        }
    }

    /**
     * Locks the processor's token rows for this transaction and refuses while another node's claim on any of them is
     * younger than the claim timeout (an older one belongs to a node that died; Axon takes it over). A claim under
     * this node's own name ({@link io.seire.platform.eventstore.TokenOwner}) is not another node's: a batch that was
     * finishing while the processor shut down can store its token, with its claim, just after the shut-down returned,
     * and the reset below takes that row over.
     */
    private void refuseWhileClaimedElsewhere() {
        Instant stale = Instant.now().minus(claimTimeout);
        List<String> claims = eventTable.claimsForUpdate(Projections.GROUP).stream()
                .filter(c -> c.owner() != null && !c.owner().equals(owner)
                        && (c.timestamp() == null || Instant.parse(c.timestamp()).isAfter(stale)))
                .map(c -> "segment " + c.segment() + " (held by " + c.owner() + " since " + c.timestamp() + ")")
                .toList();
        if (!claims.isEmpty()) {
            throw new ClaimedElsewhere("Another Seire node is still projecting: " + String.join(", ", claims)
                    + ". Stop every query node (ops/run, SEIRE_MODE=query) and run the rebuild again; nothing was "
                    + "changed.");
        }
    }

    /**
     * The replay itself, fed to the handlers by {@link RebuildReplay} up to {@code head} while the processor is shut
     * down (ADR 0053), reporting as batches commit.
     */
    private RebuildReplay.Outcome replay(StreamingEventProcessor processor,
                                         java.util.Map<Integer, org.axonframework.eventhandling.TrackingToken> resetTo,
                                         long head, long started, long events, Consumer<Progress> report,
                                         Duration every) throws InterruptedException {
        if (!(processor instanceof org.axonframework.eventhandling.AbstractEventProcessor axon)) {
            return new RebuildReplay.Outcome(0, new UnsupportedOperationException("the processor "
                    + processor.getClass().getName() + " is not Axon's: it replays the events itself"));
        }
        long[] due = {started + every.toNanos()};
        RebuildReplay replay = new RebuildReplay(
                new RebuildReplay.Source(storage, tokenStore, axonTransactions, Projections.GROUP,
                        axon.eventHandlerInvoker(), axon.getHandlerInterceptors(), bulk.sequencingPolicy()),
                new RebuildReplay.Settings(batchSize, threads, claimTimeout, sql -> client.sql(sql).update()))
                .beforeBatch(beforeReplayBatch);
        return replay.replay(resetTo, head, handled -> {
            synchronized (due) {
                long now = System.nanoTime();
                if (now >= due[0] && handled < events) {
                    report.accept(new Progress(handled, events, handled / Math.max(1e-9, (now - started) / 1e9),
                            false));
                    due[0] = now + every.toNanos();
                }
            }
        });
    }

    private long countHandledUpTo(long position) {
        return eventTable.countUpTo(position);
    }
}
