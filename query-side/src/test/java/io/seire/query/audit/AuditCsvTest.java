package io.seire.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    private static AuditTrail.Entry entry(String actor, String summary, String reason, String key) {
        return new AuditTrail.Entry(7, Instant.parse("2025-01-02T03:04:05Z"), actor, "FINANCE", "ExpenditureCancelled",
                "2024-07-01", summary, reason, key, "corr-1", "API", "ab12");
    }

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe() {
        assertThat(AuditTrail.inert("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(AuditTrail.inert("+1")).isEqualTo("'+1");
        assertThat(AuditTrail.inert("-2+3")).isEqualTo("'-2+3");
        assertThat(AuditTrail.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditTrail.inert("\tx")).isEqualTo("'\tx");
        assertThat(AuditTrail.inert("\rx")).isEqualTo("'\rx");
        assertThat(AuditTrail.inert("Topelt = sisestatud")).isEqualTo("Topelt = sisestatud");
        assertThat(AuditTrail.inert("")).isEmpty();
        assertThat(AuditTrail.inert(null)).isEmpty();
    }

    @Test
    void every_text_cell_of_an_entry_is_guarded_and_the_file_reads_back_as_written() throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, AuditTrail.CSV)) {
            printer.printRecord(AuditTrail.csvCells(entry("-mari", "Expenditure E1 cancelled, \"topelt\"\nkaks rida",
                    "=1+1", "@key")));
        }
        assertThat(out.toString()).startsWith(String.join(",", AuditTrail.CSV_HEADER) + "\r\n");
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(out.toString()), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertThat(records).hasSize(2);
        assertThat(records.get(1).toList()).containsExactly("7", "2025-01-02T03:04:05Z", "'-mari", "FINANCE",
                "ExpenditureCancelled", "2024-07-01", "Expenditure E1 cancelled, \"topelt\"\nkaks rida", "'=1+1",
                "'@key", "corr-1", "API", "ab12");
    }
}
