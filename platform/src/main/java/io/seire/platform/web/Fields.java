package io.seire.platform.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with the parts of a request that are not its body record (parameters, headers, and rules
 * that depend on the address as well as the body), so one answer names every problem. A body's field rules are
 * Bean Validation constraints on its request record ({@link io.seire.platform.web.rules}), not here.
 */
public final class Fields {

    private final List<FieldError> errors = new ArrayList<>();

    /** Optional text: blank counts as absent. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
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
