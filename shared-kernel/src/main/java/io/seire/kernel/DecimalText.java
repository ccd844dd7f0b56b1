package io.seire.kernel;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A decimal number written as text, as the API takes money, percentages and indicator numbers ({@code "-1234.56"}):
 * digits with an optional sign and decimal point, nothing else. The one definition for JSON fields and CSV cells.
 */
public final class DecimalText {

    /** The form, as a regular expression (also published in the API document). */
    public static final String PATTERN = "-?\\d+(\\.\\d+)?";

    private static final Pattern FORM = Pattern.compile(PATTERN);

    private DecimalText() {
    }

    /** The number the text writes, or null when the text is not in the form. */
    public static BigDecimal parse(String text) {
        return text != null && FORM.matcher(text).matches() ? new BigDecimal(text) : null;
    }
}
