package io.seire.query.workplans;

import io.seire.kernel.ProjectEvent;
import io.seire.kernel.workplans.PlannedAmount;
import io.seire.kernel.workplans.WorkPlanApproved;
import io.seire.kernel.workplans.WorkPlanDrafted;
import io.seire.kernel.workplans.WorkPlanReturned;
import io.seire.kernel.workplans.WorkPlanSubmitted;
import io.seire.query.audit.AuditDescriptions.Description;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the work plan events say in the audit trail. Their business date is the plan's year. Only an approval changes
 * a figure (the year's columns of budget execution): it touches the subject {@code work-plan:<year>}, by which a
 * report's changes find it.
 */
public final class WorkPlanAudit {

    private WorkPlanAudit() {
    }

    public static String subject(int year) {
        return "work-plan:" + year;
    }

    /** The audit line of a work plan event; null for any other event. */
    public static Description describe(ProjectEvent event) {
        if (event instanceof WorkPlanDrafted e) {
            BigDecimal total = e.budget().stream().map(PlannedAmount::planned).reduce(BigDecimal.ZERO, BigDecimal::add);
            String budget = e.budget().isEmpty() ? "no budget lines planned"
                    : e.budget().stream().map(a -> a.budgetLine() + " " + a.planned().toPlainString())
                    .collect(Collectors.joining(", ")) + " (" + total.toPlainString() + " in all)";
            int activities = e.activities().size();
            return new Description(String.valueOf(e.year()), name(e.year(), e.version()) + " drafted: " + budget + "; "
                    + activities + (activities == 1 ? " activity" : " activities") + " planned", null, List.of());
        }
        if (event instanceof WorkPlanSubmitted e) {
            return new Description(String.valueOf(e.year()), name(e.year(), e.version()) + " submitted for approval",
                    null, List.of());
        }
        if (event instanceof WorkPlanApproved e) {
            return new Description(String.valueOf(e.year()), name(e.year(), e.version()) + " approved: it is the "
                    + "year's plan and budget from now on" + (e.replacesVersion() == null ? ""
                    : ", in place of version " + e.replacesVersion()), e.comment(), List.of(subject(e.year())));
        }
        if (event instanceof WorkPlanReturned e) {
            return new Description(String.valueOf(e.year()), name(e.year(), e.version()) + " returned for rework",
                    e.comment(), List.of());
        }
        return null;
    }

    private static String name(int year, int version) {
        return "Work plan for " + year + ", version " + version + ",";
    }
}
