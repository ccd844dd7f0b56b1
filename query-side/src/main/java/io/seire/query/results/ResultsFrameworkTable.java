package io.seire.query.results;

import io.seire.query.export.Cells;
import io.seire.query.export.Column;
import io.seire.query.export.Table;
import io.seire.query.export.TableWriter;
import io.seire.query.export.Words;
import java.util.List;
import java.util.Map;

/** Annex 2 as a table: one row per indicator, numbers as numbers, a text indicator's values as text. */
final class ResultsFrameworkTable {

    private static final Map<String, Words> STATUS = Map.of(
            "ACHIEVED", new Words("Saavutatud", "Achieved"),
            "ON_TRACK", new Words("Graafikus", "On track"),
            "BEHIND", new Words("Graafikust maas", "Behind"));
    private static final Map<String, Words> MEASURE = Map.of(
            "NUMBER", new Words("Arv", "Number"),
            "PERCENTAGE", new Words("Protsent", "Percentage"),
            "TEXT", new Words("Tekst", "Text"));
    private static final Map<String, Words> AGGREGATION = Map.of(
            "SUM", new Words("Summa", "Sum"),
            "LATEST", new Words("Viimane väärtus", "Latest value"),
            "MAX", new Words("Suurim väärtus", "Highest value"));
    private static final Words ASCENDING = new Words("Kasvav", "Ascending");
    private static final Words DESCENDING = new Words("Kahanev", "Descending");

    private ResultsFrameworkTable() {
    }

    static Table of(String projectId, String period) {
        return new Table(new Words("Tulemusraamistik", "Results framework"), List.of(
                Column.text("Kood", "Code"),
                Column.text("Näitaja", "Indicator"),
                Column.text("Mõõtühik", "Unit"),
                Column.number("Algtase", "Baseline"),
                Column.number("Vahesiht", "Milestone"),
                Column.number("Sihttase", "Target"),
                Column.number("Väärtus perioodis", "Value in period"),
                Column.number("Kumulatiivne väärtus", "Cumulative value"),
                Column.percent("Täitmine sihttasemest, %", "Progress towards target, %"),
                Column.text("Seisund", "Status"),
                Column.text("Väärtuse liik", "Measure"),
                Column.text("Kumuleerimise viis", "Aggregation"),
                Column.text("Suund", "Direction")),
                "results-framework_" + projectId + "_" + period);
    }

    static TableWriter.Rows rows(List<ResultsFramework.Row> view) {
        return writer -> {
            for (ResultsFramework.Row r : view) {
                boolean text = "TEXT".equals(r.measure());
                writer.item(r.code(), r.name(), r.unit(), Cells.numberOrText(r.baseline(), text),
                        Cells.numberOrText(r.milestone(), text), Cells.numberOrText(r.target(), text),
                        Cells.numberOrText(r.valueInPeriod(), text), Cells.numberOrText(r.cumulative(), text),
                        Cells.decimal(r.percentOfTarget()), label(STATUS, r.status(), writer),
                        label(MEASURE, r.measure(), writer), label(AGGREGATION, r.aggregation(), writer),
                        (r.ascending() ? ASCENDING : DESCENDING).in(writer.language()));
            }
        };
    }

    private static String label(Map<String, Words> labels, String value, TableWriter writer) {
        if (value == null) {
            return null;
        }
        Words words = labels.get(value);
        return words == null ? value : words.in(writer.language());
    }
}
