package io.seire.query.audit;

import io.seire.kernel.ProjectEvent;
import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.kernel.results.IndicatorValueCorrected;
import io.seire.kernel.results.IndicatorValueRecorded;
import io.seire.kernel.results.IndicatorValueRetracted;
import io.seire.platform.eventstore.EventChain;
import io.seire.query.read.Projections;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the audit trail and the hash chain: for every project event one audit entry, and one link of the chain
 * computed from the event's stored row. Handling an event again changes neither.
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class AuditProjection {

    private final JdbcTemplate jdbc;

    public AuditProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(ProjectEvent event, TrackingToken token, @SequenceNumber long sequence, @Timestamp Instant at,
                   MetaData metaData) {
        long position = Projections.position(token);
        AuditDescriptions.Description d = AuditDescriptions.describe(event, before(event, position),
                periodEnd(event, position));
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO audit_entry (position, project_id, sequence, recorded_at, actor, "
                    + "roles, type, business_date, summary, reason, idempotency_key, correlation_id, source, subjects) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING");
            ps.setLong(1, position);
            ps.setString(2, event.projectId());
            ps.setLong(3, sequence);
            ps.setTimestamp(4, Projections.at(at));
            ps.setString(5, text(metaData, "actor"));
            ps.setString(6, text(metaData, "roles"));
            ps.setString(7, event.getClass().getSimpleName());
            ps.setString(8, d.businessDate());
            ps.setString(9, d.summary());
            ps.setString(10, d.reason());
            ps.setString(11, text(metaData, "idempotencyKey"));
            ps.setString(12, text(metaData, "correlationId"));
            ps.setString(13, text(metaData, "source"));
            ps.setArray(14, con.createArrayOf("text", d.subjects().toArray()));
            return ps;
        });
        link(event.projectId(), position, sequence);
    }

    private void link(String projectId, long position, long sequence) {
        String previous = jdbc.query("SELECT hash FROM event_chain WHERE project_id = ? AND position < ? "
                + "ORDER BY position DESC LIMIT 1", rs -> rs.next() ? rs.getString(1) : EventChain.GENESIS, projectId, position);
        List<EventChain.StoredEvent> rows = jdbc.query("SELECT " + EventChain.COLUMNS + " FROM domainevententry "
                + "WHERE globalindex = ?", (rs, i) -> EventChain.read(rs), position);
        if (rows.isEmpty()) {
            throw new IllegalStateException("Event " + position + " is not in the event store");
        }
        jdbc.update("INSERT INTO event_chain (position, project_id, sequence, hash) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
                position, projectId, sequence, EventChain.link(previous, rows.get(0)));
    }

    private AuditDescriptions.Before before(ProjectEvent event, long position) {
        String expenditure = event instanceof ExpenditureCorrected c ? c.expenditureId()
                : event instanceof ExpenditureCancelled c ? c.expenditureId() : null;
        if (expenditure == null) {
            return null;
        }
        return jdbc.query("SELECT budget_line, amount, incurred_on FROM expenditure_version WHERE project_id = ? "
                        + "AND expenditure_id = ? AND position < ? ORDER BY position DESC LIMIT 1",
                rs -> rs.next() ? new AuditDescriptions.Before(rs.getString(1), rs.getBigDecimal(2).toPlainString(),
                        rs.getObject(3, java.time.LocalDate.class).toString()) : null,
                event.projectId(), expenditure, position);
    }

    /** The end of the period an indicator value or progress report belongs to. */
    private java.time.LocalDate periodEnd(ProjectEvent event, long position) {
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
        return period == null ? null : jdbc.query("SELECT date_to FROM reporting_period WHERE project_id = ? AND period_id = ?",
                rs -> rs.next() ? rs.getObject(1, java.time.LocalDate.class) : null, event.projectId(), period);
    }

    private String valuePeriod(String projectId, String valueId, long position) {
        return jdbc.query("SELECT period_id FROM indicator_value_version WHERE project_id = ? AND value_id = ? "
                + "AND position < ? ORDER BY position DESC LIMIT 1", rs -> rs.next() ? rs.getString(1) : null,
                projectId, valueId, position);
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
