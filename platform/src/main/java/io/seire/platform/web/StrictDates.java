package io.seire.platform.web;

import io.seire.kernel.Bounds;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A date as the API writes it, {@code YYYY-MM-DD} and nothing else (no instant, no time, no week date), that exists
 * and lies within the years Seire records: the same for a body's date fields and a query's date parameters.
 */
final class StrictDates {

    /** YYYY-MM-DD; a signed year of more digits is read too, so that it can be refused as out of bounds. */
    private static final Pattern SHAPE = Pattern.compile("([+-]\\d{4,9}|\\d{4})-\\d{2}-\\d{2}");

    /** The reason a text is not such a date, with the text in it. */
    static final class NotADate extends IllegalArgumentException {
        NotADate(String reason) {
            super(reason, null);
        }
    }

    private StrictDates() {
    }

    static LocalDate parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            throw new NotADate("'" + (text == null ? "" : Bounds.shortened(text))
                    + "' is not a date written YYYY-MM-DD, such as 2024-12-31");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            String why = e.getCause() == null ? "there is no such day" : e.getCause().getMessage();
            throw new NotADate("'" + text + "' is not a valid date (YYYY-MM-DD): " + why);
        }
        String problem = Bounds.dateProblem(date);
        if (problem != null) {
            throw new NotADate("'" + text + "' " + problem);
        }
        return date;
    }
}
