package io.seire.query.workplans;

import io.seire.query.audit.AuditDescriptions;
import io.seire.query.audit.AuditDescriptions.Description;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.kernel.workplans.PlannedActivity;
import io.seire.kernel.workplans.PlannedAmount;
import io.seire.kernel.workplans.WorkPlanApproved;
import io.seire.kernel.workplans.WorkPlanDrafted;
import io.seire.kernel.workplans.WorkPlanReturned;
import io.seire.kernel.workplans.WorkPlanSubmitted;
import io.seire.platform.eventstore.StoredJson;
import io.seire.query.read.EventPosition;
import io.seire.query.read.ProjectionWriter;
import io.seire.query.read.Projections;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps every version of every year's work plan as drafted, and every step of each (drafted, submitted, approved,
 * returned) with who took it, when, and the comment. Handling an event again changes nothing.
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class WorkPlanProjection {

    private static final ObjectMapper JSON = StoredJson.mapper();

    private final ProjectionWriter writer;

    public WorkPlanProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(WorkPlanDrafted e, @EventPosition long position, @Timestamp Instant at,
                   @MetaDataValue("actor") String actor) throws JsonProcessingException {
        writer.update("INSERT INTO work_plan_version (position, project_id, year, version, budget, activities) "
                        + "VALUES (?,?,?,?,?::jsonb,?::jsonb) ON CONFLICT DO NOTHING",
                position, e.projectId(), e.year(), e.version(), JSON.writeValueAsString(budget(e.budget())),
                JSON.writeValueAsString(activities(e.activities())));
        step(position, e.projectId(), e.year(), e.version(), "DRAFT", null, at, actor);
    }

    @EventHandler
    public void on(WorkPlanSubmitted e, @EventPosition long position, @Timestamp Instant at,
                   @MetaDataValue("actor") String actor) {
        step(position, e.projectId(), e.year(), e.version(), "SUBMITTED", null, at, actor);
    }

    @EventHandler
    public void on(WorkPlanApproved e, @EventPosition long position, @Timestamp Instant at,
                   @MetaDataValue("actor") String actor) {
        step(position, e.projectId(), e.year(), e.version(), "APPROVED", e.comment(), at, actor);
    }

    @EventHandler
    public void on(WorkPlanReturned e, @EventPosition long position, @Timestamp Instant at,
                   @MetaDataValue("actor") String actor) {
        step(position, e.projectId(), e.year(), e.version(), "RETURNED", e.comment(), at, actor);
    }

    private void step(long position, String projectId, int year, int version, String status, String comment,
                      Instant at, String actor) {
        writer.update("INSERT INTO work_plan_step (position, project_id, year, version, status, recorded_at, actor, "
                        + "comment) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                position, projectId, year, version, status, Projections.at(at), actor, comment);
    }

    /** Amounts as plain decimal text, exactly as recorded. */
    private static List<Map<String, String>> budget(List<PlannedAmount> budget) {
        return budget.stream().map(a -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("budgetLine", a.budgetLine());
            row.put("planned", a.planned().toPlainString());
            return row;
        }).toList();
    }

    private static List<Map<String, String>> activities(List<PlannedActivity> activities) {
        return activities.stream().map(a -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("subActivity", a.subActivity());
            row.put("from", a.from().toString());
            row.put("to", a.to().toString());
            row.put("description", a.description());
            return row;
        }).toList();
    }

    // ---------------------------------------------------------------- what its events say in the audit trail

    /** The audit lines of the work plan events, read once by {@link AuditDescriptions}. */
    public static void describe(AuditDescriptions.Catalogue catalogue) {
        catalogue.on(WorkPlanDrafted.class, (e, before, valuePeriodEnd) -> {
            BigDecimal total = e.budget().stream().map(PlannedAmount::planned).reduce(BigDecimal.ZERO, BigDecimal::add);
            String budget = e.budget().isEmpty() ? "no budget lines planned"
                    : e.budget().stream().map(a -> a.budgetLine() + " " + a.planned().toPlainString())
                    .collect(Collectors.joining(", ")) + " (" + total.toPlainString() + " in all)";
            int activities = e.activities().size();
            return new Description(String.valueOf(e.year()), name(e.year(), e.version()) + " drafted: " + budget + "; "
                    + activities + (activities == 1 ? " activity" : " activities") + " planned", null, List.of());
        });
        catalogue.on(WorkPlanSubmitted.class, (e, before, valuePeriodEnd) ->
                new Description(String.valueOf(e.year()), name(e.year(), e.version()) + " submitted for approval",
                    null, List.of()));
        catalogue.on(WorkPlanApproved.class, (e, before, valuePeriodEnd) ->
                new Description(String.valueOf(e.year()), name(e.year(), e.version()) + " approved: it is the "
                    + "year's plan and budget from now on" + (e.replacesVersion() == null ? ""
                    : ", in place of version " + e.replacesVersion()), e.comment(), List.of(subject(e.year()))));
        catalogue.on(WorkPlanReturned.class, (e, before, valuePeriodEnd) ->
                new Description(String.valueOf(e.year()), name(e.year(), e.version()) + " returned for rework",
                    e.comment(), List.of()));
    }

    /** The subject a work plan's approval touches: the year's columns of budget execution, by which reports find it. */
    public static String subject(int year) {
        return "work-plan:" + year;
    }

    private static String name(int year, int version) {
        return "Work plan for " + year + ", version " + version + ",";
    }
}
