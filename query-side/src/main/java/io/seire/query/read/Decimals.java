package io.seire.query.read;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the API writes numbers: always as strings. */
public final class Decimals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    /** Money with exactly the currency's minor digits, e.g. {@code "1234.50"}. */
    public static String money(BigDecimal amount, int minorDigits) {
        return amount == null ? null : amount.setScale(minorDigits, RoundingMode.HALF_UP).toPlainString();
    }

    /** A decimal as entered, without exponent and without trailing zeros, e.g. {@code "15"} or {@code "33.5"}. */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** {@code part / whole × 100}, two decimals HALF_UP; null when the whole is zero. */
    public static String percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP).toPlainString();
    }
}
