package io.seire.query.export;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table as a PDF for people, laid out with the monitoring report's building blocks ({@link PdfKit}): the
 * letterhead (title and the fields naming what the figures are of), the table with its header repeated on every
 * page, subtotal rows bold on a band, total rows bold on the header's colour, then the charts, and a footer with
 * "page N / total" on every page. Numbers and dates in the language's forms ({@link Formats}), right-aligned.
 * Columns are as wide as their longest cell (numbers never wrap; long text shares what is left), and a table too
 * wide for a portrait page is laid out on landscape pages.
 *
 * <p>A table may also be gathered ({@link #gather}) to be one section of a larger document ({@link PdfSections}).
 * Rows are gathered and the document written at {@link #finish()}: a view written as a PDF is bounded (a
 * project's lines, indicators, a programme's projects), as is any table {@link Tables#answer} writes in memory.
 */
public final class PdfTable implements TableWriter {

    private static final float CELL_PADDING = 8.5f;
    private static final float MAX_TEXT_WIDTH = 190;

    private record Line(RowKind kind, Object[] cells) {
    }

    private final Table table;
    private final Language language;
    private final Formats formats;
    private final OutputStream out;
    private final Letterhead head;
    private final List<Line> lines = new ArrayList<>();

    PdfTable(Table table, Language language, OutputStream out, Letterhead head) {
        this.table = table;
        this.language = language;
        this.formats = Formats.of(language);
        this.out = out;
        this.head = head;
    }

    @Override
    public Language language() {
        return language;
    }

    @Override
    public void row(RowKind kind, Object... cells) {
        if (cells.length != table.columns().size()) {
            throw new IllegalArgumentException("A row of " + table.fileName() + " has " + table.columns().size()
                    + " cells, not " + cells.length);
        }
        lines.add(new Line(kind, cells.clone()));
    }

    /** A table gathered to be laid out as a section of a larger PDF ({@link PdfSections}). */
    public static PdfTable gather(Table table, Language language) {
        return new PdfTable(table, language, null, null);
    }

    @Override
    public void finish() throws IOException {
        if (out == null) {
            return; // a section: laid out by its document
        }
        PdfSections.write(out, language, head, List.of(new PdfSections.Section(null, this)));
    }

    /** How wide the table wants to be, in points: every column as wide as its widest cell. */
    float neededWidth(PdfKit kit) {
        float total = 0;
        for (float w : widths(kit)[1]) {
            total += w;
        }
        return total;
    }

    /** The table laid out to fill {@code available} points, its header row repeated on every page. */
    PdfPTable layout(PdfKit kit, float available) {
        float[] widths = fit(widths(kit), available);
        PdfPTable t = kit.table(widths);
        t.setHeaderRows(1);
        for (Column c : table.columns()) {
            PdfPCell h = kit.headerCell(c.label().in(language));
            if (numeric(c.kind())) {
                h.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            t.addCell(h);
        }
        for (Line line : lines) {
            Font font = line.kind() == RowKind.ITEM ? kit.cell : kit.cellBold;
            Color fill = switch (line.kind()) {
                case ITEM -> null;
                case SUBTOTAL -> PdfKit.BAND;
                case TOTAL -> PdfKit.HEAD;
            };
            for (int i = 0; i < line.cells().length; i++) {
                Object value = line.cells()[i];
                String text = text(table.columns().get(i).kind(), value);
                PdfPCell c = value instanceof Number || value instanceof LocalDate || value instanceof Instant
                        ? kit.number(text, font) : kit.plain(text, font);
                if (fill != null) {
                    c.setBackgroundColor(fill);
                }
                t.addCell(c);
            }
        }
        if (lines.isEmpty()) {
            PdfPCell none = kit.plain(new Words("Andmeid ei ole.", "There is nothing to show.").in(language), kit.cell);
            none.setColspan(widths.length);
            t.addCell(none);
        }
        return t;
    }

    /**
     * Per column the narrowest it may be (its longest word: a word is never broken; a number or date whole) and the
     * width it wants (its longest line, text at most {@link #MAX_TEXT_WIDTH}), in points: {@code [narrowest, wanted]}.
     */
    private float[][] widths(PdfKit kit) {
        int n = table.columns().size();
        float[] narrowest = new float[n];
        float[] wanted = new float[n];
        for (int i = 0; i < n; i++) {
            float word = longestWord(kit.fonts.bold, table.columns().get(i).label().in(language)) + CELL_PADDING;
            narrowest[i] = word;
            wanted[i] = word;
        }
        for (Line line : lines) {
            BaseFont font = line.kind() == RowKind.ITEM ? kit.fonts.regular : kit.fonts.bold;
            for (int i = 0; i < n; i++) {
                Object value = line.cells()[i];
                String text = text(table.columns().get(i).kind(), value);
                float longest = 0;
                for (String part : text.split("\n", -1)) {
                    longest = Math.max(longest, width(font, part));
                }
                if (value instanceof String) {
                    narrowest[i] = Math.max(narrowest[i], Math.min(MAX_TEXT_WIDTH, longestWord(font, text) + CELL_PADDING));
                    wanted[i] = Math.max(wanted[i], Math.min(MAX_TEXT_WIDTH, longest + CELL_PADDING));
                } else {
                    narrowest[i] = Math.max(narrowest[i], longest + CELL_PADDING);
                    wanted[i] = Math.max(wanted[i], longest + CELL_PADDING);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            wanted[i] = Math.max(wanted[i], narrowest[i]);
        }
        return new float[][] {narrowest, wanted};
    }

    private static float longestWord(BaseFont font, String text) {
        float longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, width(font, word));
        }
        return longest;
    }

    /**
     * Widths that fill {@code available} points, as a browser lays out a table: every column gets what it wants when
     * that fits (the rest shared in proportion); otherwise every column its narrowest, and what is left shared in
     * proportion to what each wants beyond it. Only when even the narrowest widths do not fit does everything
     * shrink alike.
     */
    private static float[] fit(float[][] widths, float available) {
        float[] narrowest = widths[0];
        float[] wanted = widths[1];
        float sumWanted = 0;
        float sumNarrowest = 0;
        for (int i = 0; i < wanted.length; i++) {
            sumWanted += wanted[i];
            sumNarrowest += narrowest[i];
        }
        if (sumWanted <= available || sumNarrowest >= available) {
            return sumWanted <= available ? wanted : narrowest;
        }
        float[] fitted = new float[wanted.length];
        float share = (available - sumNarrowest) / (sumWanted - sumNarrowest);
        for (int i = 0; i < wanted.length; i++) {
            fitted[i] = narrowest[i] + (wanted[i] - narrowest[i]) * share;
        }
        return fitted;
    }

    private static boolean numeric(Column.Kind kind) {
        return switch (kind) {
            case MONEY, NUMBER, PERCENT, DECIMAL, DATE, TIMESTAMP -> true;
            case TEXT, LONG_TEXT -> false;
        };
    }

    private static float width(BaseFont font, String text) {
        return font.getWidthPoint(text, 7.5f);
    }

    /** A cell's text: money and two-decimal figures with two decimals and thousands apart, dates as the language writes them. */
    private String text(Column.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return switch (kind) {
                case MONEY, PERCENT, DECIMAL -> formats.money(d);
                default -> formats.number(d);
            };
        }
        if (value instanceof Number n) {
            return formats.number(new BigDecimal(n.toString()));
        }
        if (value instanceof LocalDate d) {
            return formats.date(d);
        }
        if (value instanceof Instant i) {
            DateTimeFormatter time = DateTimeFormatter.ofPattern(language == Language.ET ? "dd.MM.uuuu HH:mm:ss"
                    : "uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
            return time.format(i);
        }
        throw new IllegalArgumentException("A cell cannot hold a " + value.getClass().getName());
    }

    @Override
    public void close() {
        // nothing held but the gathered rows
    }
}
