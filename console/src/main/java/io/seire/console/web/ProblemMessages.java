package io.seire.console.web;

import io.seire.platform.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The API's refusals in the page's language. The API answers in English, and keeps doing so: the console shows an
 * Estonian page the message its bundle holds for the problem's type ({@code problem.<type>}, the rule the API names
 * in {@code /problems/<type>}), its title by status ({@code problem.title.<status>}), and a field's message by its
 * wording ({@code problem.field.…}); whatever the bundle does not hold is shown as the API wrote it. The quoted
 * names in the API's text ({@code 'R1'}, {@code '2024'}) fill the message's {@code {0}}, {@code {1}}, … in order; a
 * message needing more of them than the text has is not used (the API's text is).
 */
@Component
public class ProblemMessages {

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** A field's message by its wording: the pattern of the API's English and the bundle's key. */
    private static final Map<Pattern, String> FIELD_MESSAGES = Map.of(
            Pattern.compile("is required"), "problem.field.required",
            Pattern.compile("must be at least (\\d+) characters long"), "problem.field.tooShort",
            Pattern.compile("must not be negative, not (.*)"), "problem.field.negative");

    private final MessageSource messages;

    public ProblemMessages(@Qualifier("consoleMessages") MessageSource messages) {
        this.messages = messages;
    }

    /** The problem as the page shows it: translated where the bundle has the words, else as the API answered. */
    public ProblemDetail inLanguage(ProblemDetail problem, Locale locale) {
        if (!Languages.of(locale).equals(Languages.ESTONIAN)) {
            return problem;
        }
        String type = typeOf(problem);
        String detail = problem.getDetail() == null ? null : detail(type, problem.getDetail(), locale);
        ProblemDetail shown = ProblemDetail.forStatusAndDetail(
                org.springframework.http.HttpStatusCode.valueOf(problem.getStatus()), detail);
        shown.setType(problem.getType());
        shown.setInstance(problem.getInstance());
        shown.setTitle(messages.getMessage("problem.title." + problem.getStatus(), null, problem.getTitle(), locale));
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(shown::setProperty);
            if (problem.getProperties().get("errors") instanceof List<?> errors) {
                List<Object> translated = new ArrayList<>();
                for (Object item : errors) {
                    if (item instanceof FieldError error && error.message() != null) {
                        String message = error.message().equals(problem.getDetail()) ? detail
                                : field(type, error.message(), locale);
                        translated.add(new FieldError(error.field(), error.row(), error.column(), message));
                    } else {
                        translated.add(item);
                    }
                }
                shown.setProperty("errors", translated);
            }
        }
        return shown;
    }

    static String typeOf(ProblemDetail problem) {
        String type = problem.getType() == null ? "" : problem.getType().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private String detail(String type, String english, Locale locale) {
        String pattern = messages.getMessage("problem." + type, null, null, locale);
        if (pattern == null) {
            return field(type, english, locale);
        }
        List<String> quoted = new ArrayList<>();
        Matcher m = QUOTED.matcher(english);
        while (m.find()) {
            quoted.add(m.group(1));
        }
        return fill(pattern, quoted, english);
    }

    private String field(String type, String english, Locale locale) {
        if (!type.equals("invalid-request") && !type.equals("field-required")) {
            String pattern = messages.getMessage("problem." + type, null, null, locale);
            if (pattern != null) {
                return detail(type, english, locale);
            }
        }
        for (Map.Entry<Pattern, String> known : FIELD_MESSAGES.entrySet()) {
            Matcher m = known.getKey().matcher(english);
            if (m.matches()) {
                List<String> groups = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    groups.add(m.group(i));
                }
                String pattern = messages.getMessage(known.getValue(), null, null, locale);
                return pattern == null ? english : fill(pattern, groups, english);
            }
        }
        return english;
    }

    /** The message with its {n} filled from the values, or the API's text when the values do not reach. */
    private static String fill(String pattern, List<String> values, String english) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            if (index >= values.size()) {
                return english;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(index)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
