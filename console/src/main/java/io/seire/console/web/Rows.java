package io.seire.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repeated rows of a form ({@code budget[0].planned}, {@code budget[1].planned}, …) that become a list of the
 * API's request: rows left empty are not sent, so the request's item {@code n} may be the page's row {@code m};
 * {@link #pageField} names the page's field of an API field, for the refusal to be shown beside it.
 */
public final class Rows {

    private final String list;
    private final List<Integer> sent = new ArrayList<>();

    public Rows(String list) {
        this.list = list;
    }

    /** The page's row {@code row} goes into the request as its next item. */
    public void send(int row) {
        sent.add(row);
    }

    /** {@code budget[1].planned} of the request → {@code budget[3].planned} of the page (other fields unchanged). */
    public String pageField(String apiField) {
        Matcher m = Pattern.compile("^" + Pattern.quote(list) + "\\[(\\d+)](.*)$").matcher(apiField);
        if (m.matches()) {
            int item = Integer.parseInt(m.group(1));
            if (item < sent.size()) {
                return list + "[" + sent.get(item) + "]" + m.group(2);
            }
        }
        return apiField;
    }

    /** The page's field names of rows {@code 0 … count-1}, each with these parts ({@code planned}, …). */
    public static List<String> fields(String list, int count, String... parts) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fields.add(list + "[" + i + "]");
            for (String part : parts) {
                fields.add(list + "[" + i + "]." + part);
            }
        }
        return fields;
    }
}
