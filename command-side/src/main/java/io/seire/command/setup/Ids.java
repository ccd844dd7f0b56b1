package io.seire.command.setup;

import io.seire.kernel.RuleViolation;

/**
 * Codes and ids are any Unicode text (e.g. {@code Šveits.1.01.25-0006}), as long as they can travel in a URL path
 * segment and fit the event store's identifier column.
 */
public final class Ids {

    public static final int MAX_LENGTH = io.seire.kernel.Bounds.MAX_NAME_LENGTH;

    private Ids() {
    }

    public static void check(String field, String id) {
        if (id == null || id.isBlank()) {
            throw RuleViolation.badRequest("id-required", field, "is required");
        }
        if (!id.strip().equals(id)) {
            throw RuleViolation.badRequest("id-format", field, "must not start or end with spaces");
        }
        if (id.codePointCount(0, id.length()) > MAX_LENGTH) {
            throw RuleViolation.badRequest("id-format", field, "is longer than " + MAX_LENGTH + " characters");
        }
        if (id.codePoints().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            throw RuleViolation.badRequest("id-format", field, "must not contain '/', '\\' or control characters");
        }
    }
}
