package io.seire.query.finance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.seire.kernel.RuleViolation;
import io.seire.platform.web.InvalidRequest;
import io.seire.query.read.Decimals;
import io.seire.query.read.ProjectScope;
import io.seire.query.workplans.WorkPlanView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Annex 5, budget execution: per budget line the original and current plan, what was spent in the period and
 * cumulatively from the project's first day, what remains and the execution percentage; subtotals per sub-activity
 * and cost category; project totals.
 *
 * <p>A flat-rate line's cumulative amount to a date is its rate of the base category's cumulative spending, rounded
 * to the minor unit HALF_UP; its amount in a period is the cumulative amount at the period's end less the
 * cumulative amount before the period's start. Percentages are two decimals HALF_UP.
 *
 * <p>Beside the whole-project figures, the calendar year that contains the range's end: what the year's approved work
 * plan plans ({@code yearPlanned}), what was spent in that year up to the range's end ({@code spentInYear}) and the
 * share of it ({@code yearExecutionPercent}); all null when no plan of the year is approved at the horizon (ADR 0024).
 */
@Component
public class BudgetExecution {

    /** The date range a view covers: "in period" is [from, to], "cumulative" is everything up to {@code to}. */
    public record Range(String period, LocalDate from, LocalDate to) {
    }

    public record Figures(@JsonInclude(JsonInclude.Include.NON_NULL) String code,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String subActivity,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String costCategory, String originalPlanned,
                          String planned, String spentInPeriod, String spentCumulative, String remaining,
                          String executionPercent, String yearPlanned, String spentInYear,
                          String yearExecutionPercent) {
    }

    public record View(String project, String currency, String period, LocalDate from, LocalDate to,
                       List<Figures> lines, List<Figures> subActivities, List<Figures> costCategories,
                       Figures totals) {
    }

    private final JdbcClient jdbc;
    private final Spending spending;

    public BudgetExecution(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.spending = new Spending(jdbc);
    }

    public Range range(ProjectScope scope, String period, LocalDate to) {
        if ((period == null || period.isBlank()) == (to == null)) {
            throw InvalidRequest.of(period == null ? "period" : "to",
                    "Give either period=<reporting period id> or to=<date>, one of them.");
        }
        if (period != null && !period.isBlank()) {
            return jdbc.sql("SELECT period_id, date_from, date_to FROM reporting_period WHERE project_id = :projectId "
                            + "AND period_id = :period")
                    .param("projectId", scope.id()).param("period", period)
                    .query((rs, i) -> new Range(rs.getString("period_id"), rs.getObject("date_from", LocalDate.class),
                                    rs.getObject("date_to", LocalDate.class)))
                    .list().stream().findFirst()
                    .orElseThrow(() -> RuleViolation.unprocessable("period-exists", "period",
                            "The project has no reporting period '" + period + "'."));
        }
        return jdbc.sql("SELECT period_id, date_from FROM reporting_period WHERE project_id = :projectId "
                        + "AND :to BETWEEN date_from AND date_to")
                .param("projectId", scope.id()).param("to", to)
                .query((rs, i) -> new Range(rs.getString("period_id"), rs.getObject("date_from", LocalDate.class), to))
                .list().stream().findFirst()
                .orElseThrow(() -> RuleViolation.unprocessable("date-in-a-reporting-period", "to",
                        to + " lies in none of the project's reporting periods."));
    }

    /**
     * The money of the whole project with {@code to=<date>}, as this view's {@code totals} give it: planned in force on
     * that date and spent up to it, flat-rate lines included. Programme roll-ups add these up; unlike the view, any
     * date is accepted (a project with no reporting period around it has simply spent what it spent by then).
     */
    public record ProjectTotals(BigDecimal planned, BigDecimal spentCumulative) {
    }

