package io.seire.command.finance;

import io.seire.command.setup.ProjectSetup;
import io.seire.kernel.CurrencyCode;
import io.seire.kernel.Money;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.finance.ExpenditureDetails;
import io.seire.kernel.finance.OriginalAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rules for an expenditure invoiced in another currency: the original amount, its currency and the rate
 * (project currency per one unit of it) decide the amount in the project currency, rounded HALF_UP to its
 * minor unit; an amount given as well must agree with it.
 */
final class Originals {

    static final String CURRENCY_DIFFERS = "original-currency-differs-from-project";
    static final String AMOUNT_FITS = "original-amount-with-minor-digits";
    static final String RATE = "rate-positive-up-to-six-decimals";
    static final String AGREES = "amount-agrees-with-original";
    static final int RATE_DIGITS = 6;

    private Originals() {
    }

    /** The details with the amount computed (when left out) and the original normalised; unchanged without one. */
    static ExpenditureDetails resolve(ExpenditureDetails d, ProjectSetup setup, String fieldPrefix) {
        OriginalAmount o = d.original();
        if (o == null) {
            return d;
        }
        String field = fieldPrefix + "original.";
        if (o.currency() == null || o.currency().isBlank()) {
            throw RuleViolation.badRequest("field-required", field + "currency", "is required");
        }
        if (!CurrencyCode.isValid(o.currency())) {
            throw RuleViolation.badRequest("currency-iso-4217", field + "currency", "'" + o.currency()
                    + "' is not an ISO 4217 currency code (three capital letters, e.g. CHF)");
        }
        CurrencyCode currency = new CurrencyCode(o.currency());
        if (currency.equals(setup.currency())) {
            throw RuleViolation.badRequest(CURRENCY_DIFFERS, field + "currency", "The original currency is the "
                    + "project currency " + setup.currency() + "; give the amount alone.");
        }
        if (o.amount() == null) {
            throw RuleViolation.badRequest("field-required", field + "amount", "is required");
        }
        if (o.amount().signum() == 0) {
            throw RuleViolation.badRequest(AMOUNT_FITS, field + "amount", "must not be zero");
        }
        if (!Money.fitsMinorUnit(o.amount(), currency)) {
            throw RuleViolation.badRequest(AMOUNT_FITS, field + "amount", o.amount().toPlainString() + " has more than "
                    + currency.minorDigits() + " digits after the decimal point, which " + currency + " does not allow");
        }
        if (o.rate() == null) {
            throw RuleViolation.badRequest("field-required", field + "rate", "is required");
        }
        if (o.rate().signum() <= 0) {
            throw RuleViolation.badRequest(RATE, field + "rate", "must be more than zero, not " + o.rate().toPlainString());
        }
        if (o.rate().stripTrailingZeros().scale() > RATE_DIGITS) {
            throw RuleViolation.badRequest(RATE, field + "rate", o.rate().toPlainString()
                    + " has more than " + RATE_DIGITS + " digits after the decimal point");
        }
        if (o.rateDate() == null) {
            throw RuleViolation.badRequest("field-required", field + "rateDate", "is required");
        }
        BigDecimal computed = o.amount().multiply(o.rate())
                .setScale(setup.currency().minorDigits(), RoundingMode.HALF_UP);
        if (d.amount() != null && d.amount().compareTo(computed) != 0) {
            throw RuleViolation.unprocessable(AGREES, fieldPrefix + "amount", "The amount " + d.amount().toPlainString()
                    + " " + setup.currency() + " does not agree with " + o.amount().toPlainString() + " " + currency
                    + " at the rate " + o.rate().toPlainString() + ", which comes to " + computed.toPlainString() + " "
                    + setup.currency() + ".");
        }
        // kept in one form, so the same content given twice is the same content
        OriginalAmount normal = new OriginalAmount(o.amount().setScale(currency.minorDigits()), currency.code(),
                strip(o.rate()), o.rateDate(), o.rateSource() == null || o.rateSource().isBlank() ? null : o.rateSource());
        return d.with(d.amount() == null ? computed : d.amount(), normal);
    }

    private static BigDecimal strip(BigDecimal rate) {
        BigDecimal s = rate.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
