package io.seire.query.read;

import java.time.Duration;
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
 * they record what was seen and submitted then, and must not be recomputed from today's rows. Every query node
 * must be stopped first (a token claimed elsewhere cannot be reset).
 */
@Component
public class ProjectionRebuild {

    /** The tables the projections fill, in an order that truncation accepts. */
    public static final List<String> VIEW_TABLES = List.of("audit_entry", "project", "reporting_period", "sub_activity",
            "budget_line", "budget_line_revision", "indicator", "expenditure_version", "indicator_value_version",
            "activity_progress", "staff_position", "staffing_change", "spending_day");

    /** How far a rebuild has come. */
    public record Progress(long processed, long head, double eventsPerSecond, boolean done) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionProgress progress;

    public ProjectionRebuild(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                             TransactionTemplate transactions, ProjectionProgress progress) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.progress = progress;
    }

    /** Resets and replays; returns once every event that existed at the start has been handled again. */
    public Progress rebuild(Consumer<Progress> report, Duration every) throws InterruptedException {
        StreamingEventProcessor processor = processing.eventProcessor(Projections.GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + Projections.GROUP + " in this process"));
        processor.shutDown();
        Long headOrNull = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        long head = headOrNull == null ? 0 : headOrNull;
        long events = countEvents();
        transactions.executeWithoutResult(s -> jdbc.execute("TRUNCATE " + String.join(", ", VIEW_TABLES)));
        processor.resetTokens();
        long started = System.nanoTime();
        processor.start();
        while (true) {
            var status = processor.processingStatus().values();
            long processed = status.stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(0L))
                    .min().orElse(0L);
            // a segment stays "replaying" until an event beyond the reset arrives, so that flag cannot end the wait
            boolean done = !status.isEmpty() && processed >= head && progress.reachedPosition(head);
            double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
            long handled = done ? events : countHandledUpTo(Math.min(processed, head));
            Progress now = new Progress(handled, events, handled / seconds, done);
            report.accept(now);
            if (done) {
                return now;
            }
            Thread.sleep(every.toMillis());
        }
    }

    private long countEvents() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return n == null ? 0 : n;
    }

    private long countHandledUpTo(long position) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE globalindex <= ?", Long.class, position);
        return n == null ? 0 : n;
    }
}