    /**
     * {@link ProjectTotals} of several projects in three queries, whatever their number (a programme's roll-up reads
     * a hundred projects as fast as one project's view).
     */
    public Map<String, ProjectTotals> totalsTo(List<ProjectScope> projects, LocalDate to) {
        Map<String, BudgetPlan> plans = BudgetPlan.loadAll(jdbc, projects);
        Map<String, Map<String, BigDecimal>> spent = spending.cumulativeByLine(projects, to);
        Range range = new Range(null, to, to);
        Map<String, ProjectTotals> totals = new LinkedHashMap<>();
        for (ProjectScope project : projects) {
            Map<String, Spending.LineSums> sums = new java.util.HashMap<>();
            spent.get(project.id()).forEach((line, cumulative) ->
                    sums.put(line, new Spending.LineSums(BigDecimal.ZERO, cumulative, BigDecimal.ZERO)));
            Amounts total = Amounts.sum(amounts(plans.get(project.id()), sums, range, null));
            totals.put(project.id(), new ProjectTotals(total.planned(), total.cumulative()));
        }
        return totals;
    }

    public View view(ProjectScope scope, Range range) {
        List<Amounts> lines = amounts(scope, range, true);
        return new View(scope.id(), scope.project().currency(), range.period(), range.from(), range.to(),
                lines.stream().map(a -> a.figures(scope, a.line.code(), a.line.subActivity(), a.line.costCategory())).toList(),
                subtotals(lines, a -> a.line.subActivity(), scope, true),
                subtotals(lines, a -> a.line.costCategory(), scope, false),
                Amounts.sum(lines).figures(scope, null, null, null));
    }

    /** Every budget line's money over the range, and in the range's year when asked for and a plan is approved. */
    private List<Amounts> amounts(ProjectScope scope, Range range, boolean withYear) {
        BudgetPlan plan = BudgetPlan.load(jdbc, scope.id(), scope.horizon(), scope.project().minorDigits());
        Year year = withYear ? year(scope, range, plan) : null;
        return amounts(plan, spending.byLine(scope.id(), scope.horizon(), range.from(), range.to()), range, year);
    }

    /** Every budget line's money over the range, from the plan and the spending per line; the year's when given. */
    private static List<Amounts> amounts(BudgetPlan plan, Map<String, Spending.LineSums> sums, Range range, Year year) {
        Map<String, BigDecimal> baseAtEnd = new java.util.HashMap<>();
        Map<String, BigDecimal> baseBefore = new java.util.HashMap<>();
        for (BudgetPlan.Line line : plan.lines()) {
            Spending.LineSums s = sums.get(line.code());
            if (!line.isFlatRate() && s != null) {
                baseAtEnd.merge(line.costCategory(), s.cumulative(), BigDecimal::add);
                baseBefore.merge(line.costCategory(), s.before(), BigDecimal::add);
            }
        }

        List<Amounts> lines = new ArrayList<>();
        for (BudgetPlan.Line line : plan.lines()) {
            BigDecimal inPeriod;
            BigDecimal cumulative;
            if (line.isFlatRate()) {
                cumulative = plan.flatRate(baseAtEnd.getOrDefault(line.flatRateOf(), BigDecimal.ZERO), line.flatRatePercent());
                BigDecimal before = plan.flatRate(baseBefore.getOrDefault(line.flatRateOf(), BigDecimal.ZERO), line.flatRatePercent());
                inPeriod = cumulative.subtract(before);
            } else {
                Spending.LineSums s = sums.getOrDefault(line.code(), Spending.LineSums.ZERO);
                inPeriod = s.inPeriod();
                cumulative = s.cumulative();
            }
            lines.add(new Amounts(line, plan.originalPlanned(line), plan.plannedOn(line, range.to()), inPeriod, cumulative,
                    year == null ? null : year.planned(line), year == null ? null : year.spent(line, cumulative)));
        }
        return lines;
    }

    /**
     * The calendar year of the range's end, if a plan of it is approved at the horizon: the plan's amounts and what
     * was spent before the year and in it up to the range's end.
     */
    private Year year(ProjectScope scope, Range range, BudgetPlan plan) {
        int number = range.to().getYear();
        Optional<Map<String, BigDecimal>> approved = WorkPlanView.approvedBudget(jdbc, scope.id(), number,
                scope.horizon());
        if (approved.isEmpty()) {
            return null;
        }
        Map<String, Spending.LineSums> sums = spending.byLine(scope.id(), scope.horizon(), LocalDate.of(number, 1, 1),
                range.to());
        return new Year(plan, approved.get(), sums);
    }

