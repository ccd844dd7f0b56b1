package io.seire.command.setup;

import io.seire.kernel.CurrencyCode;
import io.seire.kernel.Money;
import io.seire.kernel.RuleViolation;
import java.math.BigDecimal;

/** The rule every recorded amount follows: positive, with at most the currency's minor digits. */
public final class Amounts {

    public static final String RULE = "amount-positive-with-minor-digits";

    private Amounts() {
    }

    public static void checkPositive(String field, BigDecimal amount, CurrencyCode currency) {
        if (amount == null) {
            throw RuleViolation.badRequest(RULE, field, "is required");
        }
        if (amount.signum() <= 0) {
            throw RuleViolation.badRequest(RULE, field, "must be more than zero, not " + amount.toPlainString());
        }
        checkMinorDigits(field, amount, currency);
    }

    public static void checkMinorDigits(String field, BigDecimal amount, CurrencyCode currency) {
        if (!Money.fitsMinorUnit(amount, currency)) {
            throw RuleViolation.badRequest(RULE, field, amount.toPlainString() + " has more than "
                    + currency.minorDigits() + " digits after the decimal point, which " + currency + " does not allow");
        }
    }
}
