package io.seire.console.web;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns what a person types into what the API takes: amounts with the language's decimal mark into the API's
 * decimal strings ({@code 1234,56} → {@code 1234.56}), dates as the language writes them into {@code YYYY-MM-DD}.
 * Anything else is handed on unchanged, so that the API names what is wrong with it, in its own words.
 */
public final class Inputs {

    private static final Pattern ESTONIAN_AMOUNT = Pattern.compile("-?\\d{1,3}([ \u00a0\u202f]\\d{3})*([,.]\\d+)?|-?\\d+([,.]\\d+)?");
    private static final Pattern ENGLISH_AMOUNT = Pattern.compile("-?\\d{1,3}(,\\d{3})*(\\.\\d+)?|-?\\d+(\\.\\d+)?");
    private static final Pattern DOTTED_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

    private Inputs() {
    }

    /** Blank is absent; an amount written for the language becomes the API's decimal string. */
    public static String amount(String typed, Locale locale) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip().replace('−', '-');
        if (Languages.of(locale).equals(Languages.ESTONIAN)) {
            if (ESTONIAN_AMOUNT.matcher(text).matches()) {
                return text.replaceAll("[ \u00a0\u202f]", "").replace(',', '.');
            }
        } else if (ENGLISH_AMOUNT.matcher(text).matches()) {
            return text.replace(",", "");
        }
        return text;
    }

    /** Blank is absent; {@code 31.12.2024} becomes {@code 2024-12-31}; anything else is left for the API to judge. */
    public static String date(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        var dotted = DOTTED_DATE.matcher(text);
        if (dotted.matches()) {
            return dotted.group(3) + "-" + pad(dotted.group(2)) + "-" + pad(dotted.group(1));
        }
        return text;
    }

    /** Blank is absent. */
    public static String text(String typed) {
        return typed == null || typed.isBlank() ? null : typed;
    }

    private static String pad(String part) {
        return part.length() == 1 ? "0" + part : part;
    }
}
