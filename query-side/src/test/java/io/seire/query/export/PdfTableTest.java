package io.seire.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A table as a PDF for people: read back with PDFBox as a reader's program would. */
class PdfTableTest {

    /** Estonian, Latvian and Lithuanian letters and Cyrillic (the documents' font has no emoji). */
    static final String LETTERS = "õ ä ö ü š ž Õ Ä Ö Ü Š Ž ą č ę ė į ų ū Ą Ė Į Ų Ū Привет, мир";

    private static final Letterhead HEAD = new Letterhead("Eelarve täitmine", List.of(
            new Letterhead.Field("Projekt", "P-1 \u2013 " + LETTERS)), Instant.parse("2025-01-02T03:04:05Z"),
            "test\n42", "Eelarve täitmine · P-1", List.of());

    private static final TableWriter.Rows ROWS = w -> {
        w.item("AT1-SERVICES", new BigDecimal("1234567.50"), new BigDecimal("33.33"), new BigDecimal("12.5"),
                LocalDate.of(2024, 7, 31), Instant.parse("2025-01-02T03:04:05Z"), LETTERS);
        w.item("AT2", new BigDecimal("-12.34"), null, "tekst", null, null, "kaks\nrida");
        w.subtotal("Alategevus 1 kokku", new BigDecimal("1234555.16"), new BigDecimal("10.00"), null, null, null, null);
        w.total("Kokku", new BigDecimal("1234555.16"), new BigDecimal("10.00"), null, null, null, null);
    };

    private static byte[] pdf(Table table, Language language, TableWriter.Rows rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(Format.PDF, language, table, out, HEAD)) {
            rows.writeTo(writer);
            writer.finish();
        }
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace('\u00a0', ' ');
        }
    }

    @Test
    void numbers_and_dates_in_the_languages_forms_every_letter_kept_subtotals_and_totals_as_rows() throws IOException {
        String et = text(pdf(TableWritersTest.TABLE, Language.ET, ROWS));
        assertThat(et).contains("Eelarve täitmine").contains("P-1 \u2013 " + LETTERS.substring(0, 20));
        assertThat(et.replace('\n', ' ')).contains(LETTERS);
        assertThat(et).contains("AT1-SERVICES 1 234 567,50 33,33 12,5 31.07.2024 02.01.2025 03:04:05");
        assertThat(et).contains("AT2 -12,34 tekst");
        assertThat(et).contains("Alategevus 1 kokku 1 234 555,16 10,00").contains("Kokku 1 234 555,16 10,00");
        String en = text(pdf(TableWritersTest.TABLE, Language.EN, ROWS));
        assertThat(en).contains("AT1-SERVICES 1,234,567.50 33.33 12.5 2024-07-31 2025-01-02 03:04:05")
                .contains("Budget line").contains("Page 1 / 1");
    }

    @Test
    void the_same_table_gives_the_same_bytes_and_its_metadata_dates_are_the_letterheads() throws IOException {
        byte[] once = pdf(TableWritersTest.TABLE, Language.ET, ROWS);
        assertThat(pdf(TableWritersTest.TABLE, Language.ET, ROWS)).isEqualTo(once);
        assertThat(pdf(TableWritersTest.TABLE, Language.EN, ROWS)).isNotEqualTo(once);
        try (PDDocument document = Loader.loadPDF(once)) {
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
            assertThat(document.getDocumentInformation().getModificationDate().toInstant())
                    .isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        }
    }

    /** Whether the first page is seen wider than high: its box, turned by its rotation. */
    private static boolean landscape(PDDocument document) {
        PDRectangle box = document.getPage(0).getMediaBox();
        boolean turned = document.getPage(0).getRotation() % 180 != 0;
        return turned ? box.getHeight() > box.getWidth() : box.getWidth() > box.getHeight();
    }

    @Test
    void a_wide_table_is_laid_out_landscape_and_no_word_or_number_is_broken() throws IOException {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("Näitaja", "Indicator"));
        for (int i = 0; i < 12; i++) {
            columns.add(Column.money("Summa " + i + ", EUR", "Amount " + i + ", EUR"));
        }
        Table wide = new Table(new Words("Lai", "Wide"), columns, "wide");
        TableWriter.Rows rows = w -> {
            Object[] cells = new Object[13];
            cells[0] = "Kodanikuühiskonna pädevuse suurendamine organisatsioonide nõustamise kaudu";
            for (int i = 1; i < 13; i++) {
                cells[i] = new BigDecimal("1234567.89");
            }
            w.item(cells);
        };
        byte[] pdf = pdf(wide, Language.ET, rows);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(landscape(document)).isTrue();
        }
        String text = text(pdf);
        assertThat(text.split("1 234 567,89", -1)).hasSize(13);
        for (String word : List.of("Kodanikuühiskonna", "pädevuse", "suurendamine", "organisatsioonide", "nõustamise")) {
            assertThat(text).contains(word);
        }
        // a narrow table stays portrait
        try (PDDocument document = Loader.loadPDF(pdf(TableWritersTest.TABLE, Language.ET, w -> w.item("A",
                BigDecimal.ONE, null, null, null, null, null)))) {
            assertThat(landscape(document)).isFalse();
        }
    }
}
