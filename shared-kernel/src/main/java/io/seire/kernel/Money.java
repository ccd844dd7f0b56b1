package io.seire.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in a currency. Arithmetic is exact; rounding happens only where a rule says so ({@link #percent}).
 */
public record Money(BigDecimal amount, CurrencyCode currency) {

    public Money {
        if (amount == null || currency == null) {
            throw new IllegalArgumentException("amount and currency are required");
        }
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static Money of(BigDecimal amount, CurrencyCode currency) {
        return new Money(amount, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount), currency);
    }

    public Money plus(BigDecimal other) {
        return new Money(amount.add(other), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount), currency);
    }

    /** {@code percent} % of this amount, rounded HALF_UP to the currency's minor unit (the flat-rate rule). */
    public Money percent(BigDecimal percent) {
        BigDecimal raw = amount.multiply(percent).divide(BigDecimal.valueOf(100));
        return new Money(raw.setScale(currency.minorDigits(), RoundingMode.HALF_UP), currency);
    }

    public boolean isGreaterThan(Money other) {
        return amount.compareTo(other.amount) > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Whether the amount has no more digits after the decimal point than the currency allows. */
    public boolean fitsMinorUnit() {
        return fitsMinorUnit(amount, currency);
    }

    public static boolean fitsMinorUnit(BigDecimal amount, CurrencyCode currency) {
        return amount.stripTrailingZeros().scale() <= currency.minorDigits();
    }

    /** The amount as the API writes it: a plain decimal string with exactly the currency's minor digits. */
    public String format() {
        return amount.setScale(currency.minorDigits(), RoundingMode.UNNECESSARY).toPlainString();
    }

    @Override
    public String toString() {
        return format() + " " + currency;
    }
}
