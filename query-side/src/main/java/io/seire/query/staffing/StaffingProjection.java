package io.seire.query.staffing;

import static io.seire.query.audit.AuditDescriptions.date;
import static io.seire.query.audit.AuditDescriptions.STAFFING;
import io.seire.query.audit.AuditDescriptions;
import io.seire.query.audit.AuditDescriptions.Description;
import java.util.List;
import io.seire.kernel.staffing.PositionOpened;
import io.seire.kernel.staffing.RecruitmentFailed;
import io.seire.kernel.staffing.StaffDeparted;
import io.seire.kernel.staffing.StaffHired;
import io.seire.kernel.staffing.StaffMemberErased;
import io.seire.platform.personaldata.PersonalData;
import io.seire.query.personaldata.SealedTexts;
import io.seire.query.read.EventPosition;
import io.seire.query.read.ProjectionWriter;
import io.seire.query.read.Projections;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps positions and every staffing change by business date. Names are opened from their sealed form here, the one
 * place the views take them from; an erasure overwrites them with {@code [erased]}, and a rebuild after it finds the
 * key destroyed and writes the same (ADR 0035).
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class StaffingProjection {

    private final ProjectionWriter writer;
    private final SealedTexts sealed;

    public StaffingProjection(ProjectionWriter writer, SealedTexts sealed) {
        this.writer = writer;
        this.sealed = sealed;
    }

    @EventHandler
    public void on(PositionOpened e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        writer.update("INSERT INTO staff_position (project_id, code, title, sub_activities, opened_on, position) "
                        + "VALUES (?,?,?,?::text[],?,?) ON CONFLICT DO NOTHING",
                e.projectId(), e.code(), e.title(), e.subActivities().toArray(String[]::new), e.openedOn(), position);
        change(position, e.projectId(), "POSITION_OPENED", e.code(), null, e.openedOn(), null, null, null, at, actor);
    }

    @EventHandler
    public void on(RecruitmentFailed e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(position, e.projectId(), "RECRUITMENT_FAILED", e.position(), null, e.date(), null,
                null, e.reason(), at, actor);
    }

    @EventHandler
    public void on(StaffHired e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(position, e.projectId(), "HIRED", e.position(), e.staffId(), e.startDate(),
                sealed.open(e.name(), PersonalData.ERASED), e.workloadPercent(), null, at, actor);
    }

    @EventHandler
    public void on(StaffMemberErased e) {
        writer.update("UPDATE staffing_change SET name = ? WHERE project_id = ? AND staff_id = ? AND name IS NOT NULL",
                PersonalData.ERASED, e.projectId(), e.staffId());
    }

    @EventHandler
    public void on(StaffDeparted e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(position, e.projectId(), "DEPARTED", e.position(), e.staffId(), e.endDate(), null,
                null, e.reason(), at, actor);
    }

    private void change(long position, String projectId, String type, String positionCode, String staffId,
                        LocalDate date, String name, BigDecimal workload, String reason, Instant at, String actor) {
        writer.update("INSERT INTO staffing_change (position, project_id, type, position_code, staff_id, change_date, name, "
                        + "workload_percent, reason, recorded_at, actor) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                position, projectId, type, positionCode, staffId, date, name, workload, reason, Projections.at(at), actor);
    }

    // ---------------------------------------------------------------- what its events say in the audit trail

    /** The audit lines of the staffing events, read once by {@link AuditDescriptions}. */
    public static void describe(AuditDescriptions.Catalogue catalogue) {
        catalogue.on(PositionOpened.class, (e, before, valuePeriodEnd) ->
                new Description(e.openedOn().toString(), "Position " + e.code() + " opened for sub-activities "
                    + String.join(", ", e.subActivities()), null, List.of(STAFFING, date(e.openedOn()))));
        catalogue.on(RecruitmentFailed.class, (e, before, valuePeriodEnd) ->
                new Description(e.date().toString(), "Recruitment for position " + e.position() + " failed",
                    e.reason(), List.of(STAFFING, date(e.date()))));
        catalogue.on(StaffHired.class, (e, before, valuePeriodEnd) ->
                new Description(e.startDate().toString(), "Staff member " + e.staffId() + " hired into position "
                    + e.position() + " at " + e.workloadPercent().stripTrailingZeros().toPlainString() + " %", null,
                    List.of(STAFFING, date(e.startDate()))));
        catalogue.on(StaffDeparted.class, (e, before, valuePeriodEnd) ->
                new Description(e.endDate().toString(), "Staff member " + e.staffId() + " left position "
                    + e.position() + " (last working day " + e.endDate() + ")", e.reason(), List.of(STAFFING, date(e.endDate()))));
        catalogue.on(StaffMemberErased.class, (e, before, valuePeriodEnd) ->
                new Description(null, "Personal data of staff member " + e.staffId() + " erased (its key destroyed)",
                    e.reason(), List.of(STAFFING)));
    }
}
