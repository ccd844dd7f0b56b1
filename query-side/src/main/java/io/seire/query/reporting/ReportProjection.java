package io.seire.query.reporting;

import static io.seire.query.audit.AuditDescriptions.REPORTING;
import io.seire.query.audit.AuditDescriptions;
import io.seire.query.audit.AuditDescriptions.Description;
import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.kernel.reporting.ReportApproved;
import io.seire.kernel.reporting.ReportReturned;
import io.seire.kernel.reporting.ReportSubmitted;
import io.seire.kernel.staffing.StaffMemberErased;
import io.seire.query.staffing.ErasedNames;
import io.seire.query.read.Horizon;
import io.seire.query.read.EventPosition;
import io.seire.query.read.ProjectionWriter;
import io.seire.query.read.Projections;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Stores each report as submitted: composed, when its event is handled, from the views as they stood just before it
 * (every earlier event of the project has been handled in order by then), and never recomposed.
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class ReportProjection {

    private final ProjectionWriter writer;
    private final ReportComposer composer;
    private final ObjectMapper json;

    public ReportProjection(ProjectionWriter writer, ReportComposer composer, ObjectMapper json) {
        this.writer = writer;
        this.composer = composer;
        this.json = json;
    }

    @EventHandler
    public void on(ReportSubmitted e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor)
            throws JsonProcessingException {
        int stored = writer.read().sql("SELECT count(*) FROM report WHERE project_id = :projectId AND report_id = :reportId")
                .param("projectId", e.projectId()).param("reportId", e.reportId()).query(Integer.class).single();
        if (stored > 0) {
            return; // composed when first submitted; a replay must not recompose it from today's code and rows
        }
        long composedFrom = writer.events().position(e.projectId(), e.composedFromSequence()).orElseThrow(
                () -> new IllegalStateException("No event " + e.composedFromSequence() + " of " + e.projectId()));
        ReportComposer.Submission submission = new ReportComposer.Submission(e.reportId(), e.period(), e.kind().name(),
                e.assessment(), at, actor, e.chainHead(), signatory(e.author()), signatory(e.confirmedBy()));
        String document = json.writeValueAsString(composer.compose(e.projectId(), submission, composedFrom,
                new Horizon(composedFrom)));
        writer.update("INSERT INTO report (project_id, report_id, period_id, kind, status, position, composed_from_position, "
                        + "chain_head, submitted_at, submitted_by, document) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                e.projectId(), e.reportId(), e.period(), e.kind().name(), "SUBMITTED", position, composedFrom,
                e.chainHead(), Projections.at(at), actor, document);
    }

    /**
     * A submitted report keeps the staffing as it stood, names included: an erasure erases the name there too (the
     * report's figures and everything else stay as submitted; its PDF, rendered anew, shows {@code [erased]}).
     */
    @EventHandler
    public void on(StaffMemberErased e) {
        writer.read().sql("SELECT report_id, document FROM report WHERE project_id = :projectId")
                .param("projectId", e.projectId()).query(rs -> {
            String erased = ErasedNames.inDocument(json, rs.getString("document"), e.staffId());
            if (erased != null) {
                writer.update("UPDATE report SET document = ? WHERE project_id = ? AND report_id = ?", erased,
                        e.projectId(), rs.getString("report_id"));
            }
        });
    }

    /**
     * A submitted report keeps the progress narratives and indicator values' notes as they stood: a redaction redacts
     * them there too (its PDF, rendered anew, shows {@code [redacted]}).
     */
    @EventHandler
    public void on(io.seire.kernel.personaldata.FreeTextRedacted e) {
        if (e.kind() == io.seire.kernel.personaldata.RedactedRecord.EXPENDITURE) {
            return; // a report document holds no expenditure's description
        }
        writer.read().sql("SELECT report_id, document FROM report WHERE project_id = :projectId")
                .param("projectId", e.projectId()).query(rs -> {
            String redacted = RedactedTexts.inDocument(json, rs.getString("document"), e);
            if (redacted != null) {
                writer.update("UPDATE report SET document = ? WHERE project_id = ? AND report_id = ?", redacted,
                        e.projectId(), rs.getString("report_id"));
            }
        });
    }

    private static ReportComposer.Signatory signatory(io.seire.kernel.reporting.Signatory s) {
        return s == null ? null : new ReportComposer.Signatory(s.name(), s.position());
    }

    @EventHandler
    public void on(ReportApproved e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        decide(e.projectId(), e.reportId(), "APPROVED", e.comment(), position, at, actor);
    }

    @EventHandler
    public void on(ReportReturned e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        decide(e.projectId(), e.reportId(), "RETURNED", e.comment(), position, at, actor);
    }

    private void decide(String projectId, String reportId, String decision, String comment, long position,
                        Instant at, String actor) {
        writer.update("INSERT INTO report_decision (position, project_id, report_id, decision, comment, recorded_at, actor) "
                + "VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING", position, projectId, reportId, decision, comment,
                Projections.at(at), actor);
        writer.update("UPDATE report SET status = ? WHERE project_id = ? AND report_id = ?", decision, projectId, reportId);
    }

    // ---------------------------------------------------------------- what its events say in the audit trail

    /** The audit lines of the report events, read once by {@link AuditDescriptions}. */
    public static void describe(AuditDescriptions.Catalogue catalogue) {
        catalogue.on(ReportSubmitted.class, (e, before, valuePeriodEnd) ->
                new Description(e.period(), e.kind() + " report " + e.reportId() + " submitted for " + e.period()
                    + "; chain head " + e.chainHead(), null, List.of(REPORTING)));
        catalogue.on(ReportApproved.class, (e, before, valuePeriodEnd) ->
                new Description(null, "Report " + e.reportId() + " approved", e.comment(), List.of(REPORTING)));
        catalogue.on(ReportReturned.class, (e, before, valuePeriodEnd) ->
                new Description(null, "Report " + e.reportId() + " returned", e.comment(), List.of(REPORTING)));
    }
}
