package io.seire.command.finance;

import io.seire.kernel.Bounds;
import io.seire.kernel.DecimalText;
import io.seire.kernel.finance.ExpenditureDetails;
import io.seire.kernel.finance.ImportRejected.BadRow;
import io.seire.kernel.finance.ImportRow;
import io.seire.kernel.finance.OriginalAmount;
import io.seire.platform.web.InvalidRequest;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an accounting export of expenditures: UTF-8 with or without BOM, {@code ,} or {@code ;} between fields
 * (whichever the header uses), {@code .} or {@code ,} as decimal mark, quoted fields as in RFC 4180 (Commons CSV),
 * dates as {@code 2024-12-31} or {@code 31.12.2024}. A row it cannot read is reported with its line number and column;
 * the rows it can read go on to the project's rules.
 */
public final class CsvExpenditures {

    public static final List<String> COLUMNS = List.of("id", "budgetLine", "amount", "incurredOn", "paidOn",
            "supplier", "invoice", "description");
    /** Columns a file may add for an invoice in another currency; with them, amount may be left empty. */
    public static final List<String> OPTIONAL_COLUMNS = List.of("originalAmount", "originalCurrency", "rate",
            "rateDate", "rateSource");

    /** The readable rows and the unreadable ones. */
    public record Parsed(List<ImportRow> rows, List<BadRow> unreadable) {
    }

    /** How far into the first line the delimiter is looked for. */
    private static final int FIRST_LINE_LOOKAHEAD = 8192;
    private static final DateTimeFormatter ESTONIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private CsvExpenditures() {
    }

