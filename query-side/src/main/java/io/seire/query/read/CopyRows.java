package io.seire.query.read;

import io.seire.platform.db.CopyText;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        CopyText data = copy.isEmpty() ? null : data(rows);
        if (data == null) {
            return false;
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> data.copyIn(connection, copy));
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
        CopyText data = copy.isEmpty() ? null : data(rows);
        if (data == null) {
            return false;
        }
        Boolean copied = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            java.sql.Savepoint before = connection.setSavepoint();
            try {
                data.copyIn(connection, copy);
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
    private static CopyText data(List<Object[]> rows) {
        CopyText data = new CopyText(rows.size() * 256); // the driver's client encoding is UTF-8
        for (Object[] row : rows) {
            for (Object value : row) {
                if (!data.append(value)) {
                    return null;
                }
            }
            data.endRow();
        }
        return data;
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
}
