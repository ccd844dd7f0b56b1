package io.seire.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One thing wrong with a request: a field of the body (or a row and column of a file) and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, Integer row, String column, String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, null, null, message);
    }

    public static FieldError atRow(int row, String column, String message) {
        return new FieldError(null, row, column, message);
    }
}
