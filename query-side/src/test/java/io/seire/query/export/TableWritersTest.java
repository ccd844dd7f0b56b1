package io.seire.query.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.platform.web.InvalidRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The two writers every view's CSV and XLSX go through, read back with the libraries a reader would use. */
class TableWritersTest {

    /** Estonian and Lithuanian letters, Cyrillic, emoji (one of them a joined sequence). */
    static final String LETTERS = "õ ä ö ü š ž Õ Ä Ö Ü Š Ž ą č ę ė į ų ū Ą Ė Į Ų Ū Привет, мир 🙂 👩‍💻";

    static final Table TABLE = new Table(new Words("Eelarve täitmine", "Budget execution"), List.of(
            Column.text("Eelarverida", "Budget line"),
            Column.money("Kulud kokku, EUR", "Spent, EUR"),
            Column.percent("Täitmine, %", "Execution, %"),
            Column.number("Kumulatiivne väärtus", "Cumulative value"),
            Column.date("Kuupäev", "Date"),
            Column.timestamp("Salvestatud (UTC)", "Recorded at (UTC)"),
            Column.longText("Kokkuvõte", "Summary")), "test_" + LETTERS);

    private static byte[] write(Format format, Language language, TableWriter.Rows rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(format, language, TABLE, out)) {
            rows.writeTo(writer);
            writer.finish();
        }
        return out.toByteArray();
    }

    private static final TableWriter.Rows ROWS = w -> {
        w.item("AT1-SERVICES", new BigDecimal("1234567.50"), new BigDecimal("33.33"), new BigDecimal("12.5"),
                LocalDate.of(2024, 7, 31), Instant.parse("2025-01-02T03:04:05Z"), LETTERS);
        w.item("=HYPERLINK(\"http://x\")", new BigDecimal("-12.34"), null, "tekst", null, null, "-kaks\nrida");
        w.subtotal("Alategevus 1 kokku", new BigDecimal("1234555.16"), new BigDecimal("10.00"), null, null, null, null);
        w.total("Kokku", new BigDecimal("1234555.16"), new BigDecimal("10.00"), null, null, null, null);
    };

    private static List<CSVRecord> parse(byte[] csv, Language language) throws IOException {
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(text, CsvTable.format(language))) {
            return parser.getRecords();
        }
    }

    @Test
    void estonian_csv_has_semicolons_a_decimal_comma_day_month_year_and_no_thousands_separator() throws IOException {
        byte[] csv = write(Format.CSV, Language.ET, ROWS);
        List<CSVRecord> records = parse(csv, Language.ET);
        assertThat(records).hasSize(5);
        assertThat(records.get(0).toList()).containsExactly("Eelarverida", "Kulud kokku, EUR", "Täitmine, %",
                "Kumulatiivne väärtus", "Kuupäev", "Salvestatud (UTC)", "Kokkuvõte");
        assertThat(records.get(1).toList()).containsExactly("AT1-SERVICES", "1234567,50", "33,33", "12,5", "31.07.2024",
                "02.01.2025 03:04:05", LETTERS);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("AT1-SERVICES;1234567,50;33,33;12,5;31.07.2024;")
                .contains("\r\n");
    }

    @Test
    void english_csv_has_commas_a_decimal_point_and_iso_dates() throws IOException {
        List<CSVRecord> records = parse(write(Format.CSV, Language.EN, ROWS), Language.EN);
        assertThat(records.get(0).toList()).containsExactly("Budget line", "Spent, EUR", "Execution, %",
                "Cumulative value", "Date", "Recorded at (UTC)", "Summary");
        assertThat(records.get(1).toList()).containsExactly("AT1-SERVICES", "1234567.50", "33.33", "12.5", "2024-07-31",
                "2025-01-02T03:04:05Z", LETTERS);
        assertThat(records.get(3).toList()).containsExactly("Alategevus 1 kokku", "1234555.16", "10.00", "", "", "", "");
        assertThat(records.get(4).get(0)).isEqualTo("Kokku");
    }

    @Test
    void csv_text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe_and_numbers_keep_their_sign()
            throws IOException {
        List<CSVRecord> records = parse(write(Format.CSV, Language.EN, ROWS), Language.EN);
        assertThat(records.get(2).toList()).containsExactly("'=HYPERLINK(\"http://x\")", "-12.34", "", "tekst", "", "",
                "'-kaks\nrida");
    }

    @Test
    void xlsx_holds_numbers_as_numeric_cells_with_two_decimal_formats_and_dates_as_date_cells() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(write(Format.XLSX, Language.ET, ROWS)))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Eelarve täitmine");
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("AT1-SERVICES");
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(BigDecimal.valueOf(row.getCell(1).getNumericCellValue())).isEqualByComparingTo("1234567.50");
            assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(33.33);
            assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(12.5);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(4))).isTrue();
            assertThat(row.getCell(4).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2024, 7, 31, 0, 0));
            assertThat(row.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("dd.mm.yyyy");
            assertThat(DateUtil.isCellDateFormatted(row.getCell(5))).isTrue();
            assertThat(row.getCell(5).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 1, 2, 3, 4, 5));
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo(LETTERS);
            assertThat(row.getCell(6).getCellStyle().getWrapText()).isTrue();

            // text stays text, as recorded (no formula guard needed: a text cell is never run), negative numbers too
            Row second = sheet.getRow(2);
            assertThat(second.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(second.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(second.getCell(1).getNumericCellValue()).isEqualTo(-12.34);
            assertThat(second.getCell(2).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(second.getCell(3).getCellType()).as("a text value in a number column").isEqualTo(CellType.STRING);
            for (Row r : sheet) {
                for (Cell c : r) {
                    assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    @Test
    void xlsx_freezes_its_header_sets_subtotals_and_totals_apart_and_fits_its_column_widths() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(write(Format.XLSX, Language.EN, ROWS)))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Budget execution");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(sheet.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 0);
            XSSFCell header = (XSSFCell) sheet.getRow(0).getCell(1);
            assertThat(header.getStringCellValue()).isEqualTo("Spent, EUR");
            assertThat(header.getCellStyle().getFont().getBold()).isTrue();
            assertThat(((XSSFCell) sheet.getRow(1).getCell(1)).getCellStyle().getFont().getBold()).isFalse();
            XSSFCell subtotal = (XSSFCell) sheet.getRow(3).getCell(1);
            assertThat(subtotal.getCellStyle().getFont().getBold()).isTrue();
            XSSFCell total = (XSSFCell) sheet.getRow(4).getCell(1);
            assertThat(total.getCellStyle().getFont().getBold()).isTrue();
            assertThat(total.getCellStyle().getBorderTop()).isNotEqualTo(org.apache.poi.ss.usermodel.BorderStyle.NONE);
            assertThat(total.getNumericCellValue()).isEqualTo(1234555.16);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Kokku");
            assertThat(sheet.getRow(1).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            // "Budget line" is the widest value of column 0 but the formula text; all fit within their bounds
            int formula = "=HYPERLINK(\"http://x\")".length();
            assertThat(sheet.getColumnWidth(0)).isEqualTo((formula + 2) * 256);
            assertThat(sheet.getColumnWidth(4)).isEqualTo((10 + 2) * 256);
            assertThat(sheet.getColumnWidth(6)).isEqualTo((60 + 2) * 256);
        }
    }

    @Test
    void a_list_longer_than_a_sheet_goes_on_in_the_next_sheet_with_its_header() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxTable writer = new XlsxTable(TABLE, Language.EN, out, 4)) {
            for (int i = 0; i < 10; i++) {
                writer.item("L" + i, BigDecimal.valueOf(i), null, null, null, null, null);
            }
            writer.finish();
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(4);
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Budget execution (2)");
            int rows = 0;
            for (Sheet sheet : book) {
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Budget line");
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                rows += sheet.getLastRowNum();
            }
            assertThat(rows).isEqualTo(10);
            assertThat(book.getSheetAt(3).getRow(1).getCell(0).getStringCellValue()).isEqualTo("L9");
        }
    }

    @Test
    void a_long_list_streams_through_the_xlsx_writer_holding_only_its_window() throws IOException {
        CountingOutput out = new CountingOutput();
        int rows = 50_000;
        try (XlsxTable writer = (XlsxTable) TableWriter.open(Format.XLSX, Language.ET, TABLE, out)) {
            for (int i = 0; i < rows; i++) {
                writer.item("R" + i, BigDecimal.valueOf(i, 2), null, null, LocalDate.of(2024, 7, 1), null, LETTERS);
                // only the last rows are held (the rest wait on disk), and nothing is sent until the end
                assertThat(writer.rowsHeld()).isLessThanOrEqualTo(101);
            }
            assertThat(out.count).isZero();
            writer.finish();
        }
        assertThat(out.count).isGreaterThan(100_000);
    }

    @Test
    void every_row_has_as_many_cells_as_the_table_has_columns() {
        assertThatThrownBy(() -> write(Format.CSV, Language.EN, w -> w.item("one"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> write(Format.XLSX, Language.EN, w -> w.item("one"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_language_comes_from_lang_else_accept_language_else_english() {
        assertThat(Language.of("et", null)).isEqualTo(Language.ET);
        assertThat(Language.of("EN", "et")).isEqualTo(Language.EN);
        assertThat(Language.of(null, "et-EE,et;q=0.9,en;q=0.8")).isEqualTo(Language.ET);
        assertThat(Language.of(null, "fr-FR, en;q=0.5, et;q=0.4")).isEqualTo(Language.EN);
        assertThat(Language.of(null, "lt, et;q=0.5")).isEqualTo(Language.ET);
        assertThat(Language.of(null, "et;q=0, en;q=0.1")).isEqualTo(Language.EN);
        assertThat(Language.of(null, "lt")).isEqualTo(Language.EN);
        assertThat(Language.of(null, "x;;;q=")).isEqualTo(Language.EN);
        assertThat(Language.of(null, null)).isEqualTo(Language.EN);
        assertThat(Language.of(" ", "et")).as("a blank lang is no lang").isEqualTo(Language.ET);
        assertThatThrownBy(() -> Language.of("lt", null)).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("lang").hasMessageContaining("et").hasMessageContaining("en");
    }

    @Test
    void the_file_name_is_exact_in_utf8_and_plain_ascii_for_clients_that_read_only_that() {
        assertThat(Tables.attachment("budget-execution_Šveits.1.01.25-0006_2024-12-31.xlsx")).isEqualTo(
                "attachment; filename=\"budget-execution_Sveits.1.01.25-0006_2024-12-31.xlsx\"; "
                        + "filename*=UTF-8''budget-execution_%C5%A0veits.1.01.25-0006_2024-12-31.xlsx");
        assertThat(Tables.attachment("a\"b/c d.csv")).startsWith("attachment; filename=\"a_b_c_d.csv\"; filename*=UTF-8''a%22b%2Fc%20d.csv");
    }

    private static final class CountingOutput extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
