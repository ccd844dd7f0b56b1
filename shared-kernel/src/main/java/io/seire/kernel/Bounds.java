package io.seire.kernel;

import java.math.BigDecimal;
import java.time.LocalDate;

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

    /** The start of a value for a message, so that a refused megabyte is not repeated back. */
    public static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
