package io.seire.query.read;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sends the rows of a queued {@code INSERT INTO t (columns) VALUES (?, …) ON CONFLICT DO NOTHING} as one
 * {@code COPY t (columns) FROM STDIN} (PostgreSQL's text format), for a rebuild's bulk load (ADR 0038). The values
 * are written as PostgreSQL reads them from the JDBC driver: the same text for every type the projections bind, so a
 * rebuilt row is the row the live projection writes. Statements of another shape, tables not in
 * {@link BulkLoad#COPIED_TABLES} and values of a type not handled here are left to the JDBC batch.
 */
final class CopyRows {

    private static final Pattern INSERT = Pattern.compile(
            "INSERT INTO (\\w+) \\(([\\w, ]+)\\) VALUES \\(([^()]*)\\) ON CONFLICT DO NOTHING");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\s*\\?(::[\\w\\[\\]]+)?\\s*");
    /** Per statement: its COPY, or "" when it cannot be copied. */
    private static final Map<String, String> COPY_OF = new ConcurrentHashMap<>();

    private CopyRows() {
    }

    /** Copies the rows; false (nothing sent) when the statement or a value is not one a COPY can take. */
    static boolean copy(JdbcTemplate jdbc, String insert, List<Object[]> rows) {
        String copy = COPY_OF.computeIfAbsent(insert, CopyRows::copyOf);
        if (copy.isEmpty()) {
            return false;
        }
        StringBuilder data = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    data.append('\t');
                }
                if (!append(data, row[i])) {
                    return false;
                }
            }
            data.append('\n');
        }
        byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8); // the driver's client encoding is UTF-8
        Long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(copy, new ByteArrayInputStream(bytes), 1 << 16);
            } catch (java.io.IOException e) {
                throw new java.sql.SQLException("COPY failed: " + copy, e);
            }
        });
        if (copied == null || copied != rows.size()) {
            throw new IllegalStateException("COPY wrote " + copied + " rows of " + rows.size() + ": " + copy);
        }
        return true;
    }

    /** The COPY for an insert, or "" when the insert is not a plain one into a copied table. */
    static String copyOf(String insert) {
        Matcher m = INSERT.matcher(insert);
        if (!m.matches() || !BulkLoad.COPIED_TABLES.contains(m.group(1))) {
            return "";
        }
        String[] columns = m.group(2).split(",");
        String[] values = m.group(3).split(",");
        if (columns.length != values.length) {
            return "";
        }
        for (String value : values) {
            if (!PLACEHOLDER.matcher(value).matches()) {
                return "";
            }
        }
        return "COPY " + m.group(1) + " (" + m.group(2) + ") FROM STDIN";
    }

    /** Appends a value in COPY's text format; false for a type not handled here. */
    static boolean append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String s) {
            escape(out, s);
        } else if (value instanceof Long n) {
            out.append(n.longValue());
        } else if (value instanceof Integer || value instanceof Short) {
            out.append(((Number) value).intValue());
        } else if (value instanceof BigDecimal d) {
            out.append(d.toString()); // what the JDBC driver sends for setBigDecimal
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof LocalDate d) {
            out.append(d); // ISO 8601, as the driver sends it
        } else if (value instanceof Timestamp t) {
            // an instant in UTC (the columns are timestamptz), rounded to microseconds half up as the driver does
            out.append(t.toInstant().plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        } else if (value instanceof String[] array) {
            StringBuilder literal = new StringBuilder("{");
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    literal.append(',');
                }
                if (array[i] == null) {
                    literal.append("NULL");
                } else {
                    literal.append('"').append(array[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
            }
            escape(out, literal.append('}').toString());
        } else {
            return false;
        }
        return true;
    }

    private static void escape(StringBuilder out, String s) {
        boolean plain = true; // most text has none of the characters COPY escapes: appended as it is
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c != '\\' && c != '\n' && c != '\r' && c != '\t';
        }
        if (plain) {
            out.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
    }
}
