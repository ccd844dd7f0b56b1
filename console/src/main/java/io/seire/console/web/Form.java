package io.seire.console.web;

import io.seire.platform.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.util.MultiValueMap;

/**
 * A form as the person filled it in, and, once sent and refused, the API's answer: the message for each named field
 * (shown beside it and in the summary at the top), the rows and columns of a file, and the problem's detail.
 */
public final class Form {

    /** One line of the error summary: the field's element id (for the link) and the message. */
    public record Summary(String target, String message) {
    }

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<Summary> summary = new ArrayList<>();
    private final List<FieldError> rows = new ArrayList<>();
    private java.util.function.Function<String, String> labels = field -> field;
    private String title;
    private String detail;
    private int status = 200;

    public static Form empty() {
        Form form = new Form();
        form.values.put("idempotencyKey", UUID.randomUUID().toString());
        return form;
    }

    public static Form of(MultiValueMap<String, String> parameters) {
        Form form = new Form();
        parameters.forEach((name, list) -> {
            if (!name.equals("_csrf") && list != null && !list.isEmpty()) {
                form.values.put(name, list.get(0));
            }
        });
        form.values.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
        return form;
    }

    public Form with(String name, String value) {
        values.put(name, value);
        return this;
    }

    public String get(String name) {
        return values.get(name);
    }

    public String value(String name) {
        String value = values.get(name);
        return value == null ? "" : value;
    }

    public boolean has(String name) {
        String value = values.get(name);
        return value != null && !value.isBlank();
    }

    public String idempotencyKey() {
        return values.get("idempotencyKey");
    }

    /** The element id of a field: its name with dots as dashes ({@code original.amount} → {@code original-amount}). */
    public static String id(String field) {
        return field.replace('.', '-').replace('[', '-').replace("]", "");
    }

    /** Takes in the API's refusal: every named field gets its message; the rest goes to the summary. */
    public Form refused(ProblemDetail problem, List<String> fieldsOnThePage) {
        return refused(problem, fieldsOnThePage, field -> field);
    }

    /**
     * As above; {@code labels} names a field as its page does, for the summary's lines whose message does not say
     * which field it is about (the API's {@code is required}, {@code must be …}).
     */
    public Form refused(ProblemDetail problem, List<String> fieldsOnThePage,
                        java.util.function.Function<String, String> labels) {
        this.labels = labels;
        status = problem.getStatus();
        title = problem.getTitle();
        detail = problem.getDetail();
        Object listed = problem.getProperties() == null ? null : problem.getProperties().get("errors");
        if (listed instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof FieldError error) {
                    add(error, fieldsOnThePage);
                }
            }
        }
        if (summary.isEmpty() && rows.isEmpty()) {
            summary.add(new Summary(null, detail));
        }
        return this;
    }

    private void add(FieldError error, List<String> fieldsOnThePage) {
        if (error.row() != null) {
            rows.add(error);
            return;
        }
        String field = error.field();
        if (field != null && fieldsOnThePage.contains(field)) {
            errors.merge(field, error.message(), (a, b) -> a + " " + b);
            String message = error.message();
            boolean saysWhich = !message.isEmpty() && Character.isUpperCase(message.codePointAt(0));
            summary.add(new Summary(id(field), saysWhich ? message : labels.apply(field) + ": " + message));
        } else {
            summary.add(new Summary(null, field == null ? error.message() : field + ": " + error.message()));
        }
    }

    public boolean hasErrors() {
        return !summary.isEmpty() || !rows.isEmpty();
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public List<Summary> summary() {
        return summary;
    }

    public List<FieldError> rows() {
        return rows;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public int status() {
        return status;
    }
}
