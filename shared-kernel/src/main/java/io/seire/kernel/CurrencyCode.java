package io.seire.kernel;

import java.util.Currency;
import java.util.regex.Pattern;

/** An ISO 4217 currency code that has a defined number of minor digits (EUR: 2, JPY: 0). */
public record CurrencyCode(String code) {

    private static final Pattern THREE_LETTERS = Pattern.compile("[A-Z]{3}");

    public CurrencyCode {
        if (!isValid(code)) {
            throw RuleViolation.badRequest("currency-iso-4217", "currency",
                    "'" + code + "' is not an ISO 4217 currency code (three capital letters, e.g. EUR)");
        }
    }

    public static boolean isValid(String code) {
        if (code == null || !THREE_LETTERS.matcher(code).matches()) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** How many digits an amount may have after the decimal point. */
    public int minorDigits() {
        return Currency.getInstance(code).getDefaultFractionDigits();
    }

    @Override
    public String toString() {
        return code;
    }
}
