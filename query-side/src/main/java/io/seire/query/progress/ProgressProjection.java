package io.seire.query.progress;

import static io.seire.query.audit.AuditDescriptions.subActivity;
import static io.seire.query.audit.AuditDescriptions.valueSubjects;
import io.seire.query.audit.AuditDescriptions;
import io.seire.query.audit.AuditDescriptions.Description;
import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.kernel.personaldata.FreeTextRedacted;
import io.seire.kernel.personaldata.RedactedRecord;
import io.seire.platform.personaldata.PersonalData;
import io.seire.query.personaldata.SealedTexts;
import io.seire.query.read.EventPosition;
import io.seire.query.read.ProjectionWriter;
import io.seire.query.read.Projections;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/** Keeps every progress report. */
@Component
@ProcessingGroup(Projections.GROUP)
public class ProgressProjection {

    private final ProjectionWriter writer;
    private final SealedTexts sealed;

    public ProgressProjection(ProjectionWriter writer, SealedTexts sealed) {
        this.writer = writer;
        this.sealed = sealed;
    }

    @EventHandler
    public void on(ActivityProgressReported e, @EventPosition long position, @Timestamp Instant at,
                   @MetaDataValue("actor") String actor) {
        writer.update("INSERT INTO activity_progress (position, project_id, sub_activity, period_id, status, summary, "
                        + "problems, measures, next_steps, recorded_at, actor) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                        + "ON CONFLICT DO NOTHING",
                position, e.projectId(), e.subActivity(), e.period(), e.status().name(), open(e.summary()),
                open(e.problems()), open(e.measures()), open(e.nextSteps()), Projections.at(at), actor);
    }

    /** A redacted field of the narrative reads {@code [redacted]} in every report of that sub-activity and period. */
    @EventHandler
    public void on(FreeTextRedacted e) {
        if (e.kind() != RedactedRecord.PROGRESS) {
            return;
        }
        writer.flush(); // after every report queued before it
        for (String field : e.fields()) {
            String column = column(field);
            writer.update("UPDATE activity_progress SET " + column + " = ? WHERE project_id = ? AND sub_activity = ? "
                    + "AND period_id = ? AND " + column + " IS NOT NULL", PersonalData.REDACTED, e.projectId(),
                    e.scope(), e.recordId());
        }
    }

    static String column(String field) {
        return switch (field) {
            case "summary" -> "summary";
            case "problems" -> "problems";
            case "measures" -> "measures";
            case "nextSteps" -> "next_steps";
            default -> throw new IllegalStateException("No column for " + field);
        };
    }

    private String open(io.seire.kernel.PersonalText text) {
        return sealed.open(text, PersonalData.REDACTED);
    }

    // ---------------------------------------------------------------- what its events say in the audit trail

    /** The audit lines of the progress events, read once by {@link AuditDescriptions}. */
    public static void describe(AuditDescriptions.Catalogue catalogue) {
        catalogue.on(ActivityProgressReported.class, (e, before, valuePeriodEnd) ->
                new Description(e.period(), "Progress of sub-activity " + e.subActivity() + " in " + e.period()
                    + " reported: " + e.status(), null, valueSubjects(null, valuePeriodEnd, subActivity(e.subActivity()))));
    }
}
