package io.seire.query.programme;

import io.seire.query.export.AsOf;
import io.seire.query.export.Cells;
import io.seire.query.export.DocumentCharts;
import io.seire.query.export.Formats;
import io.seire.query.export.Language;
import io.seire.query.export.Letterhead;
import io.seire.query.export.Column;
import io.seire.query.export.Table;
import io.seire.query.export.TableWriter;
import io.seire.query.export.Words;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A programme's roll-ups as tables. Budget execution: each component's projects followed by its subtotal, the
 * programme total, then the total's split by funding source. Results: each programme indicator's project values
 * followed by the indicator's sum.
 */
final class ProgrammeTables {

    private ProgrammeTables() {
    }

    static Table budgetExecution(ProgrammeRollUps.BudgetExecutionView view) {
        String c = view.currency();
        return new Table(new Words("Programmi eelarve täitmine", "Programme budget execution"), List.of(
                Column.text("Projekt", "Project"),
                Column.text("Komponent", "Component"),
                Column.money("Eelarve, " + c, "Budget, " + c),
                Column.money("Kulud kumulatiivselt, " + c, "Spent cumulatively, " + c),
                Column.money("Jääk, " + c, "Remaining, " + c),
                Column.percent("Täitmine, %", "Execution, %")),
                "programme-budget-execution_" + view.programme() + "_" + view.to());
    }

    static TableWriter.Rows budgetExecutionRows(ProgrammeRollUps.BudgetExecutionView view) {
        return writer -> {
            for (ProgrammeRollUps.ComponentExecution component : view.components()) {
                for (ProgrammeRollUps.ProjectExecution p : view.projects()) {
                    if (Objects.equals(p.component(), component.component())) {
                        writer.item(p.project(), p.component(), Cells.decimal(p.planned()),
                                Cells.decimal(p.spentCumulative()), Cells.decimal(p.remaining()),
                                Cells.decimal(p.executionPercent()));
                    }
                }
                Words label = component.component() == null ? new Words("Komponendita projektid kokku",
                        "Projects without a component, total") : new Words("Komponent " + component.component()
                        + " kokku", "Component " + component.component() + " total");
                writer.subtotal(label.in(writer.language()), component.component(), Cells.decimal(component.planned()),
                        Cells.decimal(component.spentCumulative()), Cells.decimal(component.remaining()),
                        Cells.decimal(component.executionPercent()));
            }
            ProgrammeRollUps.Execution t = view.totals();
            writer.total(new Words("Kokku", "Total").in(writer.language()), null, Cells.decimal(t.planned()),
                    Cells.decimal(t.spentCumulative()), Cells.decimal(t.remaining()), Cells.decimal(t.executionPercent()));
            for (ProgrammeRollUps.SourceAmount source : view.bySource()) {
                writer.item(new Words("Rahastusallika " + source.source() + " osa kuludest",
                                "Share of funding source " + source.source()).in(writer.language()), null, null,
                        Cells.decimal(source.amount()), null, null);
            }
        };
    }

    /**
     * What the budget execution PDF shows around its table: the programme, the date the figures are cumulated to,
     * the currency and the as-of position; after it, per project its budget beside its cumulative spending.
     */
    static Letterhead budgetExecutionLetterhead(ProgrammeRollUps.BudgetExecutionView view, ProgrammeScope scope,
                                                AsOf asOf, String asked, Language language) {
        Formats f = Formats.of(language);
        List<Letterhead.Field> fields = List.of(
                Letterhead.field(Letterhead.UP_TO, f.date(view.to()), language),
                Letterhead.field(Letterhead.CURRENCY, view.currency(), language));
        List<Letterhead.Chart> charts = new ArrayList<>();
        Words heading = new Words("Eelarve täitmine projektide kaupa", "Budget execution per project");
        List<ProgrammeRollUps.ProjectExecution> projects = view.projects();
        for (int from = 0; from < projects.size(); from += CHART_PROJECTS) {
            List<ProgrammeRollUps.ProjectExecution> part = projects.subList(from,
                    Math.min(projects.size(), from + CHART_PROJECTS));
            List<DocumentCharts.Bar> bars = part.stream().map(p -> new DocumentCharts.Bar(p.project(),
                    Cells.decimal(p.planned()), Cells.decimal(p.spentCumulative()), f.percent(p.executionPercent())))
                    .toList();
            charts.add(new Letterhead.Chart(heading.in(language), DocumentCharts.bars(bars,
                    new Words("Eelarve", "Budget").in(language),
                    new Words("Kulud kumulatiivselt", "Spent cumulatively").in(language), view.currency(), f),
                    Math.min(440, 90 + 34 * part.size())));
        }
        return Letterhead.ofProgramme(budgetExecution(view), scope.id(), scope.programme().name(), language, fields,
                asOf, asked, charts);
    }

    /** Projects per chart: more would crowd the bars' labels. */
    static final int CHART_PROJECTS = 24;

    /**
     * What the results PDF shows around its table: the programme, the date and the as-of position. No chart: the
     * programme's indicators have no targets to chart them against, and their units differ.
     */
    static Letterhead resultsLetterhead(ProgrammeScope scope, LocalDate to, AsOf asOf, String asked,
                                        Language language) {
        return Letterhead.ofProgramme(results(scope.id(), to), scope.id(), scope.programme().name(), language,
                List.of(Letterhead.field(Letterhead.UP_TO, Formats.of(language).date(to), language)), asOf, asked,
                List.of());
    }

    static Table results(String programmeId, LocalDate to) {
        return new Table(new Words("Programmi tulemused", "Programme results"), List.of(
                Column.text("Kood", "Code"),
                Column.text("Näitaja", "Indicator"),
                Column.text("Mõõtühik", "Unit"),
                Column.text("Projekt", "Project"),
                Column.text("Projekti näitaja", "Project indicator"),
                Column.number("Kumulatiivne väärtus", "Cumulative value")),
                "programme-results_" + programmeId + "_" + to);
    }

    static TableWriter.Rows resultsRows(List<ProgrammeRollUps.IndicatorResult> view) {
        return writer -> {
            for (ProgrammeRollUps.IndicatorResult indicator : view) {
                for (ProgrammeRollUps.ProjectIndicatorValue v : indicator.projects()) {
                    writer.item(indicator.code(), indicator.name(), indicator.unit(), v.project(), v.indicator(),
                            Cells.decimal(v.cumulative()));
                }
                writer.subtotal(indicator.code(), indicator.name(), indicator.unit(),
                        new Words("Kõik projektid kokku", "All projects").in(writer.language()), null,
                        Cells.decimal(indicator.cumulative()));
            }
        };
    }
}
