package io.seire.query.finance;

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
import io.seire.query.read.ProjectScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Annex 5 as a table: each sub-activity's lines followed by its subtotal, then the subtotal of each cost category,
 * then the project total; the same figures as the JSON view, in the same order of sub-activities and categories,
 * the year's work-plan columns empty when the year has no approved plan (as they are null in JSON).
 */
final class BudgetExecutionTable {

    private BudgetExecutionTable() {
    }

    static Table of(BudgetExecution.View view) {
        String c = view.currency();
        return new Table(new Words("Eelarve täitmine", "Budget execution"), List.of(
                Column.text("Eelarverida", "Budget line"),
                Column.text("Alategevus", "Sub-activity"),
                Column.text("Kulukategooria", "Cost category"),
                Column.money("Algne eelarve, " + c, "Original budget, " + c),
                Column.money("Kehtiv eelarve, " + c, "Budget in force, " + c),
                Column.money("Kulud perioodis, " + c, "Spent in period, " + c),
                Column.money("Kulud kumulatiivselt, " + c, "Spent cumulatively, " + c),
                Column.money("Jääk, " + c, "Remaining, " + c),
                Column.percent("Täitmine, %", "Execution, %"),
                Column.money("Aasta tööplaan, " + c, "Year's work plan, " + c),
                Column.money("Kulud aastas, " + c, "Spent in year, " + c),
                Column.percent("Aasta täitmine, %", "Year's execution, %")),
                "budget-execution_" + view.project() + "_" + view.to());
    }

    static TableWriter.Rows rows(BudgetExecution.View view) {
        return writer -> {
            for (BudgetExecution.Figures sub : view.subActivities()) {
                for (BudgetExecution.Figures line : view.lines()) {
                    if (Objects.equals(line.subActivity(), sub.subActivity())) {
                        writer.item(figures(line.code(), line.subActivity(), line.costCategory(), line));
                    }
                }
                writer.subtotal(figures(new Words("Alategevus " + sub.subActivity() + " kokku",
                        "Sub-activity " + sub.subActivity() + " total").in(writer.language()), sub.subActivity(), null, sub));
            }
            for (BudgetExecution.Figures category : view.costCategories()) {
                writer.subtotal(figures(new Words("Kulukategooria " + category.costCategory() + " kokku",
                        "Cost category " + category.costCategory() + " total").in(writer.language()), null,
                        category.costCategory(), category));
            }
            writer.total(figures(new Words("Kokku", "Total").in(writer.language()), null, null, view.totals()));
        };
    }

    /**
     * What the PDF shows around the table: the project, the period and the cumulative range, the currency and the
     * as-of position; after it, per budget line the budget in force beside the cumulative spending (24 lines a
     * chart).
     */
    static Letterhead letterhead(BudgetExecution.View view, ProjectScope scope, AsOf asOf, String asked,
                                 Language language) {
        Formats f = Formats.of(language);
        List<Letterhead.Field> fields = List.of(
                Letterhead.field(Letterhead.PERIOD, (view.period() == null ? "" : view.period() + " ")
                        + f.range(view.from(), view.to()), language),
                Letterhead.field(Letterhead.CUMULATIVE, f.range(scope.project().eligibleFrom(), view.to()), language),
                Letterhead.field(Letterhead.CURRENCY, view.currency(), language));
        List<Letterhead.Chart> charts = new ArrayList<>();
        List<BudgetExecution.Figures> lines = view.lines();
        Words heading = new Words("Eelarve täitmine eelarveridade kaupa", "Budget execution per budget line");
        for (int from = 0; from < lines.size(); from += CHART_LINES) {
            List<BudgetExecution.Figures> part = lines.subList(from, Math.min(lines.size(), from + CHART_LINES));
            List<DocumentCharts.Bar> bars = part.stream().map(l -> new DocumentCharts.Bar(l.code(),
                    Cells.decimal(l.planned()), Cells.decimal(l.spentCumulative()), f.percent(l.executionPercent())))
                    .toList();
            charts.add(new Letterhead.Chart(heading.in(language), DocumentCharts.bars(bars,
                    new Words("Kehtiv eelarve", "Budget in force").in(language),
                    new Words("Kulud kumulatiivselt", "Spent cumulatively").in(language), view.currency(), f),
                    Math.min(440, 90 + 34 * part.size())));
        }
        return Letterhead.ofProject(of(view), scope.project(), language, fields, asOf, asked, charts);
    }

    /** Budget lines per chart: more would crowd the bars' labels. */
    static final int CHART_LINES = 24;

    private static Object[] figures(String label, String subActivity, String costCategory, BudgetExecution.Figures f) {
        return new Object[]{label, subActivity, costCategory, Cells.decimal(f.originalPlanned()),
                Cells.decimal(f.planned()), Cells.decimal(f.spentInPeriod()), Cells.decimal(f.spentCumulative()),
                Cells.decimal(f.remaining()), Cells.decimal(f.executionPercent()), Cells.decimal(f.yearPlanned()),
                Cells.decimal(f.spentInYear()), Cells.decimal(f.yearExecutionPercent())};
    }
}
