package io.seire.query.read;

import java.io.ByteArrayInputStream;
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
        String copy = copyStatement(insert);
        Utf8 data = copy.isEmpty() ? null : data(rows);
        if (data == null) {
            return false;
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> copyIn(connection, copy, data, rows.size()));
        return true;
    }

    /**
     * Copies the rows into a table that may already hold some of them: true when copied; false when nothing was
     * sent (as {@link #copy}) or when a row was already there, in which case the COPY is undone (to a savepoint) and
     * nothing of it is left, so that the caller's {@code INSERT … ON CONFLICT DO NOTHING} decides row by row as
     * before. Any other failure is thrown.
     */
    static boolean copyUnlessPresent(JdbcTemplate jdbc, String insert, List<Object[]> rows) {
        String copy = copyStatement(insert);
        Utf8 data = copy.isEmpty() ? null : data(rows);
        if (data == null) {
            return false;
        }
        Boolean copied = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            java.sql.Savepoint before = connection.setSavepoint();
            try {
                copyIn(connection, copy, data, rows.size());
            } catch (java.sql.SQLException e) {
                if (!CONFLICT.contains(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(before);
                return false;
            }
            connection.releaseSavepoint(before);
            return true;
        });
        return Boolean.TRUE.equals(copied);
    }

    /** Whether the insert is one a COPY can take (its values may still not be). */
    static boolean copyable(String insert) {
        return !copyStatement(insert).isEmpty();
    }

    /** The COPY for an insert, worked out once per statement; "" when it cannot be copied. */
    private static String copyStatement(String insert) {
        return COPY_OF.computeIfAbsent(insert, CopyRows::copyOf);
    }

    /** What {@code ON CONFLICT DO NOTHING} passes over: a unique or exclusion constraint's violation. */
    private static final java.util.Set<String> CONFLICT = java.util.Set.of("23505", "23P01");

    /** The rows in COPY's text format, or null when a value is of a type not handled here. */
    private static Utf8 data(List<Object[]> rows) {
        Utf8 data = new Utf8(rows.size() * 256); // the driver's client encoding is UTF-8
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    data.ascii('\t');
                }
                if (!append(data, row[i])) {
                    return null;
                }
            }
            data.ascii('\n');
        }
        return data;
    }

    private static long copyIn(java.sql.Connection connection, String copy, Utf8 data, int rows)
            throws java.sql.SQLException {
        long copied;
        try {
            copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(copy, new ByteArrayInputStream(data.bytes, 0, data.length), 1 << 16);
        } catch (java.io.IOException e) {
            throw new java.sql.SQLException("COPY failed: " + copy, e);
        }
        if (copied != rows) {
            throw new IllegalStateException("COPY wrote " + copied + " rows of " + rows + ": " + copy);
        }
        return copied;
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
    static boolean append(Utf8 out, Object value) {
        if (value == null) {
            out.ascii("\\N");
        } else if (value instanceof String s) {
            out.escaped(s);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            out.ascii(value.toString());
        } else if (value instanceof BigDecimal d) {
            out.ascii(d.toString()); // what the JDBC driver sends for setBigDecimal
        } else if (value instanceof Boolean b) {
            out.ascii(b ? 't' : 'f');
        } else if (value instanceof LocalDate d) {
            out.ascii(d.toString()); // ISO 8601, as the driver sends it
        } else if (value instanceof Timestamp t) {
            // an instant in UTC (the columns are timestamptz), rounded to microseconds half up as the driver does
            out.ascii(t.toInstant().plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString());
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
            out.escaped(literal.append('}').toString());
        } else {
            return false;
        }
        return true;
    }

    /**
     * COPY's data as UTF-8 bytes, written as the values are appended (a rebuild's rows were built as text first and
     * encoded after: a fifth of the projecting threads' time went to that, docs/PERFORMANCE.md).
     */
    static final class Utf8 {
        byte[] bytes;
        int length;

        Utf8(int capacity) {
            bytes = new byte[Math.max(capacity, 64)];
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        void ascii(char c) {
            room(1);
            bytes[length++] = (byte) c;
        }

        /** Text known to be ASCII (numbers, dates, COPY's own marks). */
        void ascii(String s) {
            room(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
        }

        /**
         * Text in COPY's escaping (backslash, newline, carriage return, tab), encoded as UTF-8 by the JDK. The
         * characters escaped are ASCII, and no byte of a multi-byte UTF-8 sequence is: the bytes are escaped as they
         * are copied.
         */
        void escaped(String s) {
            byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            room(utf8.length * 2);
            int plainFrom = 0;
            for (int i = 0; i < utf8.length; i++) {
                byte b = utf8[i];
                char escape = b == '\\' ? '\\' : b == '\n' ? 'n' : b == '\r' ? 'r' : b == '\t' ? 't' : 0;
                if (escape != 0) {
                    System.arraycopy(utf8, plainFrom, bytes, length, i - plainFrom);
                    length += i - plainFrom;
                    bytes[length++] = '\\';
                    bytes[length++] = (byte) escape;
                    plainFrom = i + 1;
                }
            }
            System.arraycopy(utf8, plainFrom, bytes, length, utf8.length - plainFrom);
            length += utf8.length - plainFrom;
        }
    }
}
