package io.seire.platform.web;

import java.util.List;

/** A request that cannot be understood as it stands: answered 400 with every field that is wrong. */
public class InvalidRequest extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(summary(errors), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(FieldError.of(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            FieldError e = errors.get(0);
            return (e.field() == null ? "" : e.field() + ": ") + e.message();
        }
        return errors.size() + " fields of the request are not valid; see errors.";
    }
}
