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
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
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

    /** The report document; its JSON is stored once, at submission, and answered byte for byte afterwards. */
    public record Document(String id, String project, PeriodInfo period, String kind, String assessment,
                           Instant submittedAt, String submittedBy, long composedFromPosition, String chainHead,
                           ProjectViews.ProjectDetail projectData, ProgressView.View activityProgress,
                           Staffing staffing, List<ResultsFramework.Row> resultsFramework,
                           BudgetExecution.View budgetExecution) {
    }

    /** Who submitted what, and when: everything of the document that is not composed from the views. */
    public record Submission(String reportId, String periodId, String kind, String assessment, Instant submittedAt,
                             String submittedBy, String chainHead) {
    }

    private final JdbcTemplate jdbc;
    private final ProjectViews projectViews;
    private final ProgressView progress;
    private final StaffingView staffing;
    private final ResultsFramework resultsFramework;
    private final BudgetExecution budgetExecution;

    public ReportComposer(JdbcTemplate jdbc, ProjectViews projectViews, ProgressView progress, StaffingView staffing,
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
                budgetExecution.view(scope, new BudgetExecution.Range(period.id(), period.from(), period.to())));
    }
}
