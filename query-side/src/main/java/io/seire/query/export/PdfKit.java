package io.seire.query.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;

/**
 * The building blocks every PDF of Seire is laid out with (the monitoring report, the views, reimbursement requests):
 * one typeface ({@link DocumentFonts}) in a few sizes, the colours, tables with thin rules and padded cells, text
 * blocks, charts as vector drawings, the footer with "page N / total", and the metadata that keep the bytes the
 * same every time. One instance per document (the fonts' subsets belong to it).
 */
public final class PdfKit {

    public static final Color RULE = new Color(0x9A, 0xA5, 0xB1);
    public static final Color HEAD = new Color(0xE3, 0xE9, 0xF0);
    public static final Color BAND = new Color(0xF3, 0xF5, 0xF8);
    public static final Color MUTED = new Color(0x55, 0x5F, 0x6B);

    public final DocumentFonts fonts = new DocumentFonts();
    public final Font body = new Font(fonts.regular, 9.5f);
    public final Font bodyBold = new Font(fonts.bold, 9.5f);
    public final Font small = new Font(fonts.regular, 8f);
    public final Font smallBold = new Font(fonts.bold, 8f);
    public final Font smallMuted = new Font(fonts.regular, 7.5f, Font.NORMAL, MUTED);
    public final Font cell = new Font(fonts.regular, 7.5f);
    public final Font cellBold = new Font(fonts.bold, 7.5f);
    public final Font title = new Font(fonts.bold, 18f);
    public final Font heading = new Font(fonts.bold, 11.5f);
    public final Font subheading = new Font(fonts.bold, 10f);

    // ------------------------------------------------------------------ determinism

    /**
     * Creation and modification dates given by the document's own history (never the clock), and a file identifier
     * derived from what the document is: the same content gives the same bytes.
     */
    public static void fixMetadata(PdfWriter writer, Instant created, Instant modified, String identity) {
        writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(utc(created)));
        writer.getInfo().put(PdfName.MODDATE, new PdfDate(utc(modified)));
        byte[] id = md5(identity);
        writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    }

    private static byte[] md5(String key) {
        try {
            return MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Calendar utc(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    // ------------------------------------------------------------------ blocks and tables

    /** A chart drawn as vector graphics in the document's font, as an image to place. */
    public Image chart(PdfWriter writer, JFreeChart chart, float width, float height) throws DocumentException {
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        DocumentCharts.draw(chart, template.createGraphics(width, height, fonts.mapper()), width, height);
        Image image = Image.getInstance(template);
        image.setAlt(chart.getTitle() == null ? "" : chart.getTitle().getText());
        return image;
    }

    /** Starts a new page when less than {@code height} is left: a heading never stands alone at a page's foot. */
    public static void keepSpace(PdfWriter writer, Document d, float height) {
        if (writer.getVerticalPosition(false) - d.bottomMargin() < height) {
            d.newPage();
        }
    }

    public Paragraph text(String text, Font font) {
        Paragraph p = new Paragraph(nz(text), font);
        p.setLeading(font.getSize() * 1.35f);
        return p;
    }

    /**
     * Text with space around it, as a borderless one-cell table: OpenPDF makes a paragraph's spacing out of a space
     * character that text extraction reads as part of the line above, so spacing is padding here instead.
     */
    public void block(Document d, Paragraph content, float before, float after) throws DocumentException {
        PdfPTable t = blockTable();
        t.addCell(blockCell(content, before, after));
        d.add(t);
    }

    public PdfPTable blockTable() {
        PdfPTable t = new PdfPTable(1);
        t.setWidthPercentage(100);
        t.setSplitLate(false);
        return t;
    }

    public PdfPCell blockCell(Paragraph content, float before, float after) {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPaddingTop(before);
        c.setPaddingBottom(after + 2);
        c.setPaddingLeft(0);
        c.setPaddingRight(0);
        c.setUseAscender(true);
        c.addElement(content);
        return c;
    }

    public PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(2);
        t.setSpacingAfter(4);
        t.setSplitLate(false);
        return t;
    }

    public void header(PdfPTable t, String... labels) {
        for (String label : labels) {
            t.addCell(headerCell(label));
        }
    }

    public PdfPCell headerCell(String label) {
        PdfPCell c = new PdfPCell(new Phrase(label, cellBold));
        c.setBackgroundColor(HEAD);
        c.setVerticalAlignment(Element.ALIGN_BOTTOM);
        pad(c);
        return c;
    }

    public PdfPCell plain(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(nz(text), font));
        pad(c);
        return c;
    }

    public PdfPCell number(String text, Font font) {
        PdfPCell c = plain(text, font);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        c.setNoWrap(false);
        return c;
    }

    /** A label and its value, as the header fields of a form: the label on a band, the value beside it. */
    public void field(PdfPTable table, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(label, smallBold));
        l.setBackgroundColor(BAND);
        pad(l);
        table.addCell(l);
        PdfPCell v = new PdfPCell(new Phrase(nz(value), body));
        pad(v);
        table.addCell(v);
    }

    public static void pad(PdfPCell c) {
        c.setPaddingTop(2.5f);
        c.setPaddingBottom(4f);
        c.setPaddingLeft(4f);
        c.setPaddingRight(4f);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.5f);
    }

    public static String nz(String s) {
        return s == null ? "" : s;
    }

    // ------------------------------------------------------------------ footer

    /** Two lines saying what the document is on every page, and "page N / total" at the right. */
    public PdfPageEventHelper footer(String first, String second, String pageWord) {
        return new Footer(first, second, pageWord);
    }

    private final class Footer extends PdfPageEventHelper {
        private final String first;
        private final String second;
        private final String pageWord;
        private PdfTemplate total;

        Footer(String first, String second, String pageWord) {
            this.first = first;
            this.second = second;
            this.pageWord = pageWord;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(30, 10);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Rectangle page = document.getPageSize();
            PdfContentByte cb = writer.getDirectContent();
            float left = document.leftMargin();
            float right = page.getWidth() - document.rightMargin();
            cb.saveState();
            cb.setColorStroke(RULE);
            cb.setLineWidth(0.5f);
            cb.moveTo(left, 44);
            cb.lineTo(right, 44);
            cb.stroke();
            cb.restoreState();
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(first, smallMuted), left, 33, 0);
            if (second != null) {
                ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(second, smallMuted), left, 23, 0);
            }
            String page1 = pageWord + " " + writer.getPageNumber() + " / ";
            float widthOfTotal = fonts.regular.getWidthPoint("000", 7.5f);
            float space = fonts.regular.getWidthPoint(" ", 7.5f);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(page1.trim(), smallMuted),
                    right - widthOfTotal - space, 33, 0);
            cb.addTemplate(total, right - widthOfTotal, 33);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(total, Element.ALIGN_LEFT,
                    new Phrase(String.valueOf(writer.getPageNumber() - 1), smallMuted), 0, 0, 0);
        }
    }
}
