package io.seire.query.reporting.document;

import io.seire.query.finance.BudgetExecution;
import io.seire.query.reporting.ReportComposer;
import io.seire.query.setup.ProjectViews;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Everything a report document shows: the report as it was stored at submission, its cumulative section (stored with
 * it, or composed at the report's horizon for reports stored before there was one), and the liaison's decision.
 * Dates of instants are UTC dates, as everywhere in the API.
 */
public record ReportContent(ReportComposer.Document report, ReportComposer.Cumulative cumulative,
                            List<Decision> decisions) {

    /** An approval or a return of the report; {@code position} is its event's global position. */
    public record Decision(String decision, String comment, Instant recordedAt, String actor, long position) {

        public LocalDate date() {
            return recordedAt.atZone(ZoneOffset.UTC).toLocalDate();
        }
    }

    public ProjectViews.ProjectDetail project() {
        return report.projectData();
    }

    public BudgetExecution.View budget() {
        return report.budgetExecution();
    }

    public LocalDate submittedOn() {
        return report.submittedAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The first day of the cumulative reporting period: the project's first day. */
    public LocalDate cumulativeFrom() {
        return cumulative.from();
    }

    public Optional<Decision> decision() {
        return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.get(decisions.size() - 1));
    }

    public List<ProjectViews.Partner> partners() {
        return project().partners() == null ? List.of() : project().partners();
    }

    public String subActivityName(String code) {
        return project().subActivities().stream().filter(s -> s.code().equals(code)).map(ProjectViews.SubActivity::name)
                .findFirst().orElse("");
    }

    public Optional<ProjectViews.BudgetLine> budgetLine(String code) {
        return project().budgetLines().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    public Optional<ProjectViews.Indicator> indicator(String code) {
        return project().indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
