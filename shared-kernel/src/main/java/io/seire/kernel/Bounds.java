package io.seire.kernel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * The numbers and dates Seire records: enough for any programme's money, indicators and calendar, and small enough
 * that every stored event can be read back and every view written. Checked wherever a number or date enters.
 */
public final class Bounds {

    /** The longest id, code or user name. */
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_FRACTION_DIGITS = 10;
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    /** The longest short text: a name, title, unit, beneficiary, supplier, invoice number or reference. */
    public static final int MAX_SHORT_TEXT = 1_000;
    /** The longest long text: a description, assessment, narrative, reason, comment, note, evidence or text value. */
    public static final int MAX_LONG_TEXT = 10_000;

    /** The fields that hold long text, wherever they appear; every other text field holds short text. */
    private static final Set<String> LONG_TEXT = Set.of("assessment", "description", "summary", "problems",
            "measures", "nextSteps", "note", "evidence", "reason", "comment", "value");

    private Bounds() {
    }

    /** Why the number is outside what Seire records, in words; null when it is inside. */
    public static String decimalProblem(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return "has more than " + MAX_INTEGER_DIGITS + " digits before the decimal point";
        }
        if (value.scale() > MAX_FRACTION_DIGITS) {
            return "has more than " + MAX_FRACTION_DIGITS + " digits after the decimal point";
        }
        return null;
    }

    /** Why the date is outside what Seire records, in words; null when it is inside. */
    public static String dateProblem(LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            return "must be between " + EARLIEST + " and " + LATEST;
        }
        return null;
    }

    /** The longest text the field may hold, by its name (the last part of its path, e.g. {@code description}). */
    public static int textLimit(String field) {
        return field != null && LONG_TEXT.contains(field) ? MAX_LONG_TEXT : MAX_SHORT_TEXT;
    }

    /** Why the text is too long for the field, in words; null when it fits. Counts characters, not UTF-16 units. */
    public static String textProblem(String field, String text) {
        int limit = textLimit(field);
        if (text != null && text.length() > limit && text.codePointCount(0, text.length()) > limit) {
            return "is longer than " + limit + " characters";
        }
        return null;
    }

    /** The start of a value for a message, so that a refused megabyte is not repeated back. */
    public static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