    /**
     * Reads the file as it streams in, in time proportional to its length: only the rows read are kept. Stops at a
     * row whose quotes cannot be read (a quote never closed, text after a closing quote): from there on no line can
     * be told from another, so that row is the last one reported.
     */
    public static Parsed parse(InputStream file) throws IOException {
        BufferedReader text = new BufferedReader(new TextOnly(new InputStreamReader(file, StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))), 64 * 1024);
        try {
            char delimiter = delimiterOfFirstLine(text);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreSurroundingSpaces(true)
                    .setIgnoreEmptyLines(false)
                    .get();
            try (CSVParser parser = CSVParser.builder().setReader(text).setFormat(format).get()) {
                return read(parser, delimiter);
            }
        } catch (UncheckedIOException e) {
            throw refusal(e.getCause());
        } catch (CharacterCodingException e) {
            throw refusal(e);
        }
    }

    private static Parsed read(CSVParser parser, char delimiter) {
        Iterator<CSVRecord> records = parser.iterator();
        Map<String, Integer> header = null;
        List<ImportRow> rows = new ArrayList<>();
        List<BadRow> unreadable = new ArrayList<>();
        while (true) {
            int line = (int) parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof CSVException)) {
                    throw e;
                }
                if (header == null) {
                    throw InvalidRequest.of("header", "The first line cannot be read: a quote in it is never closed, "
                            + "or text follows a closing quote. It must name the columns " + String.join(",", COLUMNS)
                            + ".");
                }
                unreadable.add(new BadRow(line, "", "cannot be read: a quote opened in this row is never closed, or "
                        + "text follows a closing quote. Put a field holding quotes, delimiters or line breaks in quotes "
                        + "and double each quote inside it (\"\"); the rows after this one were not read"));
                break;
            }
            List<String> fields = record.toList();
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (header == null) {
                header = header(fields);
                continue;
            }
            if (fields.size() != header.size()) {
                unreadable.add(new BadRow(line, "", "has " + fields.size() + " fields, the header has "
                        + header.size() + (delimiter == ',' ? " (a decimal comma must be in quotes when fields are "
                        + "separated by commas)" : "")));
                continue;
            }
            readRow(new Row(line, fields), header, rows, unreadable);
        }
        if (header == null) {
            throw InvalidRequest.of("file", "The file is empty; its first line must be the header "
                    + String.join(",", COLUMNS) + ".");
        }
        return new Parsed(rows, unreadable);
    }

    private static void readRow(Row r, Map<String, Integer> header, List<ImportRow> rows, List<BadRow> unreadable) {
        int before = unreadable.size();
        String id = text(r, header, "id");
        String budgetLine = text(r, header, "budgetLine");
        String originalCurrency = text(r, header, "originalCurrency");
        boolean foreign = originalCurrency != null || text(r, header, "originalAmount") != null
                || text(r, header, "rate") != null;
        BigDecimal amount = foreign && text(r, header, "amount") == null ? null : amount(r, header, "amount", unreadable);
        OriginalAmount original = !foreign ? null : new OriginalAmount(
                text(r, header, "originalAmount") == null ? null : amount(r, header, "originalAmount", unreadable),
                originalCurrency,
                text(r, header, "rate") == null ? null : amount(r, header, "rate", unreadable),
                date(r, header, "rateDate", false, unreadable), text(r, header, "rateSource"));
        LocalDate incurredOn = date(r, header, "incurredOn", true, unreadable);
        LocalDate paidOn = date(r, header, "paidOn", false, unreadable);
        if (id == null) {
            unreadable.add(new BadRow(r.line, "id", "is required"));
        }
        if (budgetLine == null) {
            unreadable.add(new BadRow(r.line, "budgetLine", "is required"));
        }
        if (unreadable.size() == before) {
            rows.add(new ImportRow(r.line, id, new ExpenditureDetails(budgetLine, amount, incurredOn, paidOn,
                    text(r, header, "supplier"), text(r, header, "invoice"), text(r, header, "description"),
                    original)));
        }
    }

    private static String text(Row r, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null) {
            return null; // an optional column the file does not have
        }
        String value = r.fields.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static BigDecimal amount(Row r, Map<String, Integer> header, String column, List<BadRow> unreadable) {
        String raw = text(r, header, column);
        if (raw == null) {
            unreadable.add(new BadRow(r.line, column, "is required"));
            return null;
        }
        String value = raw.replace("\u00A0", "").replace("\u202F", "").replace(" ", "");
        if (value.contains(",") && value.contains(".")) {
            unreadable.add(new BadRow(r.line, column, "'" + raw + "' mixes '.' and ','; write the amount without "
                    + "thousands separators, e.g. 1234.56 or 1234,56"));
            return null;
        }
        BigDecimal amount = DecimalText.parse(value.replace(',', '.'));
        if (amount == null) {
            unreadable.add(new BadRow(r.line, column, "'" + Bounds.shortened(raw)
                    + "' is not an amount such as 1234.56 or 1234,56"));
            return null;
        }
        String problem = Bounds.decimalProblem(amount);
        if (problem != null) {
            unreadable.add(new BadRow(r.line, column, "'" + Bounds.shortened(raw) + "' " + problem));
            return null;
        }
        return amount;
    }

    private static LocalDate date(Row r, Map<String, Integer> header, String column, boolean required,
                                  List<BadRow> unreadable) {
        String raw = text(r, header, column);
        if (raw == null) {
            if (required) {
                unreadable.add(new BadRow(r.line, column, "is required"));
            }
            return null;
        }
        try {
            LocalDate date = raw.contains(".") ? LocalDate.parse(raw, ESTONIAN_DATE) : LocalDate.parse(raw);
            String problem = Bounds.dateProblem(date);
            if (problem != null) {
                unreadable.add(new BadRow(r.line, column, "'" + raw + "' " + problem));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            unreadable.add(new BadRow(r.line, column, "'" + raw + "' is not a valid date (2024-12-31 or 31.12.2024)"));
            return null;
        }
    }

    private static Map<String, Integer> header(List<String> fields) {
        Map<String, Integer> header = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip();
            String known = java.util.stream.Stream.concat(COLUMNS.stream(), OPTIONAL_COLUMNS.stream())
                    .filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null || header.containsKey(known)) {
                unknown.add(name);
            } else {
                header.put(known, i);
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !header.containsKey(c)).toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw InvalidRequest.of("header", "The first line must name the columns " + String.join(",", COLUMNS)
                    + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                    + (unknown.isEmpty() ? "" : "; not known or repeated: " + String.join(", ", unknown)) + ".");
        }
        return header;
    }

    /** What a read failure means for the sender: text that is not UTF-8 is refused; anything else goes on up. */
    private static RuntimeException refusal(Throwable cause) {
        if (cause instanceof CharacterCodingException) {
            return InvalidRequest.of("file", "The file is not UTF-8 text. Save the export as CSV UTF-8 and try again.");
        }
        return new UncheckedIOException(cause instanceof IOException io ? io : new IOException(cause));
    }

    /** One row of the file: the line it starts on and its fields. */
    private record Row(int line, List<String> fields) {
    }

    /**
     * Skips a byte order mark and answers the delimiter the first line uses most, {@code ;} or {@code ,}, leaving the
     * reader at the start of the first line.
     */
    private static char delimiterOfFirstLine(BufferedReader text) throws IOException {
        text.mark(FIRST_LINE_LOOKAHEAD + 1);
        int semicolons = 0;
        int commas = 0;
        int c = text.read();
        boolean bom = c == '\uFEFF';
        for (int i = 0; c >= 0 && c != '\n' && i < FIRST_LINE_LOOKAHEAD; i++, c = text.read()) {
            if (c == ';') {
                semicolons++;
            } else if (c == ',') {
                commas++;
            }
        }
        text.reset();
        if (bom) {
            text.skip(1);
        }
        return semicolons > commas ? ';' : ',';
    }

    /**
     * Refuses the invisible character U+0000 (NUL), which cannot be stored, naming the line it is on.
     */
    private static final class TextOnly extends FilterReader {

        private long line = 1;

        TextOnly(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\n') {
                    line++;
                } else if (buffer[i] == '\u0000') {
                    throw InvalidRequest.of("file", "Line " + line + " contains the invisible character U+0000 (NUL), "
                            + "which cannot be stored. Save the export as CSV UTF-8 text and try again.");
                }
            }
            return n;
        }
    }

}
