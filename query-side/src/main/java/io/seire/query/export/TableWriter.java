package io.seire.query.export;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a {@link Table} row by row, in one pass and constant memory: whatever the view's length, only the row being
 * written is held. Cells are {@code null} (empty), {@link String} (text), {@link java.math.BigDecimal} or another
 * {@link Number}, {@link java.time.LocalDate} or {@link java.time.Instant}; the column says how to write them.
 * {@link #finish()} completes the document; {@link #close()} gives back what the writer held (temporary files)
 * whether or not it was finished.
 */
public interface TableWriter extends AutoCloseable {

    /** Plain rows, and the subtotal and total rows of the view (set apart in XLSX). */
    enum RowKind { ITEM, SUBTOTAL, TOTAL }

    static TableWriter open(Format format, Language language, Table table, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new CsvTable(table, language, out);
            case XLSX -> new XlsxTable(table, language, out);
            case NDJSON, PDF -> throw new IllegalArgumentException("A table is written as CSV or XLSX here, not "
                    + format + " (a PDF needs its letterhead)");
        };
    }

    /** A table in any of its formats; a PDF with the letterhead the view gives it. */
    static TableWriter open(Format format, Language language, Table table, OutputStream out, Letterhead head)
            throws IOException {
        return format == Format.PDF ? new PdfTable(table, language, out, head) : open(format, language, table, out);
    }

    /** The language labels written in rows (a subtotal's "kokku") are to be in. */
    Language language();

    void row(RowKind kind, Object... cells) throws IOException;

    default void item(Object... cells) throws IOException {
        row(RowKind.ITEM, cells);
    }

    default void subtotal(Object... cells) throws IOException {
        row(RowKind.SUBTOTAL, cells);
    }

    default void total(Object... cells) throws IOException {
        row(RowKind.TOTAL, cells);
    }

    /** Writes the rest of the document to the stream (for XLSX: all of it). */
    void finish() throws IOException;

    @Override
    void close() throws IOException;

    /** What a view row function does: writes the view's rows. */
    @FunctionalInterface
    interface Rows {
        void writeTo(TableWriter writer) throws IOException;
    }
}
