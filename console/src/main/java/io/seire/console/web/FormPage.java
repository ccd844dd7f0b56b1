package io.seire.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * One form's round trip: build the API's request from the form, send it through the API's controller, and either go
 * on (the write is recorded) or show the form again with the API's refusal beside the fields (answered with the
 * API's status).
 */
@Component
public class FormPage {

    private final Writes writes;
    private final org.springframework.context.MessageSource messages;
    private final ProblemMessages problems;

    public FormPage(Writes writes, @org.springframework.beans.factory.annotation.Qualifier("consoleMessages")
                    org.springframework.context.MessageSource messages, ProblemMessages problems) {
        this.writes = writes;
        this.messages = messages;
        this.problems = problems;
    }

    /** The outcome: the write, or null when it was refused (then the form holds the refusal). */
    public Writes.Written send(Form form, List<String> fields, HttpServletRequest request,
                               HttpServletResponse response, Supplier<Function<HttpServletRequest, ResponseEntity<?>>> write) {
        return send(form, fields, request, response, write, Function.identity());
    }

    /**
     * As above, for a form whose rows are not the request's list items one for one (empty rows are left out):
     * {@code pageField} names the field of the page an API field ({@code budget[1].planned}) was filled from.
     */
    public Writes.Written send(Form form, List<String> fields, HttpServletRequest request,
                               HttpServletResponse response, Supplier<Function<HttpServletRequest, ResponseEntity<?>>> write,
                               Function<String, String> pageField) {
        try {
            return writes.send(request, form.idempotencyKey(), write.get());
        } catch (RuntimeException refused) {
            java.util.Locale locale = org.springframework.web.servlet.support.RequestContextUtils.getLocale(request);
            org.springframework.http.ProblemDetail problem = problems.inLanguage(writes.problem(refused, request), locale);
            if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors) {
                problem.setProperty("errors", errors.stream().map(e -> e instanceof io.seire.platform.web.FieldError f
                        && f.field() != null ? new io.seire.platform.web.FieldError(pageField.apply(f.field()), f.row(),
                        f.column(), f.message()) : e).toList());
            }
            form.refused(problem, fields,
                    field -> label(field, locale));
            response.setStatus(form.status());
            return null;
        }
    }

    private static final java.util.regex.Pattern ROW_FIELD = java.util.regex.Pattern.compile("^(\\w+)\\[(\\d{1,4})]\\.(\\w+)$");

    /**
     * How the page names a field in the error summary: {@code field.<name>}, and for a field of a repeated row
     * ({@code milestones[1].date}) {@code field.milestones.date} with the row's number counted from 1.
     */
    String label(String field, java.util.Locale locale) {
        String named = messages.getMessage("field." + field, null, null, locale);
        if (named != null) {
            return named;
        }
        java.util.regex.Matcher row = ROW_FIELD.matcher(field);
        if (row.matches()) {
            return messages.getMessage("field." + row.group(1) + "." + row.group(3),
                    new Object[]{Integer.toString(Integer.parseInt(row.group(2)) + 1)}, field, locale);
        }
        return field;
    }

    public static void show(Model model, Form form) {
        model.addAttribute("form", form);
    }
}
