package io.seire.query.export;

import java.time.Instant;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * What a view's PDF shows around its table, in the reader's language: the title, the fields naming what the figures
 * are of (the project or programme, the period, the as-of position), the charts after the table, and the footer
 * line. {@code recordedAt} (the instant of the last event the figures include) is the PDF's creation and
 * modification date and {@code identity} gives its file identifier, so the same view at the same horizon is the
 * same bytes (ADR 0033).
 */
public record Letterhead(String title, List<Field> fields, Instant recordedAt, String identity, String footer,
                         List<Chart> charts) {

    public Letterhead {
        fields = List.copyOf(fields);
        charts = List.copyOf(charts);
    }

    /** A header field: its label and its value, both already in the document's language. */
    public record Field(String label, String value) {
    }

    /** A chart drawn after the table across the page, {@code height} points high, under its own heading. */
    public record Chart(String heading, JFreeChart chart, float height) {
    }

    public static Field field(Words label, String value, Language language) {
        return new Field(label.in(language), value);
    }

    /**
     * A project view's letterhead: the view's title and the project's name, the project, its beneficiary, the
     * fields the view adds (its period), and the as-of position ({@code asOf} as asked, when asked) with the instant
     * of the last event the figures include.
     */
    public static Letterhead ofProject(Table table, io.seire.query.read.ProjectRow project, Language language,
                                       List<Field> more, AsOf asOf, String asked, List<Chart> charts) {
        List<Field> fields = new java.util.ArrayList<>();
        fields.add(field(PROJECT, project.id() + " \u2013 " + project.name(), language));
        fields.add(field(BENEFICIARY, project.beneficiary(), language));
        fields.addAll(more);
        fields.add(field(AS_OF, asOfText(asOf, asked, language), language));
        String title = table.title().in(language);
        return new Letterhead(title, fields, asOf.recordedAt(), table.fileName() + "\n" + asOf.position(),
                title + " \u00b7 " + project.id() + " \u00b7 " + asOf.describe(language), charts);
    }

    /** A programme view's letterhead: the programme, the fields the view adds, and the as-of position. */
    public static Letterhead ofProgramme(Table table, String programme, String name, Language language,
                                         List<Field> more, AsOf asOf, String asked, List<Chart> charts) {
        List<Field> fields = new java.util.ArrayList<>();
        fields.add(field(PROGRAMME, programme + " \u2013 " + name, language));
        fields.addAll(more);
        fields.add(field(AS_OF, asOfText(asOf, asked, language), language));
        String title = table.title().in(language);
        return new Letterhead(title, fields, asOf.recordedAt(), table.fileName() + "\n" + asOf.position(),
                title + " \u00b7 " + programme + " \u00b7 " + asOf.describe(language), charts);
    }

    private static String asOfText(AsOf asOf, String asked, Language language) {
        String position = asOf.describe(language);
        return asked == null || asked.isBlank() ? position
                : "asOf " + asked.trim() + " \u2192 " + position;
    }

    public static final Words PROJECT = new Words("Projekt", "Project");
    public static final Words PROGRAMME = new Words("Programm", "Programme");
    public static final Words BENEFICIARY = new Words("Toetuse saaja", "Beneficiary");
    public static final Words PERIOD = new Words("Periood", "Period");
    public static final Words CUMULATIVE = new Words("Kumulatiivselt", "Cumulatively");
    public static final Words UP_TO = new Words("Kuni kuupäevani", "Up to");
    public static final Words CURRENCY = new Words("Valuuta", "Currency");
    public static final Words AS_OF = new Words("Seisuga", "As of");

    /** The letterhead with further charts. */
    public Letterhead withCharts(List<Chart> more) {
        List<Chart> all = new java.util.ArrayList<>(charts);
        all.addAll(more);
        return new Letterhead(title, fields, recordedAt, identity, footer, all);
    }
}
