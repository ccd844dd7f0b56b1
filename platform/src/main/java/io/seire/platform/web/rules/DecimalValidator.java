package io.seire.platform.web.rules;

import io.seire.kernel.Bounds;
import io.seire.kernel.DecimalText;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;

/** Checks {@link Decimal}: the form, the digits Seire records, the range; each refusal names the value given. */
public class DecimalValidator implements ConstraintValidator<Decimal, String> {

    private BigDecimal min;
    private BigDecimal max;

    @Override
    public void initialize(Decimal rule) {
        min = rule.min().isEmpty() ? null : new BigDecimal(rule.min());
        max = rule.max().isEmpty() ? null : new BigDecimal(rule.max());
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        String problem = problem(text, min, max);
        if (problem == null) {
            return true;
        }
        Violations.refuse(context, problem);
        return false;
    }

    /** Why the text is not a decimal in the range, in words; null when it is (or when it is absent). */
    public static String problem(String text, BigDecimal min, BigDecimal max) {
        if (text == null) {
            return null;
        }
        BigDecimal value = DecimalText.parse(text);
        if (value == null) {
            return "'" + Bounds.shortened(text) + "' is not a decimal number; write it as a string such as \"1234.56\"";
        }
        String digits = Bounds.decimalProblem(value);
        if (digits != null) {
            return "'" + Bounds.shortened(text) + "' " + digits;
        }
        boolean below = min != null && value.compareTo(min) < 0;
        boolean above = max != null && value.compareTo(max) > 0;
        if (below && min.signum() == 0 && max == null) {
            return "must not be negative, not " + text;
        }
        if (below || above) {
            String range = min == null ? "at most " + max.toPlainString() : max == null ? "at least " + min.toPlainString()
                    : "between " + min.toPlainString() + " and " + max.toPlainString();
            return "must be " + range + ", not " + text;
        }
        return null;
    }
}
