package io.seire.query.results;

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
import io.seire.query.read.Periods;
import io.seire.query.read.ProjectScope;
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

    /**
     * What the PDF shows around the table: the project, the period and the cumulative range, the as-of position;
     * after it, each numeric indicator's progress towards its target (the target as 100 %), one chart for all, as
     * the indicators' units differ.
     */
    static Letterhead letterhead(List<ResultsFramework.Row> view, ProjectScope scope, Periods.Period period, AsOf asOf,
                                 String asked, Language language) {
        Formats f = Formats.of(language);
        List<Letterhead.Field> fields = List.of(
                Letterhead.field(Letterhead.PERIOD, period.id() + " " + f.range(period.from(), period.to()), language),
                Letterhead.field(Letterhead.CUMULATIVE, f.range(scope.project().eligibleFrom(), period.to()), language));
        List<DocumentCharts.Bar> bars = view.stream().filter(r -> !"TEXT".equals(r.measure())
                        && r.percentOfTarget() != null)
                .map(r -> new DocumentCharts.Bar(r.code(), HUNDRED, Cells.decimal(r.percentOfTarget()),
                        f.percent(r.percentOfTarget()))).toList();
        List<Letterhead.Chart> charts = bars.isEmpty() ? List.of() : List.of(new Letterhead.Chart(
                new Words("Näitajate täitmine sihttasemest", "Indicators' progress towards their targets").in(language),
                DocumentCharts.bars(bars, new Words("Sihttase (100 %)", "Target (100 %)").in(language),
                        new Words("Kumulatiivne väärtus, % sihttasemest", "Cumulative value, % of target").in(language),
                        "%", f), Math.min(440, 90 + 34 * bars.size())));
        return Letterhead.ofProject(of(scope.id(), period.id()), scope.project(), language, fields, asOf, asked, charts);
    }

    private static final java.math.BigDecimal HUNDRED = new java.math.BigDecimal("100");

    private static String label(Map<String, Words> labels, String value, TableWriter writer) {
        if (value == null) {
            return null;
        }
        Words words = labels.get(value);
        return words == null ? value : words.in(writer.language());
    }
}
