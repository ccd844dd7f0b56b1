package io.seire.query.finance;

import io.seire.query.export.Cells;
import io.seire.query.export.Column;
import io.seire.query.export.Table;
import io.seire.query.export.TableWriter;
import io.seire.query.export.Words;
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

    private static Object[] figures(String label, String subActivity, String costCategory, BudgetExecution.Figures f) {
        return new Object[]{label, subActivity, costCategory, Cells.decimal(f.originalPlanned()),
                Cells.decimal(f.planned()), Cells.decimal(f.spentInPeriod()), Cells.decimal(f.spentCumulative()),
                Cells.decimal(f.remaining()), Cells.decimal(f.executionPercent()), Cells.decimal(f.yearPlanned()),
                Cells.decimal(f.spentInYear()), Cells.decimal(f.yearExecutionPercent())};
    }
}
