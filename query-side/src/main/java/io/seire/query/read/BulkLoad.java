package io.seire.query.read;

import io.seire.kernel.progress.ActivityProgressReported;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rebuild writes the views the way a database loads data (ADR 0038). While one runs:
 * <ul>
 * <li>{@link ProjectionWriter} sends the rows of the large, position-keyed view tables with {@code COPY} instead of
 * {@code INSERT … ON CONFLICT DO NOTHING} (the tables were emptied and every event is handled once, so nothing can
 * conflict), and commits its batches without waiting for the WAL flush (a batch lost in a crash is lost with its
 * token, and replayed);</li>
 * <li>the secondary indexes no projection reads while projecting are dropped, and re-created when the replay is
 * done; their definitions are kept in {@code projection_rebuild_index} in the same transaction as the drop, so a
 * node that dies mid-rebuild re-creates them when it starts ({@link #restoreIndexes()});</li>
 * <li>the hash chain, which a rebuild keeps, is not computed again for the events it already links
 * ({@link #linked(String, long)}).</li>
 * </ul>
 * Reads of the views during a rebuild stay correct (they are partial anyway until it ends), only slower.
 */
@Component
public class BulkLoad {

    /** The view tables whose rows are keyed by their event's position: one row per event, loaded with COPY. */
    static final Set<String> COPIED_TABLES = Set.of("audit_entry", "activity_progress", "expenditure_version",
            "indicator_value_version");

    /**
     * The secondary indexes that no projection reads while projecting (they serve the API's reads): dropped for a
     * rebuild, re-created after it. The indexes projections read (e.g. a value's earlier versions) stay.
     */
    static final List<String> DEFERRED_INDEXES = List.of("audit_entry_by_project", "audit_entry_by_time",
            "activity_progress_by_period", "expenditure_current_spending", "expenditure_current_list",
            "indicator_value_current");

    /** The memory each index build of a rebuild may sort in (PostgreSQL's {@code maintenance_work_mem}). */
    static final String INDEX_BUILD_MEMORY = "512MB";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private volatile boolean active;
    /** Per chain (project or programme stream): the highest sequence the chain already links. */
    private volatile Map<String, Long> linkedUpTo = Map.of();

    /** Never active: for projections used outside a Spring context (tests). */
    public static BulkLoad never() {
        return new BulkLoad(null, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public BulkLoad(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Over how many sequences one project's split events are spread (more than any node's segments). */
    static final int SPLIT = 64;

    /**
     * The processor's sequencing policy: events of one project are handled in order, by one segment, as always; but
     * during a rebuild a project's progress reports are spread over all segments. Their rows (the report and its
     * audit entry) depend on no other event's rows but the project's reporting periods, which the audit projection
     * waits for ({@link #awaitsRegistration}), and on no chain link: only reports the chain already links are spread.
     * The same event always gets the same sequence during a rebuild (the links noted at its start do not change).
     */
    public SequencingPolicy<EventMessage<?>> sequencingPolicy() {
        SequentialPerAggregatePolicy perProject = SequentialPerAggregatePolicy.instance();
        return event -> {
            if (SPREAD_PROGRESS && active && event instanceof DomainEventMessage<?> d
                    && d.getPayloadType() == ActivityProgressReported.class
                    && linked(d.getAggregateIdentifier(), d.getSequenceNumber())
                    && !inClear((ActivityProgressReported) d.getPayload())) {
                return d.getAggregateIdentifier() + '\u0000' + (d.getSequenceNumber() % SPLIT);
            }
            return perProject.getSequenceIdentifierFor(event);
        };
    }

    /**
     * Off: a full build once lost the earlier version of a progress report replayed out of order
     * ({@code PersonalDataApiTest}, a report and its re-report after a redaction); until that is understood, every
     * event of a project is replayed in its project's order (ADR 0038).
     */
    static final boolean SPREAD_PROGRESS = false;

    /**
     * Whether a report carries narrative recorded in the clear, before narratives were sealed (ADR 0037). A redaction
     * of it takes effect only by the order of events (there is no key to destroy), so it must be replayed after the
     * report: such a report stays in its project's order. A sealed narrative whose key a redaction destroyed opens as
     * {@code [redacted]} whenever it is replayed.
     */
    static boolean inClear(ActivityProgressReported report) {
        return java.util.stream.Stream.of(report.summary(), report.problems(), report.measures(), report.nextSteps())
                .anyMatch(t -> t != null && t.keyId() == null && t.legacyClear() != null);
    }

    /**
     * Whether an event replayed out of its project's order must wait (its batch fails and is retried) because the
     * project's registration, and with it its reporting periods, is not projected yet.
     */
    public boolean awaitsRegistration(String projectId) {
        return active && jdbc.queryForObject("SELECT count(*) FROM project WHERE project_id = ?", Long.class,
                projectId) == 0;
    }

    /** Whether a rebuild is loading the views now. */
    public boolean active() {
        return active;
    }

    /**
     * Whether the chain already holds the link of this event (it was linked before the rebuild started): the rebuild
     * keeps the chain, so the link need not be computed again.
     */
    public boolean linked(String stream, long sequence) {
        if (!active) {
            return false;
        }
        Long upTo = linkedUpTo.get(stream);
        return upTo != null && sequence <= upTo;
    }

    /**
     * Starts a bulk load, in the transaction that empties the views (the processor is stopped, so the chain grows no
     * further): notes how far every chain reaches, keeps the deferred indexes' definitions and drops the indexes.
     */
    void begin() {
        Map<String, Long> links = new ConcurrentHashMap<>();
        jdbc.query("SELECT project_id, max(sequence) AS last_sequence FROM event_chain GROUP BY project_id",
                rs -> {
                    links.put(rs.getString("project_id"), rs.getLong("last_sequence"));
                });
        for (String index : DEFERRED_INDEXES) {
            jdbc.update("INSERT INTO projection_rebuild_index (name, definition) SELECT indexname, indexdef FROM pg_indexes "
                    + "WHERE schemaname = current_schema() AND indexname = ? ON CONFLICT (name) DO NOTHING", index);
            jdbc.execute("DROP INDEX IF EXISTS " + index);
        }
        activate(links);
    }

    /** Loads in bulk from now on; the chains link up to the given sequences. */
    void activate(Map<String, Long> links) {
        linkedUpTo = links;
        active = true;
    }

    /** Called when a {@link #begin()} was rolled back: nothing was dropped. */
    void abandon() {
        active = false;
        linkedUpTo = Map.of();
    }

    /** Ends the bulk load once every event has been handled again: the dropped indexes are built from the rows. */
    void finish() {
        active = false;
        linkedUpTo = Map.of();
        restoreIndexes();
    }

    /**
     * Re-creates every index a rebuild dropped and has not re-created (a node that died mid-rebuild), and forgets
     * them, in one transaction. Runs when a node starts and at the end of every rebuild.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationStartedEvent.class)
    public void restoreIndexesOnStart() {
        int restored = restoreIndexes();
        if (restored > 0) {
            org.slf4j.LoggerFactory.getLogger(BulkLoad.class).warn("Re-created {} view indexes a rebuild that did not "
                    + "finish had dropped (its replay goes on from the stored tokens)", restored);
        }
    }

    public int restoreIndexes() {
        Integer restored = transactions.execute(s -> {
            List<Map<String, Object>> dropped = jdbc.queryForList(
                    "SELECT name, definition FROM projection_rebuild_index ORDER BY name FOR UPDATE");
            if (!dropped.isEmpty()) {
                // the sort of a large view's index fits in memory instead of spilling to disk (PostgreSQL's default
                // is 64 MB); only for this transaction
                jdbc.execute("SET LOCAL maintenance_work_mem = '" + INDEX_BUILD_MEMORY + "'");
            }
            for (Map<String, Object> index : dropped) {
                String definition = (String) index.get("definition");
                jdbc.execute(definition.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS "));
                jdbc.update("DELETE FROM projection_rebuild_index WHERE name = ?", index.get("name"));
            }
            return dropped.size();
        });
        return restored == null ? 0 : restored;
    }
}
