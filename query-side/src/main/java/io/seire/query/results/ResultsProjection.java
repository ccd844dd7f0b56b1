package io.seire.query.results;

import static io.seire.query.audit.AuditDescriptions.indicator;
import static io.seire.query.audit.AuditDescriptions.valueSubjects;
import io.seire.query.audit.AuditDescriptions;
import io.seire.query.audit.AuditDescriptions.Description;
import io.seire.kernel.results.IndicatorValueCorrected;
import io.seire.kernel.results.IndicatorValueRecorded;
import io.seire.kernel.results.IndicatorValueRetracted;
import io.seire.kernel.personaldata.FreeTextRedacted;
import io.seire.kernel.personaldata.RedactedRecord;
import io.seire.platform.personaldata.PersonalData;
import io.seire.query.personaldata.SealedTexts;
import io.seire.query.read.EventPosition;
import io.seire.query.read.ProjectionWriter;
import io.seire.query.read.Projections;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/** Keeps every version of every indicator value; handling an event twice changes nothing. */
@Component
@ProcessingGroup(Projections.GROUP)
public class ResultsProjection {

    private static final String INSERT = "INSERT INTO indicator_value_version (position, project_id, indicator, value_id, "
            + "period_id, value, note, evidence, change, status, reason, recorded_at, actor) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING";

    private final ProjectionWriter writer;
    private final SealedTexts sealed;

    public ResultsProjection(ProjectionWriter writer, SealedTexts sealed) {
        this.writer = writer;
        this.sealed = sealed;
    }

    @EventHandler
    public void on(IndicatorValueRecorded e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        writer.update(INSERT, position, e.projectId(), e.indicator(), e.valueId(), e.period(), e.value(),
                sealed.open(e.note(), PersonalData.REDACTED), sealed.open(e.evidence(), PersonalData.REDACTED),
                "RECORDED", "RECORDED", null, Projections.at(at), actor);
    }

    /** A redacted note or evidence reads {@code [redacted]} in every version of the value. */
    @EventHandler
    public void on(FreeTextRedacted e) {
        if (e.kind() != RedactedRecord.INDICATOR_VALUE) {
            return;
        }
        writer.flush(); // after every version queued before it
        for (String field : e.fields()) {
            String column = switch (field) {
                case "note" -> "note";
                case "evidence" -> "evidence";
                default -> throw new IllegalStateException("No column for " + field);
            };
            writer.update("UPDATE indicator_value_version SET " + column + " = ? WHERE project_id = ? AND indicator = ? "
                    + "AND value_id = ? AND " + column + " IS NOT NULL", PersonalData.REDACTED, e.projectId(),
                    e.scope(), e.recordId());
        }
    }

    @EventHandler
    public void on(IndicatorValueCorrected e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        Map<String, Object> before = previous(e.projectId(), e.valueId(), position);
        writer.update(INSERT, position, e.projectId(), e.indicator(), e.valueId(), before.get("period_id"), e.value(),
                before.get("note"), before.get("evidence"), "CORRECTED", "RECORDED", e.reason(), Projections.at(at), actor);
        close(e.projectId(), e.valueId(), position);
    }

    @EventHandler
    public void on(IndicatorValueRetracted e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        Map<String, Object> before = previous(e.projectId(), e.valueId(), position);
        writer.update(INSERT, position, e.projectId(), e.indicator(), e.valueId(), before.get("period_id"),
                before.get("value"), before.get("note"), before.get("evidence"), "RETRACTED", "RETRACTED", e.reason(),
                Projections.at(at), actor);
        close(e.projectId(), e.valueId(), position);
    }

    private Map<String, Object> previous(String projectId, String valueId, long position) {
        List<Map<String, Object>> rows = writer.read().sql("SELECT period_id, value, note, evidence FROM indicator_value_version "
                        + "WHERE project_id = :projectId AND value_id = :valueId AND position < :position "
                        + "ORDER BY position DESC LIMIT 1")
                .param("projectId", projectId).param("valueId", valueId).param("position", position).query().listOfRows();
        if (rows.isEmpty()) {
            throw new IllegalStateException("No earlier version of indicator value " + valueId);
        }
        return rows.get(0);
    }

    private void close(String projectId, String valueId, long position) {
        writer.update("UPDATE indicator_value_version SET superseded_position = ? WHERE project_id = ? AND value_id = ? "
                + "AND position < ? AND superseded_position IS NULL", position, projectId, valueId, position);
    }

    // ---------------------------------------------------------------- what its events say in the audit trail

    /** The audit lines of the results events, read once by {@link AuditDescriptions}. */
    public static void describe(AuditDescriptions.Catalogue catalogue) {
        catalogue.on(IndicatorValueRecorded.class, (e, before, valuePeriodEnd) ->
                new Description(e.period(), "Indicator " + e.indicator() + " value " + e.valueId() + " recorded for "
                    + e.period() + ": " + e.value(), null, valueSubjects(e.indicator(), valuePeriodEnd)));
        catalogue.on(IndicatorValueCorrected.class, (e, before, valuePeriodEnd) ->
                new Description(null, "Indicator " + e.indicator() + " value " + e.valueId() + " corrected to "
                    + e.value(), e.reason(), valueSubjects(e.indicator(), valuePeriodEnd)));
        catalogue.on(IndicatorValueRetracted.class, (e, before, valuePeriodEnd) ->
                new Description(null, "Indicator " + e.indicator() + " value " + e.valueId() + " retracted",
                    e.reason(), valueSubjects(e.indicator(), valuePeriodEnd)));
    }
}
