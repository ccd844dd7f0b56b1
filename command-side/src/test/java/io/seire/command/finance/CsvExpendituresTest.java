package io.seire.command.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.seire.kernel.finance.ImportRow;
import io.seire.platform.web.InvalidRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CsvExpendituresTest {

    private static CsvExpenditures.Parsed parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvExpenditures.Parsed parse(byte[] bytes) {
        try {
            return CsvExpenditures.parse(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void reads_an_estonian_accounting_export_with_semicolons_decimal_commas_and_a_bom() {
        CsvExpenditures.Parsed parsed = parse("\uFEFFid;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\r\n"
                + "K-1;AT6-STAFF;1 234,56;31.12.2024;05.01.2025;SA Kodanikuühiskonna Sihtkapital;;Töötasu detsember\r\n"
                + "K-2;AT1-SERVICES;99,9;2024-11-15;;OÜ Šokk;A-17;\"Koolitus; Tartu\"\r\n");
        assertThat(parsed.unreadable()).isEmpty();
        ImportRow first = parsed.rows().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.expenditureId()).isEqualTo("K-1");
        assertThat(first.details().amount()).isEqualByComparingTo(new BigDecimal("1234.56"));
        assertThat(first.details().incurredOn()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(first.details().paidOn()).isEqualTo(LocalDate.of(2025, 1, 5));
        assertThat(first.details().supplier()).isEqualTo("SA Kodanikuühiskonna Sihtkapital");
        assertThat(first.details().invoice()).isNull();
        assertThat(first.details().description()).isEqualTo("Töötasu detsember");
        ImportRow second = parsed.rows().get(1);
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.details().amount()).isEqualByComparingTo(new BigDecimal("99.9"));
        assertThat(second.details().paidOn()).isNull();
        assertThat(second.details().description()).isEqualTo("Koolitus; Tartu");
    }

    @Test
    void reads_commas_with_decimal_points_and_quoted_fields_across_lines() {
        CsvExpenditures.Parsed parsed = parse("id,budgetLine,amount,incurredOn,paidOn,supplier,invoice,description\n"
                + "A,L,10.50,2024-07-01,2024-07-02,\"Pirn, AS\",7,\"kaks\nrida\"\n"
                + "B,L,\"12,00\",2024-07-03,,,,\n");
        assertThat(parsed.unreadable()).isEmpty();
        assertThat(parsed.rows()).hasSize(2);
        assertThat(parsed.rows().get(0).details().supplier()).isEqualTo("Pirn, AS");
        assertThat(parsed.rows().get(0).details().description()).isEqualTo("kaks\nrida");
        assertThat(parsed.rows().get(1).line()).isEqualTo(4);
        assertThat(parsed.rows().get(1).details().amount()).isEqualByComparingTo("12.00");
    }

    @Test
    void reports_each_unreadable_row_with_its_line_and_column() {
        CsvExpenditures.Parsed parsed = parse("id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n"
                + "A;L;abc;2024-07-01;;;;\n"
                + "B;L;10;2023-04-31;;;;\n"
                + "C;L;10\n"
                + ";L;10;2024-07-01;;;;\n");
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.unreadable()).extracting(r -> r.row() + ":" + r.column())
                .containsExactly("2:amount", "3:incurredOn", "4:", "5:id");
    }

    @Test
    void refuses_a_file_without_the_header_or_not_in_utf8() {
        assertThatThrownBy(() -> parse("id;amount\nA;10\n")).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("missing: budgetLine");
        assertThatThrownBy(() -> parse(new byte[] {(byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void a_row_whose_quote_is_never_closed_is_a_bad_row_and_does_not_swallow_the_next() {
        CsvExpenditures.Parsed parsed = parse("id,budgetLine,amount,incurredOn,paidOn,supplier,invoice,description\n"
                + "A,L,10.00,2024-07-01,,,,\"Kohv\n"
                + "B,L,12.00,2024-07-02,,,,Tee\n");
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.unreadable()).extracting(r -> r.row() + ":" + r.column()).containsExactly("2:");
        assertThat(parsed.unreadable().get(0).message()).contains("never closed");
    }

    @Test
    void text_after_a_closing_quote_is_a_bad_row_naming_where_the_quote_opened() {
        CsvExpenditures.Parsed parsed = parse("id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n"
                + "A;L;10,00;01.07.2024;;;;Kohv\n"
                + "B;L;11,00;02.07.2024;;;;\"oops\n"
                + "C;L;12,00;03.07.2024;;;;\"Tee\" ja sai\n");
        assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(2);
        assertThat(parsed.unreadable()).extracting(r -> r.row() + ":" + r.column()).containsExactly("3:");
    }

    @Test
    void line_numbers_count_blank_lines_and_line_breaks_inside_quotes() {
        CsvExpenditures.Parsed parsed = parse("id,budgetLine,amount,incurredOn,paidOn,supplier,invoice,description\r\n"
                + "\r\n"
                + "A,L,10.00,2024-07-01,,,,\"kaks\r\nrida\"\r\n"
                + "   \r\n"
                + "B,L,x,2024-07-02,,,,\r\n");
        assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(3);
        assertThat(parsed.unreadable()).extracting(r -> r.row() + ":" + r.column()).containsExactly("6:amount");
    }

    @Test
    void quotes_inside_an_unquoted_field_are_kept_as_written() {
        CsvExpenditures.Parsed parsed = parse("id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n"
                + "A;L;10,00;01.07.2024;;OÜ \"Puu\";;12\" toru\n");
        assertThat(parsed.unreadable()).isEmpty();
        assertThat(parsed.rows().get(0).details().supplier()).isEqualTo("OÜ \"Puu\"");
        assertThat(parsed.rows().get(0).details().description()).isEqualTo("12\" toru");
    }

    /**
     * The reader before Commons CSV copied the field read so far at every quote: 300,000 quotes in one field took
     * minutes. Read in one pass, they take milliseconds; the bound only keeps a slow reader from hanging the build.
     */
    @Test
    void a_file_full_of_quotes_is_read_in_time_proportional_to_its_length() {
        String quotes = "\"".repeat(300_000);
        String doubled = "\"\"".repeat(150_000);
        String csv = "id,budgetLine,amount,incurredOn,paidOn,supplier,invoice,description\n"
                + "A,L,10.00,2024-07-01,,,,x" + quotes + "\n"
                + "B,L,10.00,2024-07-01,,,,\"" + doubled + "\"\n";
        CsvExpenditures.Parsed parsed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parse(csv));
        assertThat(parsed.unreadable()).isEmpty();
        assertThat(parsed.rows().get(0).details().description()).hasSize(300_001);
        assertThat(parsed.rows().get(1).details().description()).isEqualTo("\"".repeat(150_000));
    }

    @Test
    void a_nul_character_is_refused_naming_its_line_and_a_header_that_cannot_be_read_is_refused() {
        assertThatThrownBy(() -> parse("id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n"
                + "r1;L;10,00;01.07.2024;;;;Kohv\n"
                + "r2;L;12,00;02.07.2024;;;;Tee\u0000\n")).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("Line 3");
        assertThatThrownBy(() -> parse("\"id,budgetLine\n")).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("first line cannot be read");
        assertThatThrownBy(() -> parse("\uFEFF\n\n")).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("empty");
    }
}
