package io.seire.platform.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects what is wrong with a request body, field by field, so one answer names every problem. Checks only what
 * can be decided without the project (presence, number format, ranges); rules that need the project are the
 * aggregate's.
 */
public final class Fields {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final List<FieldError> errors = new ArrayList<>();

    public <T> T required(String field, T value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            errors.add(FieldError.of(field, "is required"));
        }
        return value;
    }

    /** Optional text: blank counts as absent. */
    public String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A decimal number written as a JSON string, e.g. {@code "1234.56"}; null when absent. */
    public BigDecimal decimal(String field, String text) {
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            errors.add(FieldError.of(field, "'" + io.seire.kernel.Bounds.shortened(text)
                    + "' is not a decimal number; write it as a string such as \"1234.56\""));
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        String problem = io.seire.kernel.Bounds.decimalProblem(value);
        if (problem != null) {
            errors.add(FieldError.of(field, "'" + io.seire.kernel.Bounds.shortened(text) + "' " + problem));
            return null;
        }
        return value;
    }

    public BigDecimal requiredDecimal(String field, String text) {
        return decimal(field, required(field, text));
    }

    /** A percentage between 0 and 100 inclusive. */
    public BigDecimal percent(String field, String text, BigDecimal min) {
        BigDecimal value = decimal(field, text);
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.add(FieldError.of(field, "must be between " + min.toPlainString() + " and 100, not " + text));
        }
        return value;
    }

    public void add(String field, String message) {
        errors.add(FieldError.of(field, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
