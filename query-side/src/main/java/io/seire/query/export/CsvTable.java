package io.seire.query.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as CSV (RFC 4180: double quotes where needed, CRLF), UTF-8 with a byte order mark so that Excel reads the
 * letters right (ADR 0026). Estonian: {@code ;} between cells, a decimal comma, {@code dd.mm.yyyy}; English: {@code ,},
 * a decimal point, ISO dates. No thousands separator; instants in UTC. Text that a spreadsheet would run as a formula
 * gets a leading {@code '} ({@link Cells#inert}).
 */
final class CsvTable implements TableWriter {

    /** U+FEFF, written first as the three bytes EF BB BF. */
    static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final DateTimeFormatter ET_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final DateTimeFormatter ET_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Table table;
    private final Language language;
    private final Writer text;
    private final CSVPrinter printer;

    CsvTable(Table table, Language language, OutputStream out) throws IOException {
        this.table = table;
        this.language = language;
        this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        text.write(BYTE_ORDER_MARK);
        this.printer = new CSVPrinter(text, format(language));
        List<String> header = new ArrayList<>();
        for (Column c : table.columns()) {
            header.add(c.label().in(language));
        }
        printer.printRecord(header);
    }

    static CSVFormat format(Language language) {
        return CSVFormat.RFC4180.builder().setDelimiter(language == Language.ET ? ';' : ',').get();
    }

    @Override
    public Language language() {
        return language;
    }

    @Override
    public void row(RowKind kind, Object... cells) throws IOException {
        if (cells.length != table.columns().size()) {
            throw new IllegalArgumentException("A row of " + table.fileName() + " has " + table.columns().size()
                    + " cells, not " + cells.length);
        }
        List<String> record = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            record.add(cell(cell));
        }
        printer.printRecord(record);
    }

    private String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return Cells.inert(s);
        }
        if (value instanceof BigDecimal d) {
            return decimal(d.toPlainString());
        }
        if (value instanceof Number n) {
            return decimal(new BigDecimal(n.toString()).toPlainString());
        }
        if (value instanceof LocalDate d) {
            return language == Language.ET ? ET_DATE.format(d) : d.toString();
        }
        if (value instanceof Instant i) {
            return language == Language.ET ? ET_TIME.format(i) : i.toString();
        }
        throw new IllegalArgumentException("A cell cannot hold a " + value.getClass().getName());
    }

    private String decimal(String plain) {
        return language == Language.ET ? plain.replace('.', ',') : plain;
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }

    @Override
    public void close() {
        // the stream belongs to the caller; nothing else is held
    }
}
