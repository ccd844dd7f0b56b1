package io.seire.platform.db;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.postgresql.PGConnection;

/**
 * Rows in the text format of PostgreSQL's {@code COPY … FROM STDIN}, written as UTF-8 bytes as the values are appended,
 * and sent with the JDBC driver's copy API. Each value is written as PostgreSQL reads the same value from the JDBC
 * driver's parameter, so a copied row is the row a prepared {@code INSERT} with the same values writes (ADR 0038, 0051,
 * 0055).
 */
public final class CopyText {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;
    private boolean rowStarted;
    private int rows;

    public CopyText(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
    }

    /**
     * Appends a value as the next column of the current row; false (nothing appended) for a type not handled here.
     * Handled: null, {@code String}, {@code Long}, {@code Integer}, {@code Short}, {@code BigDecimal}, {@code Boolean},
     * {@code LocalDate}, {@code Timestamp} (for {@code timestamptz} columns), {@code String[]} and {@code byte[]} (for
     * {@code bytea} columns).
     */
    public boolean append(Object value) {
        int before = length;
        boolean started = rowStarted;
        if (rowStarted) {
            ascii('\t');
        }
        rowStarted = true;
        if (!write(value)) {
            length = before;
            rowStarted = started;
            return false;
        }
        return true;
    }

    /** Ends the current row. */
    public void endRow() {
        ascii('\n');
        rowStarted = false;
        rows++;
    }

    /** The rows ended so far. */
    public int rows() {
        return rows;
    }

    /**
     * Sends the rows as {@code copy} ({@code COPY table (columns) FROM STDIN}) on the connection, in its current
     * transaction; fails when PostgreSQL reports another number of rows than were written.
     */
    public long copyIn(Connection connection, String copy) throws SQLException {
        long copied;
        try {
            copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(copy, new ByteArrayInputStream(bytes, 0, length), 1 << 16);
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed: " + copy, e);
        }
        if (copied != rows) {
            throw new IllegalStateException("COPY wrote " + copied + " rows of " + rows + ": " + copy);
        }
        return copied;
    }

    private boolean write(Object value) {
        if (value == null) {
            ascii("\\N");
        } else if (value instanceof String s) {
            escaped(s);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            ascii(value.toString());
        } else if (value instanceof BigDecimal d) {
            ascii(d.toString()); // what the JDBC driver sends for setBigDecimal
        } else if (value instanceof Boolean b) {
            ascii(b ? 't' : 'f');
        } else if (value instanceof LocalDate d) {
            ascii(d.toString()); // ISO 8601, as the driver sends it
        } else if (value instanceof Timestamp t) {
            // an instant in UTC (the columns are timestamptz), rounded to microseconds half up as the driver does
            ascii(t.toInstant().plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString());
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
            escaped(literal.append('}').toString());
        } else if (value instanceof byte[] data) {
            hex(data);
        } else {
            return false;
        }
        return true;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private void ascii(char c) {
        room(1);
        bytes[length++] = (byte) c;
    }

    /** Text known to be ASCII (numbers, dates, COPY's own marks). */
    private void ascii(String s) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    /**
     * {@code bytea} in its hex form, {@code \x0a1b…}; its backslash doubled, as COPY's text format reads a backslash as
     * an escape.
     */
    private void hex(byte[] data) {
        room(3 + 2 * data.length);
        bytes[length++] = '\\';
        bytes[length++] = '\\';
        bytes[length++] = 'x';
        for (byte b : data) {
            bytes[length++] = HEX[(b >> 4) & 0xf];
            bytes[length++] = HEX[b & 0xf];
        }
    }

    /**
     * Text in COPY's escaping (backslash, newline, carriage return, tab), encoded as UTF-8 by the JDK. The characters
     * escaped are ASCII, and no byte of a multi-byte UTF-8 sequence is: the bytes are escaped as they are copied.
     */
    private void escaped(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
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
