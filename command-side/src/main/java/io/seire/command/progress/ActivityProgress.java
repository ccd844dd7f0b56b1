package io.seire.command.progress;

import io.seire.command.reporting.PeriodLocks;
import io.seire.command.setup.ProjectSetup;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.kernel.progress.ReportActivityProgress;

/** The rules of a progress report: a known sub-activity and period, a status and a summary, an open period. */
public final class ActivityProgress {

    private ActivityProgress() {
    }

    public static ActivityProgressReported decide(ReportActivityProgress c, ProjectSetup setup, PeriodLocks locks) {
        if (!setup.hasSubActivity(c.subActivity())) {
            throw RuleViolation.notFound("sub-activity-exists", "The project has no sub-activity '" + c.subActivity() + "'.");
        }
        if (c.period() == null || c.period().isBlank()) {
            throw RuleViolation.badRequest("field-required", "period", "is required");
        }
        if (setup.period(c.period()).isEmpty()) {
            throw RuleViolation.unprocessable("period-exists", "period",
                    "The project has no reporting period '" + c.period() + "'.");
        }
        if (c.status() == null) {
            throw RuleViolation.badRequest("field-required", "status", "is required");
        }
        if (c.summary() == null || c.summary().isBlank()) {
            throw RuleViolation.badRequest("field-required", "summary", "is required");
        }
        if (locks.isLocked(c.period())) {
            throw RuleViolation.conflict(PeriodLocks.RULE, "period", "Reporting period '" + c.period()
                    + "' is locked: its report has been submitted.");
        }
        return new ActivityProgressReported(c.projectId(), c.subActivity(), c.period(), c.status(), c.summary(),
                c.problems(), c.measures(), c.nextSteps());
    }
}
