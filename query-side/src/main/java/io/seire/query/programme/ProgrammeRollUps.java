package io.seire.query.programme;

import io.seire.kernel.programme.FundingShares;
import io.seire.query.finance.BudgetExecution;
import io.seire.query.read.Decimals;
import io.seire.query.read.Periods;
import io.seire.query.read.ProjectBatch;
import io.seire.query.read.ProjectFigures;
import io.seire.query.read.ProjectScope;
import io.seire.query.results.ResultsFramework;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A programme's roll-ups, gathered from its projects' own views so that no rule has a second copy (ADR 0022).
 *
 * <p>Budget execution: a project's figures are the {@code totals} of its own budget execution with {@code to};
 * components and totals add them up, the execution percentage recomputed (two decimals HALF_UP); the programme's
 * spending is split among the funding sources by their shares, the last source taking the rounding remainder.
 *
 * <p>Results: a programme indicator's cumulative value is the sum, over the project indicators mapped to it, of
 * each one's cumulative value in its project's results framework for the reporting period that contains {@code to}
 * (after the project's last period: the last one; between two periods: the one before; before the first: the
 * indicator's baseline, or 0 without one).
 */
@Component
public class ProgrammeRollUps {

    public record Execution(String planned, String spentCumulative, String remaining, String executionPercent) {
    }

    public record ProjectExecution(String project, String component, String planned, String spentCumulative,
                                   String remaining, String executionPercent) {
    }

    public record ComponentExecution(String component, String planned, String spentCumulative, String remaining,
                                     String executionPercent) {
    }

    public record SourceAmount(String source, String amount) {
    }

    public record BudgetExecutionView(String programme, String currency, LocalDate to, List<ProjectExecution> projects,
                                      List<ComponentExecution> components, Execution totals,
                                      List<SourceAmount> bySource) {
    }

    public record ProjectIndicatorValue(String project, String indicator, String cumulative) {
    }

    public record IndicatorResult(String code, String name, String unit, String cumulative,
                                  List<ProjectIndicatorValue> projects) {
    }

    private final JdbcClient jdbc;
    private final ProgrammeGate gate;
    private final BudgetExecution budgetExecution;
    private final ResultsFramework resultsFramework;
    private final ProjectFigures figures;

    public ProgrammeRollUps(JdbcClient jdbc, ProgrammeGate gate, BudgetExecution budgetExecution,
                            ResultsFramework resultsFramework, ProjectFigures figures) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.budgetExecution = budgetExecution;
        this.resultsFramework = resultsFramework;
        this.figures = figures;
    }

    /** Planned and spent of a project, a component or the programme. */
    private record Money(BigDecimal planned, BigDecimal spent) {
        static final Money ZERO = new Money(BigDecimal.ZERO, BigDecimal.ZERO);

        Money plus(Money other) {
            return new Money(planned.add(other.planned), spent.add(other.spent));
        }

        Execution execution(ProgrammeScope scope) {
            return new Execution(scope.money(planned), scope.money(spent), scope.money(planned.subtract(spent)),
                    Decimals.percent(spent, planned));
        }
    }

    public BudgetExecutionView budgetExecution(ProgrammeScope scope, LocalDate to) {
        List<ProjectScope> members = gate.projects(scope);
        // gathered again only when one of the projects changed since (each from its own remembered totals)
        return figures.gathered("budget-execution", new Argument(scope.programme(), to), members,
                () -> budgetExecution(scope, members, to));
    }

    /** What a roll-up depends on besides its projects' states. */
    private record Argument(ProgrammeRow programme, LocalDate to) {
    }

    private BudgetExecutionView budgetExecution(ProgrammeScope scope, List<ProjectScope> members, LocalDate to) {
        List<ProjectExecution> projects = new ArrayList<>();
        Map<String, Money> byComponent = new LinkedHashMap<>();
        scope.programme().components().forEach(c -> byComponent.put(c.code(), Money.ZERO));
        Money total = Money.ZERO;
        // each project's totals are remembered by its state: only projects that changed since are read again
        Map<String, BudgetExecution.ProjectTotals> all = figures.of("budget-totals", sameArgument(members, to),
                missing -> budgetExecution.totalsTo(List.copyOf(missing.keySet()), to));
        for (ProjectScope project : members) {
            BudgetExecution.ProjectTotals totals = all.get(project.id());
            Money money = new Money(totals.planned(), totals.spentCumulative());
            String component = project.project().component();
            Execution e = money.execution(scope);
            projects.add(new ProjectExecution(project.id(), component, e.planned(), e.spentCumulative(), e.remaining(),
                    e.executionPercent()));
            byComponent.merge(component, money, Money::plus);
            total = total.plus(money);
        }
        List<ComponentExecution> components = new ArrayList<>();
        byComponent.forEach((component, money) -> {
            Execution e = money.execution(scope);
            components.add(new ComponentExecution(component, e.planned(), e.spentCumulative(), e.remaining(),
                    e.executionPercent()));
        });
        List<ProgrammeRow.Source> sources = scope.programme().fundingSources();
        List<BigDecimal> split = FundingShares.split(total.spent(),
                sources.stream().map(ProgrammeRow.Source::share).toList(), scope.programme().minorDigits());
        List<SourceAmount> bySource = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            bySource.add(new SourceAmount(sources.get(i).code(), scope.money(split.get(i))));
        }
        return new BudgetExecutionView(scope.id(), scope.programme().currency(), to, projects, components,
                total.execution(scope), bySource);
    }

    /** A project indicator mapped to a programme indicator. */
    private record Mapped(String code, String programmeIndicator, BigDecimal baseline) {
    }

    /** What a project indicator mapped to a programme indicator contributes to it. */
    private record Contribution(String programmeIndicator, String indicator, BigDecimal value) {
    }

    public List<IndicatorResult> results(ProgrammeScope scope, LocalDate to) {
        List<ProjectScope> members = gate.projects(scope);
        return figures.gathered("results", new Argument(scope.programme(), to), members,
                () -> results(scope, members, to));
    }

    private List<IndicatorResult> results(ProgrammeScope scope, List<ProjectScope> members, LocalDate to) {
        // each project's contributions are remembered by its state: only projects that changed since are read again
        Map<String, List<Contribution>> contributions = figures.of("results-contributions", sameArgument(members, to),
                missing -> contributions(List.copyOf(missing.keySet()), to));
        Map<String, List<ProjectIndicatorValue>> values = new HashMap<>();
        Map<String, BigDecimal> sums = new HashMap<>();
        for (ProjectScope project : members) {
            for (Contribution c : contributions.getOrDefault(project.id(), List.of())) {
                values.computeIfAbsent(c.programmeIndicator(), k -> new ArrayList<>())
                        .add(new ProjectIndicatorValue(project.id(), c.indicator(), Decimals.plain(c.value())));
                sums.merge(c.programmeIndicator(), c.value(), BigDecimal::add);
            }
        }
        return scope.programme().indicators().stream().map(i -> new IndicatorResult(i.code(), i.name(), i.unit(),
                Decimals.plain(sums.getOrDefault(i.code(), BigDecimal.ZERO)),
                values.getOrDefault(i.code(), List.of()))).toList();
    }

    /**
     * Per project, what each of its indicators mapped to a programme indicator contributes at {@code to}: its
     * cumulative value in the project's results framework for the period that counts, or its baseline before the
     * first period; in the order the indicators were defined.
     */
    private Map<String, List<Contribution>> contributions(List<ProjectScope> members, LocalDate to) {
        Map<String, List<Mapped>> mapped = new HashMap<>();
        ProjectBatch batch = ProjectBatch.of(members);
        jdbc.sql("SELECT i.project_id, code, programme_indicator, baseline FROM indicator i " + batch.join("i")
                        + " WHERE programme_indicator IS NOT NULL AND " + batch.visible("i")
                        + " ORDER BY i.project_id, i.position")
                .params(batch.params())
                .query(rs -> {
                    mapped.computeIfAbsent(rs.getString("project_id"), k -> new ArrayList<>()).add(new Mapped(
                            rs.getString("code"), rs.getString("programme_indicator"), rs.getBigDecimal("baseline")));
                });
        List<ProjectScope> withMapped = members.stream().filter(p -> mapped.containsKey(p.id())).toList();
        Map<String, List<Periods.Period>> periods = Periods.ofAll(jdbc, withMapped.stream().map(ProjectScope::id).toList());
        Map<ProjectScope, Periods.Period> started = new LinkedHashMap<>();
        for (ProjectScope project : withMapped) {
            Periods.Period period = periodFor(periods.get(project.id()), to);
            if (period != null) {
                started.put(project, period);
            }
        }
        Map<String, List<ResultsFramework.Row>> frameworks = resultsFramework.views(started);
        Map<String, List<Contribution>> contributions = new HashMap<>();
        for (ProjectScope project : members) {
            List<Contribution> ofProject = new ArrayList<>();
            if (mapped.containsKey(project.id())) {
                Periods.Period period = started.get(project);
                Map<String, BigDecimal> cumulative = new HashMap<>();
                for (ResultsFramework.Row row : frameworks.getOrDefault(project.id(), List.of())) {
                    // a text indicator's value is no number to sum (and a text indicator is never a programme's)
                    if (row.cumulative() != null && !"TEXT".equals(row.measure())) {
                        cumulative.put(row.code(), new BigDecimal(row.cumulative()));
                    }
                }
                for (Mapped m : mapped.get(project.id())) {
                    BigDecimal value = period == null ? Objects.requireNonNullElse(m.baseline(), BigDecimal.ZERO)
                            : cumulative.getOrDefault(m.code(), BigDecimal.ZERO);
                    ofProject.add(new Contribution(m.programmeIndicator(), m.code(), value));
                }
            }
            contributions.put(project.id(), List.copyOf(ofProject));
        }
        return contributions;
    }

    /** Every project with the same argument, in the projects' order. */
    private static <A> Map<ProjectScope, A> sameArgument(List<ProjectScope> projects, A argument) {
        Map<ProjectScope, A> arguments = new LinkedHashMap<>();
        projects.forEach(p -> arguments.put(p, argument));
        return arguments;
    }

    /**
     * The reporting period whose results count at {@code to}: the one containing it, else the last one before it;
     * null when {@code to} comes before the first (the periods are ordered and never overlap).
     */
    static Periods.Period periodFor(List<Periods.Period> periods, LocalDate to) {
        Periods.Period found = null;
        for (Periods.Period p : periods) {
            if (!p.from().isAfter(to)) {
                found = p;
            }
        }
        return found;
    }
}
