package io.seire.query.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.seire.kernel.ProjectEvent;
import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.programme.ProgrammeEvent;
import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.kernel.results.IndicatorValueCorrected;
import io.seire.kernel.results.IndicatorValueRecorded;
import io.seire.kernel.results.IndicatorValueRetracted;
import io.seire.platform.eventstore.EventChain;
import io.seire.query.read.BulkLoad;
import io.seire.query.read.EventPosition;
import io.seire.query.read.ProjectionWriter;
import io.seire.query.read.StoredEvents;
import io.seire.query.read.Projections;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Writes the audit trail and the hash chain: for every project (and programme) event one audit entry, and one link
 * of the chain computed from the event's stored row. Handling an event again changes neither.
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class AuditProjection {

    private static final Object LAST_LINKS = new Object();

    private final ProjectionWriter writer;
    private final StoredEvents storedEvents;
    private final BulkLoad bulk;
    /** A reporting period's end never changes once the project is registered. */
    private final Map<String, LocalDate> periodEnds = new ConcurrentHashMap<>();

    public AuditProjection(ProjectionWriter writer, StoredEvents storedEvents) {
        this(writer, storedEvents, BulkLoad.never());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public AuditProjection(ProjectionWriter writer, StoredEvents storedEvents, BulkLoad bulk) {
        this.writer = writer;
        this.storedEvents = storedEvents;
        this.bulk = bulk;
    }

    @EventHandler
    public void on(ProjectEvent event, @EventPosition long position, @SequenceNumber long sequence, @Timestamp Instant at,
                   MetaData metaData) {
        AuditDescriptions.Description d = AuditDescriptions.describe(event, before(event, position),
                periodEnd(event, position));
        record(event.projectId(), event, d, position, sequence, at, metaData);
    }

    /**
     * A programme's events have a trail and a chain of their own, kept under the programme's stream
     * ({@code programme/<id>}, which no project id can be) in the same tables as the projects'.
     */
    @EventHandler
    public void on(ProgrammeEvent event, @EventPosition long position, @SequenceNumber long sequence,
                   @Timestamp Instant at, MetaData metaData) {
        record(ProgrammeEvent.stream(event.programmeId()), event, AuditDescriptions.describe(event), position,
                sequence, at, metaData);
    }

    private void record(String stream, Object event, AuditDescriptions.Description d, long position, long sequence,
                        Instant at, MetaData metaData) {
        writer.update("INSERT INTO audit_entry (position, project_id, sequence, recorded_at, actor, roles, type, "
                        + "business_date, summary, reason, idempotency_key, correlation_id, source, subjects) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?::text[]) ON CONFLICT DO NOTHING",
                position, stream, sequence, Projections.at(at), text(metaData, "actor"),
                text(metaData, "roles"), event.getClass().getSimpleName(), d.businessDate(), d.summary(), d.reason(),
                text(metaData, "idempotencyKey"), text(metaData, "correlationId"), text(metaData, "source"),
                d.subjects().toArray(String[]::new));
        // the project's state (ProjectFigures): once per project and batch, after the batch's other rows
        writer.last("UPDATE project SET projected_to = GREATEST(projected_to, ?) WHERE project_id = ?", stream,
                position, stream);
        link(stream, position, sequence);
    }

    /**
     * Links the event to its project's chain. The link before it is the one of the project's previous event
     * (sequence − 1): if that is not recorded yet (another transaction handles it and has not committed), this batch
     * fails and is retried, so a link is never computed from anything but its true predecessor.
     */
    private void link(String projectId, long position, long sequence) {
        if (bulk.linked(projectId, sequence)) {
            return; // a rebuild keeps the chain: this link is stored already
        }
        Map<String, Link> lastLinks = writer.transactionScoped(LAST_LINKS, k -> {
            Map<String, Link> links = new HashMap<>();
            writer.afterCommit(() -> links.forEach(this::remember));
            return links;
        });
        String previous = sequence == 0 ? EventChain.GENESIS
                : hashOf(lastLinks == null ? null : lastLinks.get(projectId), sequence - 1);
        if (previous == null) {
            previous = hashOf(committedLinks.getIfPresent(projectId), sequence - 1);
        }
        if (previous == null) {
            previous = writer.read().sql("SELECT hash FROM event_chain WHERE project_id = :projectId AND sequence = :sequence")
                    .param("projectId", projectId).param("sequence", sequence - 1)
                    .query(rs -> rs.next() ? rs.getString("hash") : null);
            if (previous == null) {
                throw new IllegalStateException("The chain link of event " + (sequence - 1) + " of project "
                        + projectId + " is not recorded yet; event " + sequence + " will be linked on retry");
            }
        }
        String link = EventChain.link(previous, storedEvents.row(position));
        writer.update("INSERT INTO event_chain (position, project_id, sequence, hash) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
                position, projectId, sequence, link);
        if (lastLinks != null) {
            lastLinks.put(projectId, new Link(sequence, link));
        }
    }

    /** A project's link: the hash that chains its event {@code sequence}. */
    record Link(long sequence, String hash) {
    }

    private static String hashOf(Link link, long sequence) {
        return link != null && link.sequence() == sequence ? link.hash() : null;
    }

    /**
     * The newest committed link of each project projected lately, so that linking its next event needs no read of the
     * chain; before it, that read came with every event of a live write and made each batch send its rows event by
     * event (issue 16, figure 1). A link, once committed, never changes, and it is used only for its own successor.
     */
    private final Cache<String, Link> committedLinks = Caffeine.newBuilder().maximumSize(REMEMBERED_LINKS).build();

    /** How many projects' newest links are remembered: about 200 bytes each. */
    static final int REMEMBERED_LINKS = 50_000;

    private void remember(String projectId, Link link) {
        committedLinks.asMap().merge(projectId, link, (had, now) -> now.sequence() >= had.sequence() ? now : had);
    }

    private AuditDescriptions.Before before(ProjectEvent event, long position) {
        String expenditure = event instanceof ExpenditureCorrected c ? c.expenditureId()
                : event instanceof ExpenditureCancelled c ? c.expenditureId() : null;
        if (expenditure == null) {
            return null;
        }
        return writer.read().sql("SELECT budget_line, amount, incurred_on FROM expenditure_version WHERE project_id = :projectId "
                        + "AND expenditure_id = :expenditureId AND position < :position ORDER BY position DESC LIMIT 1")
                .param("projectId", event.projectId()).param("expenditureId", expenditure).param("position", position)
                .query(rs -> rs.next() ? new AuditDescriptions.Before(rs.getString("budget_line"),
                        rs.getBigDecimal("amount").toPlainString(), rs.getObject("incurred_on", LocalDate.class).toString())
                        : null);
    }

    /** The end of the period an indicator value or progress report belongs to. */
    private LocalDate periodEnd(ProjectEvent event, long position) {
        String period;
        if (event instanceof IndicatorValueRecorded e) {
            period = e.period();
        } else if (event instanceof ActivityProgressReported e) {
            period = e.period();
        } else if (event instanceof IndicatorValueCorrected e) {
            period = valuePeriod(e.projectId(), e.valueId(), position);
        } else if (event instanceof IndicatorValueRetracted e) {
            period = valuePeriod(e.projectId(), e.valueId(), position);
        } else {
            return null;
        }
        if (period == null) {
            return null;
        }
        LocalDate end = periodEnds.computeIfAbsent(event.projectId() + '\u0000' + period, k -> writer.read()
                .sql("SELECT date_to FROM reporting_period WHERE project_id = :projectId AND period_id = :period")
                .param("projectId", event.projectId()).param("period", period)
                .query(rs -> rs.next() ? rs.getObject("date_to", LocalDate.class) : null));
        if (end == null && bulk.awaitsRegistration(event.projectId())) {
            // a rebuild replays progress reports beside their project's other events (ADR 0038)
            throw new IllegalStateException("Project " + event.projectId() + " is not registered in the views yet; "
                    + "its event at " + position + " will be described on retry");
        }
        return end;
    }

    private String valuePeriod(String projectId, String valueId, long position) {
        return writer.read().sql("SELECT period_id FROM indicator_value_version WHERE project_id = :projectId "
                        + "AND value_id = :valueId AND position < :position ORDER BY position DESC LIMIT 1")
                .param("projectId", projectId).param("valueId", valueId).param("position", position)
                .query(rs -> rs.next() ? rs.getString("period_id") : null);
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
