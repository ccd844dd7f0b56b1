package io.seire.query.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A PDF of one or more tables under a letterhead, with the monitoring report's building blocks ({@link PdfKit}): the
 * title and header fields, each table under its heading (header rows repeated where a table goes on), the charts,
 * and the footer on every page. Portrait A4, or landscape when a table would not fit a portrait page. Deterministic:
 * the dates are the letterhead's instant and the file identifier is derived from what the document is.
 */
public final class PdfSections {

    private static final float MARGIN = 40;

    /** A table under its heading (none for a document of one table), and a note under the table. */
    public record Section(String heading, PdfTable table, String note) {
        public Section(String heading, PdfTable table) {
            this(heading, table, null);
        }
    }

    private PdfSections() {
    }

    public static void write(OutputStream out, Language language, Letterhead head, List<Section> sections)
            throws IOException {
        PdfKit kit = new PdfKit();
        float needed = 0;
        for (Section s : sections) {
            needed = Math.max(needed, s.table().neededWidth(kit));
        }
        Rectangle page = needed > PageSize.A4.getWidth() - 2 * MARGIN ? PageSize.A4.rotate() : PageSize.A4;
        float available = page.getWidth() - 2 * MARGIN;
        Document d = new Document(page, MARGIN, MARGIN, 40, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(d, out);
            writer.setCloseStream(false);
            writer.setPageEvent(kit.footer(head.footer(), null, new Words("Lk", "Page").in(language)));
            d.addTitle(head.title());
            d.addCreator("Seire");
            d.open();
            PdfKit.fixMetadata(writer, head.recordedAt(), head.recordedAt(), head.identity() + "\n" + language.code());
            letterhead(d, kit, head);
            for (Section s : sections) {
                if (s.heading() != null) {
                    PdfKit.keepSpace(writer, d, 90);
                    kit.block(d, new Paragraph(s.heading(), kit.subheading), 8, 3);
                }
                PdfPTable t = s.table().layout(kit, available);
                d.add(t);
                if (s.note() != null) {
                    kit.block(d, new Paragraph(s.note(), kit.smallMuted), 0, 4);
                }
            }
            for (Letterhead.Chart chart : head.charts()) {
                PdfKit.keepSpace(writer, d, chart.height() + 40);
                kit.block(d, new Paragraph(chart.heading(), kit.subheading), 10, 4);
                Image image = kit.chart(writer, chart.chart(), available, chart.height());
                image.setAlignment(Element.ALIGN_CENTER);
                d.add(image);
            }
            d.close();
        } catch (DocumentException e) {
            throw new IOException("The PDF '" + head.title() + "' could not be laid out", e);
        }
        out.flush();
    }

    /** The title and the header fields, as the report's front page has them. */
    private static void letterhead(Document d, PdfKit kit, Letterhead head) throws DocumentException {
        kit.block(d, new Paragraph(head.title(), kit.title), 0, 6);
        if (!head.fields().isEmpty()) {
            PdfPTable fields = kit.table(new float[] {26, 74});
            for (Letterhead.Field f : head.fields()) {
                kit.field(fields, f.label(), f.value());
            }
            fields.setSpacingAfter(10);
            d.add(fields);
        }
    }
}
