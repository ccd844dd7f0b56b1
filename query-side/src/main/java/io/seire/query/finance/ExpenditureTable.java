package io.seire.query.finance;

import io.seire.query.export.Cells;
import io.seire.query.export.Column;
import io.seire.query.export.Table;
import io.seire.query.export.TableWriter;
import io.seire.query.export.Words;
import java.io.IOException;
import java.util.List;

/**
 * The expenditure list as a table, every page of it: each expenditure's current fields, with what the invoice said
 * in another currency and the rate used beside the amount in project currency.
 */
final class ExpenditureTable {

    private static final Words RECORDED = new Words("Kehtiv", "Recorded");
    private static final Words CANCELLED = new Words("Tühistatud", "Cancelled");

    private ExpenditureTable() {
    }

    static Table of(String projectId, String currency) {
        return new Table(new Words("Kulud", "Expenditures"), List.of(
                Column.text("Kulu ID", "Id"),
                Column.text("Eelarverida", "Budget line"),
                Column.money("Summa, " + currency, "Amount, " + currency),
                Column.money("Originaalsumma", "Original amount"),
                Column.text("Originaalvaluuta", "Original currency"),
                Column.number("Vahetuskurss", "Exchange rate"),
                Column.date("Kursi kuupäev", "Rate date"),
                Column.text("Kursi allikas", "Rate source"),
                Column.date("Kulu tekkimise kuupäev", "Incurred on"),
                Column.date("Tasumise kuupäev", "Paid on"),
                Column.text("Tarnija", "Supplier"),
                Column.text("Arve number", "Invoice"),
                Column.text("Kirjeldus", "Description"),
                Column.text("Korrigeeritav kulu", "Corrects"),
                Column.text("Olek", "Status"),
                Column.timestamp("Salvestatud (UTC)", "Recorded at (UTC)"),
                Column.text("Salvestaja", "Recorded by")),
                "expenditures_" + projectId);
    }

    static void write(ExpenditureList.Item item, TableWriter writer) throws IOException {
        ExpenditureList.Original o = item.original();
        writer.item(item.id(), item.budgetLine(), Cells.decimal(item.amount()),
                o == null ? null : Cells.decimal(o.amount()), o == null ? null : o.currency(),
                o == null ? null : Cells.decimal(o.rate()), o == null ? null : o.rateDate(),
                o == null ? null : o.rateSource(), item.incurredOn(), item.paidOn(), item.supplier(), item.invoice(),
                item.description(), item.corrects(),
                ("CANCELLED".equals(item.status()) ? CANCELLED : RECORDED).in(writer.language()),
                item.recordedAt(), item.actor());
    }
}
