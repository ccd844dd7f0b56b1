package io.seire.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON value of a request that is well formed but not one Seire records; the path names the field. */
final class RefusedValue extends MismatchedInputException {

    private final String reason;

    RefusedValue(JsonParser p, String reason, Class<?> type) {
        super(p, reason, type);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