    /**
     * A year's approved plan and spending. A line the plan does not name is planned at 0. A flat-rate line is planned
     * at its rate of the year's planned base category, and has spent its cumulative amount at the range's end less
     * its cumulative amount at the end of the year before (both rounded, as every flat-rate amount is).
     */
    private record Year(BudgetPlan plan, Map<String, BigDecimal> approved, Map<String, Spending.LineSums> sums) {

        BigDecimal planned(BudgetPlan.Line line) {
            if (!line.isFlatRate()) {
                return approved.getOrDefault(line.code(), BigDecimal.ZERO);
            }
            return plan.flatRate(base(line, l -> approved.getOrDefault(l.code(), BigDecimal.ZERO)),
                    line.flatRatePercent());
        }

        BigDecimal spent(BudgetPlan.Line line, BigDecimal cumulative) {
            if (!line.isFlatRate()) {
                return sums.getOrDefault(line.code(), Spending.LineSums.ZERO).inPeriod();
            }
            BigDecimal beforeYear = base(line, l -> sums.getOrDefault(l.code(), Spending.LineSums.ZERO).before());
            return cumulative.subtract(plan.flatRate(beforeYear, line.flatRatePercent()));
        }

        /** An amount summed over the ordinary lines of a flat-rate line's base category. */
        private BigDecimal base(BudgetPlan.Line flatRate, Function<BudgetPlan.Line, BigDecimal> amount) {
            return plan.lines().stream()
                    .filter(l -> !l.isFlatRate() && l.costCategory().equals(flatRate.flatRateOf()))
                    .map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private static List<Figures> subtotals(List<Amounts> lines, Function<Amounts, String> key, ProjectScope scope,
                                           boolean bySubActivity) {
        Map<String, List<Amounts>> groups = new LinkedHashMap<>();
        for (Amounts a : lines) {
            groups.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a);
        }
        List<Figures> result = new ArrayList<>();
        groups.forEach((k, group) -> result.add(Amounts.sum(group)
                .figures(scope, null, bySubActivity ? k : null, bySubActivity ? null : k)));
        return result;
    }

    /** The money of one line, or of a group of lines. */
    private record Amounts(BudgetPlan.Line line, BigDecimal originalPlanned, BigDecimal planned, BigDecimal inPeriod,
                           BigDecimal cumulative, BigDecimal yearPlanned, BigDecimal spentInYear) {

        static Amounts sum(List<Amounts> group) {
            BigDecimal original = BigDecimal.ZERO;
            BigDecimal planned = BigDecimal.ZERO;
            BigDecimal inPeriod = BigDecimal.ZERO;
            BigDecimal cumulative = BigDecimal.ZERO;
            // a project without budget lines has no yearly figures to show
            BigDecimal yearPlanned = group.isEmpty() ? null : BigDecimal.ZERO;
            BigDecimal spentInYear = group.isEmpty() ? null : BigDecimal.ZERO;
            for (Amounts a : group) {
                original = original.add(a.originalPlanned);
                planned = planned.add(a.planned);
                inPeriod = inPeriod.add(a.inPeriod);
                cumulative = cumulative.add(a.cumulative);
                yearPlanned = a.yearPlanned == null || yearPlanned == null ? null : yearPlanned.add(a.yearPlanned);
                spentInYear = a.spentInYear == null || spentInYear == null ? null : spentInYear.add(a.spentInYear);
            }
            return new Amounts(null, original, planned, inPeriod, cumulative, yearPlanned, spentInYear);
        }

        Figures figures(ProjectScope scope, String code, String subActivity, String costCategory) {
            return new Figures(code, subActivity, costCategory, scope.money(originalPlanned), scope.money(planned),
                    scope.money(inPeriod), scope.money(cumulative), scope.money(planned.subtract(cumulative)),
                    Decimals.percent(cumulative, planned), scope.money(yearPlanned), scope.money(spentInYear),
                    Decimals.percent(spentInYear, yearPlanned));
        }
    }
}
