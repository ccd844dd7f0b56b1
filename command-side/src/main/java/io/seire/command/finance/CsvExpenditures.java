package io.seire.command.finance;

import io.seire.kernel.Bounds;
import io.seire.kernel.finance.ExpenditureDetails;
import io.seire.kernel.finance.ImportRejected.BadRow;
import io.seire.kernel.finance.ImportRow;
import io.seire.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an accounting export of expenditures: UTF-8 with or without BOM, {@code ,} or {@code ;} between fields
 * (whichever the header uses), {@code .} or {@code ,} as decimal mark, quoted fields as in RFC 4180, dates as
 * {@code 2024-12-31} or {@code 31.12.2024}. A row it cannot read is reported with its line number and column; the
 * rows it can read go on to the project's rules.
 */
public final class CsvExpenditures {

    public static final List<String> COLUMNS = List.of("id", "budgetLine", "amount", "incurredOn", "paidOn",
            "supplier", "invoice", "description");

    /** The readable rows and the unreadable ones. */
    public record Parsed(List<ImportRow> rows, List<BadRow> unreadable) {
    }

    private static final Pattern AMOUNT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final DateTimeFormatter ESTONIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private CsvExpenditures() {
    }

    public static Parsed parse(byte[] bytes) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Record> records = records(text);
        if (records.isEmpty()) {
            throw InvalidRequest.of("file", "The file is empty; its first line must be the header "
                    + String.join(",", COLUMNS) + ".");
        }
        char delimiter = records.get(0).delimiter;
        Map<String, Integer> header = header(records.get(0).fields);
        List<ImportRow> rows = new ArrayList<>();
        List<BadRow> unreadable = new ArrayList<>();
        for (Record r : records.subList(1, records.size())) {
            if (r.fields.size() == 1 && r.fields.get(0).isBlank()) {
                continue;
            }
            if (r.fields.size() != header.size()) {
                unreadable.add(new BadRow(r.line, "", "has " + r.fields.size() + " fields, the header has "
                        + header.size() + (delimiter == ',' ? " (a decimal comma must be in quotes when fields are "
                        + "separated by commas)" : "")));
                continue;
            }
            readRow(r, header, rows, unreadable);
        }
        return new Parsed(rows, unreadable);
    }

    private static void readRow(Record r, Map<String, Integer> header, List<ImportRow> rows, List<BadRow> unreadable) {
        int before = unreadable.size();
        String id = text(r, header, "id");
        String budgetLine = text(r, header, "budgetLine");
        BigDecimal amount = amount(r, header, unreadable);
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
                    text(r, header, "supplier"), text(r, header, "invoice"), text(r, header, "description"))));
        }
    }

    private static String text(Record r, Map<String, Integer> header, String column) {
        String value = r.fields.get(header.get(column)).strip();
        return value.isEmpty() ? null : value;
    }

    private static BigDecimal amount(Record r, Map<String, Integer> header, List<BadRow> unreadable) {
        String raw = text(r, header, "amount");
        if (raw == null) {
            unreadable.add(new BadRow(r.line, "amount", "is required"));
            return null;
        }
        String value = raw.replace("\u00A0", "").replace("\u202F", "").replace(" ", "");
        if (value.contains(",") && value.contains(".")) {
            unreadable.add(new BadRow(r.line, "amount", "'" + raw + "' mixes '.' and ','; write the amount without "
                    + "thousands separators, e.g. 1234.56 or 1234,56"));
            return null;
        }
        value = value.replace(',', '.');
        if (!AMOUNT.matcher(value).matches()) {
            unreadable.add(new BadRow(r.line, "amount", "'" + Bounds.shortened(raw)
                    + "' is not an amount such as 1234.56 or 1234,56"));
            return null;
        }
        BigDecimal amount = new BigDecimal(value);
        String problem = Bounds.decimalProblem(amount);
        if (problem != null) {
            unreadable.add(new BadRow(r.line, "amount", "'" + Bounds.shortened(raw) + "' " + problem));
            return null;
        }
        return amount;
    }

    private static LocalDate date(Record r, Map<String, Integer> header, String column, boolean required,
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
            String known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
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

    private static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidRequest.of("file", "The file is not UTF-8 text. Save the export as CSV UTF-8 and try again.");
        }
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            long line = 1 + text.substring(0, nul).chars().filter(c -> c == '\n').count();
            throw InvalidRequest.of("file", "Line " + line + " contains the invisible character U+0000 (NUL), which "
                    + "cannot be stored. Save the export as CSV UTF-8 text and try again.");
        }
        return text;
    }

    private record Record(int line, List<String> fields, char delimiter) {
    }

    /** Splits the text into records, honouring quotes (which may hold delimiters and line breaks). */
    private static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        char delimiter = delimiterOf(text);
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean endOfRecord = false;
            while (i < n && !endOfRecord) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.toString().isBlank()) {
                    field.setLength(0);
                    quoted = true;
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRecord = true;
                } else {
                    field.append(c);
                }
                i++;
            }
            fields.add(field.toString());
            records.add(new Record(startLine, fields, delimiter));
        }
        return records;
    }

    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long semicolons = first.chars().filter(c -> c == ';').count();
        long commas = first.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

}
