package io.seire.query.reporting;

import io.seire.query.finance.BudgetExecution;
import io.seire.query.progress.ProgressView;
import io.seire.query.read.Horizon;
import io.seire.query.read.Periods;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import io.seire.query.results.ResultsFramework;
import io.seire.query.setup.ProjectViews;
import io.seire.query.staffing.StaffingView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Composes the monitoring report for a period from the views as they stood at a horizon: project data, activity
 * progress, staffing, the assessment, the results framework (annex 2) and budget execution (annex 5).
 */
@Component
public class ReportComposer {

    public record PeriodInfo(String id, LocalDate from, LocalDate to) {
    }

    public record Staffing(StaffingView.OnDay onPeriodEnd, StaffingView.InPeriod changes) {
    }

    /**
     * The report document; its JSON is stored once, at submission, and answered byte for byte afterwards.
     * {@code author}, {@code confirmedBy} and {@code cumulative} are absent from documents stored before they existed.
     */
    public record Document(String id, String project, PeriodInfo period, String kind, String assessment,
                           Instant submittedAt, String submittedBy, long composedFromPosition, String chainHead,
                           ProjectViews.ProjectDetail projectData, ProgressView.View activityProgress,
                           Staffing staffing, List<ResultsFramework.Row> resultsFramework,
                           BudgetExecution.View budgetExecution, Signatory author, Signatory confirmedBy,
                           Cumulative cumulative) {
    }

    /** A person of the beneficiary in the signature block: the report's author, or who confirms its data. */
    public record Signatory(String name, String position) {
    }

    /**
     * What the report shows cumulatively, from the project's first day to the period's end: the progress narrative of
     * every period up to the report's, the staffing changes, and each numeric indicator's cumulative value at the end
     * of every period (the seed report's section 7 is cumulative).
     */
    public record Cumulative(LocalDate from, LocalDate to, List<PeriodProgress> progress,
                             StaffingView.InPeriod staffingChanges, List<PeriodResults> results) {
    }

    /** The progress reports in force for one period, one per sub-activity that has one. */
    public record PeriodProgress(String period, LocalDate from, LocalDate to, List<Narrative> subActivities) {
    }

    public record Narrative(String subActivity, String status, String summary, String problems, String measures,
                            String nextSteps) {
    }

    public record PeriodResults(String period, LocalDate to, List<IndicatorCumulative> indicators) {
    }

    public record IndicatorCumulative(String code, String cumulative) {
    }

    /** Who submitted what, and when: everything of the document that is not composed from the views. */
    public record Submission(String reportId, String periodId, String kind, String assessment, Instant submittedAt,
                             String submittedBy, String chainHead, Signatory author, Signatory confirmedBy) {

        public Submission(String reportId, String periodId, String kind, String assessment, Instant submittedAt,
                          String submittedBy, String chainHead) {
            this(reportId, periodId, kind, assessment, submittedAt, submittedBy, chainHead, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final ProjectViews projectViews;
    private final ProgressView progress;
    private final StaffingView staffing;
    private final ResultsFramework resultsFramework;
    private final BudgetExecution budgetExecution;

    public ReportComposer(JdbcClient jdbc, ProjectViews projectViews, ProgressView progress, StaffingView staffing,
                          ResultsFramework resultsFramework, BudgetExecution budgetExecution) {
        this.jdbc = jdbc;
        this.projectViews = projectViews;
        this.progress = progress;
        this.staffing = staffing;
        this.resultsFramework = resultsFramework;
        this.budgetExecution = budgetExecution;
    }

    public Document compose(String projectId, Submission submission, long composedFromPosition, Horizon horizon) {
        ProjectScope scope = new ProjectScope(ProjectRow.find(jdbc, projectId), horizon);
        Periods.Period period = Periods.required(jdbc, projectId, submission.periodId());
        return new Document(submission.reportId(), projectId, new PeriodInfo(period.id(), period.from(), period.to()),
                submission.kind(), submission.assessment(), submission.submittedAt(), submission.submittedBy(),
                composedFromPosition, submission.chainHead(),
                projectViews.detail(scope, period.to()),
                progress.view(scope, period),
                new Staffing(staffing.on(scope, period.to()), staffing.changes(scope, period)),
                resultsFramework.view(scope, period),
                budgetExecution.view(scope, new BudgetExecution.Range(period.id(), period.from(), period.to())),
                submission.author(), submission.confirmedBy(), cumulative(scope, period));
    }

    /** The cumulative section of the report for {@code period}, from the views as they stood at the scope's horizon. */
    public Cumulative cumulative(ProjectScope scope, Periods.Period period) {
        LocalDate first = scope.project().eligibleFrom();
        List<PeriodProgress> narratives = new ArrayList<>();
        List<PeriodResults> results = new ArrayList<>();
        for (Periods.Period p : Periods.of(jdbc, scope.id())) {
            if (p.to().isAfter(period.to())) {
                continue;
            }
            List<Narrative> reported = progress.view(scope, p).subActivities().stream()
                    .filter(a -> a.summary() != null)
                    .map(a -> new Narrative(a.subActivity(), a.status(), a.summary(), a.problems(), a.measures(),
                            a.nextSteps()))
                    .toList();
            narratives.add(new PeriodProgress(p.id(), p.from(), p.to(), reported));
            results.add(new PeriodResults(p.id(), p.to(), resultsFramework.view(scope, p).stream()
                    .filter(r -> !"TEXT".equals(r.measure()))
                    .map(r -> new IndicatorCumulative(r.code(), r.cumulative())).toList()));
        }
        StaffingView.InPeriod changes = staffing.changes(scope, new Periods.Period(null, -1,
                first.isBefore(period.from()) ? first : period.from(), period.to()));
        return new Cumulative(first.isBefore(period.from()) ? first : period.from(), period.to(), narratives, changes,
                results);
    }
}
