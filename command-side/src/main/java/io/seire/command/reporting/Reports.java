package io.seire.command.reporting;

import io.seire.command.project.Allowed;
import io.seire.command.project.Outcome;
import io.seire.kernel.Recorded;
import io.seire.kernel.access.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import io.seire.kernel.reporting.ReportRecorded;
import org.axonframework.modelling.command.AggregateLifecycle;
import io.seire.command.setup.Ids;
import io.seire.command.setup.ProjectSetup;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.reporting.ApproveReport;
import io.seire.kernel.reporting.ReportApproved;
import io.seire.kernel.reporting.ReportReturned;
import io.seire.kernel.reporting.ReportSubmitted;
import io.seire.kernel.reporting.Signatory;
import io.seire.kernel.reporting.ReturnReport;
import io.seire.kernel.reporting.SubmitReport;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Monitoring reports: submitted for a period (which locks it), then approved or returned by a liaison (returning
 * unlocks the period for resubmission). A report pins the history it was composed from and the chain head there.
 */
public class Reports {

    enum Status { SUBMITTED, APPROVED, RETURNED }

    /** A report as the rules need it. */
    public static class Report {
        private String period;
        private Status status;

        Report() {
        }

        Report(String period) {
            this.period = period;
            this.status = Status.SUBMITTED;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Report r && Objects.equals(period, r.period) && status == r.status;
        }

        @Override
        public int hashCode() {
            return Objects.hash(period, status);
        }
    }

    private Map<String, Report> reports = new HashMap<>();

    // ---------------------------------------------------------------- commands: who may send them, what they record

    @CommandHandler
    @Allowed(value = Role.MANAGER, to = "submit reports")
    public ReportRecorded handle(SubmitReport c, ProjectSetup setup, PeriodLocks locks, ChainHeads chainHeads) {
        ReportSubmitted submitted = decide(c, setup, locks, AggregateLifecycle.getVersion(), chainHeads);
        AggregateLifecycle.apply(submitted);
        return new ReportRecorded(c.reportId(), AggregateLifecycle.getVersion(), submitted.chainHead());
    }

    @CommandHandler
    @Allowed(value = Role.LIAISON, to = "approve reports")
    public Recorded handle(ApproveReport c) {
        return Outcome.record(c.reportId(), decide(c));
    }

    @CommandHandler
    @Allowed(value = Role.LIAISON, to = "return reports")
    public Recorded handle(ReturnReport c) {
        return Outcome.record(c.reportId(), decide(c));
    }

    public ReportSubmitted decide(SubmitReport c, ProjectSetup setup, PeriodLocks locks, long composedFromSequence,
                                  ChainHeads chainHeads) {
        Ids.check("id", c.reportId());
        if (c.period() == null || c.period().isBlank()) {
            throw RuleViolation.badRequest("field-required", "period", "is required");
        }
        if (c.kind() == null) {
            throw RuleViolation.badRequest("field-required", "kind", "is required");
        }
        if (c.assessment() == null || c.assessment().isBlank()) {
            throw RuleViolation.badRequest("field-required", "assessment", "A report needs an overall assessment.");
        }
        if (setup.period(c.period()).isEmpty()) {
            throw RuleViolation.unprocessable("period-exists", "period",
                    "The project has no reporting period '" + c.period() + "'.");
        }
        if (reports.containsKey(c.reportId())) {
            throw RuleViolation.conflict("report-id-unique", "id", "A report with the id '" + c.reportId()
                    + "' was already submitted.");
        }
        if (locks.isLocked(c.period())) {
            throw RuleViolation.conflict("one-open-report-per-period", "period", "A report for period '" + c.period()
                    + "' is already submitted or approved; a new one can be submitted only after it is returned.");
        }
        return new ReportSubmitted(c.projectId(), c.reportId(), c.period(), c.kind(), c.assessment(),
                composedFromSequence, chainHeads.headAt(c.projectId(), composedFromSequence), signatory("author", c.author()),
                signatory("confirmedBy", c.confirmedBy()));
    }

    /** A signatory named in a report needs a name and a position (the signature block shows both). */
    private static Signatory signatory(String field, Signatory given) {
        if (given == null) {
            return null;
        }
        if (given.name() == null || given.name().isBlank()) {
            throw RuleViolation.badRequest("signatory-complete", field + ".name", "is required");
        }
        if (given.position() == null || given.position().isBlank()) {
            throw RuleViolation.badRequest("signatory-complete", field + ".position", "is required");
        }
        return given;
    }

    /** A submitted report closes its period. */
    @EventSourcingHandler
    public void on(ReportSubmitted e, PeriodLocks locks) {
        reports.put(e.reportId(), new Report(e.period()));
        locks.lock(e.period());
    }

    public ReportApproved decide(ApproveReport c) {
        awaitingDecision(c.reportId());
        return new ReportApproved(c.projectId(), c.reportId(), c.comment());
    }

    @EventSourcingHandler
    public void on(ReportApproved e) {
        reports.get(e.reportId()).status = Status.APPROVED;
    }

    public ReportReturned decide(ReturnReport c) {
        awaitingDecision(c.reportId());
        if (c.comment() == null || c.comment().isBlank()) {
            throw RuleViolation.badRequest("field-required", "comment", "Say why the report is returned.");
        }
        return new ReportReturned(c.projectId(), c.reportId(), c.comment());
    }

    /** Marks the report returned; its period opens again. */
    @EventSourcingHandler
    public void on(ReportReturned e, PeriodLocks locks) {
        Report report = reports.get(e.reportId());
        report.status = Status.RETURNED;
        locks.unlock(report.period);
    }

    private void awaitingDecision(String reportId) {
        Report report = reports.get(reportId);
        if (report == null) {
            throw RuleViolation.notFound("report-exists", "The project has no report '" + reportId + "'.");
        }
        if (report.status != Status.SUBMITTED) {
            throw RuleViolation.conflict("report-awaits-decision", null, "Report '" + reportId + "' is already "
                    + report.status.name().toLowerCase() + "; only a submitted report can be approved or returned.");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reports r && Objects.equals(reports, r.reports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reports);
    }
}
