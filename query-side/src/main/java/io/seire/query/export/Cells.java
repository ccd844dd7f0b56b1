package io.seire.query.export;

import java.math.BigDecimal;

/** What goes into cells: the formula guard of CSV text, and the API's decimal strings as numbers. */
public final class Cells {

    /** What a spreadsheet takes as the start of a formula. */
    public static final String FORMULA_STARTS = "=+-@\t\r";

    private Cells() {
    }

    /**
     * Text for a CSV cell that no spreadsheet runs as a formula: one that begins with {@code = + - @}, a tab or a
     * carriage return gets a leading {@code '}. Numbers are not text and keep their sign; XLSX needs no guard, as its
     * text cells are never formulas.
     */
    public static String inert(String text) {
        String cell = text == null ? "" : text;
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** A decimal string of the API as a number; null stays null. */
    public static BigDecimal decimal(String text) {
        return text == null || text.isEmpty() ? null : new BigDecimal(text);
    }

    /** A value that is a number unless its indicator measures text: a number when it reads as one, else the text. */
    public static Object numberOrText(String text, boolean isText) {
        if (text == null || isText) {
            return text;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }
}
