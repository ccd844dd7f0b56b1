package io.seire.command.progress;

import io.seire.command.reporting.PeriodLocks;
import io.seire.command.setup.ProjectSetup;
import io.seire.command.personaldata.FreeTexts;
import io.seire.command.project.Allowed;
import io.seire.command.project.Outcome;
import io.seire.kernel.Recorded;
import io.seire.kernel.access.Role;
import org.axonframework.commandhandling.CommandHandler;
import io.seire.kernel.PersonalText;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.personaldata.RedactedRecord;
import io.seire.platform.personaldata.PersonalData;
import java.util.Arrays;
import java.util.List;
import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.kernel.progress.ReportActivityProgress;

/** The rules of a progress report: a known sub-activity and period, a status and a summary, an open period. */
public final class ActivityProgress {

    private static final List<String> FIELDS = RedactedRecord.PROGRESS.fields();

    // ---------------------------------------------------------------- commands: who may send them, what they record

    /** Answered with the report's id, sub-activity/period. Its narrative is kept by the free texts (FreeTexts). */
    @CommandHandler
    @Allowed(value = Role.MANAGER, to = "report activity progress")
    public Recorded handle(ReportActivityProgress c, ProjectSetup setup, PeriodLocks locks, FreeTexts texts,
                           PersonalData personalData) {
        return Outcome.record(c.subActivity() + "/" + c.period(), decide(c, setup, locks, texts, personalData));
    }

    /**
     * The narrative is free text: each field sealed under a key of its own, the same for every report of the
     * sub-activity and period (so one redaction covers them all), once every rule has passed (ADR 0037).
     */
    public static ActivityProgressReported decide(ReportActivityProgress c, ProjectSetup setup, PeriodLocks locks,
                                                  FreeTexts texts, PersonalData personalData) {
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
        List<String> subjects = FIELDS.stream()
                .map(f -> RedactedRecord.PROGRESS.subject(c.subActivity(), c.period(), f)).toList();
        List<PersonalText> sealed = texts.later(c.projectId(), subjects,
                Arrays.asList(c.summary(), c.problems(), c.measures(), c.nextSteps()), false, personalData);
        return new ActivityProgressReported(c.projectId(), c.subActivity(), c.period(), c.status(), sealed.get(0),
                sealed.get(1), sealed.get(2), sealed.get(3));
    }
}
