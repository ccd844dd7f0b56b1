package io.seire.query.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Answers a view as a CSV, XLSX or PDF file: the one way every view is written as a table. A view of bounded length (a
 * project's budget lines, indicators, positions) is computed as for JSON and written in memory; a list of any
 * length (expenditures, the audit trail) is streamed as an export, on its own thread and database connection with
 * the export write timeout, in constant memory.
 */
@Component
public class Tables {

    /** Writes a long list's rows, reading them with the export's own connection. */
    @FunctionalInterface
    public interface StreamedRows {
        void writeTo(Connection connection, TableWriter writer) throws IOException, SQLException;
    }

    private final Exports exports;

    public Tables(Exports exports) {
        this.exports = exports;
    }

    public ResponseEntity<byte[]> answer(Rendering how, Table table, TableWriter.Rows rows) {
        return answer(how, table, rows, language -> {
            throw new IllegalStateException(table.fileName() + " has no PDF");
        });
    }

    /** What a view's PDF shows around its table, made only when a PDF is asked for. */
    @FunctionalInterface
    public interface Letterheads {
        Letterhead in(Language language);
    }

    /**
     * A view of bounded length as CSV, XLSX or PDF, written in memory; the PDF with the letterhead the view gives
     * it (its header fields, its charts).
     */
    public ResponseEntity<byte[]> answer(Rendering how, Table table, TableWriter.Rows rows, Letterheads letterheads) {
        withoutCharset(how.format());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Letterhead head = how.format() == Format.PDF ? letterheads.in(how.language()) : null;
        try (TableWriter writer = TableWriter.open(how.format(), how.language(), table, bytes, head)) {
            rows.writeTo(writer);
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + table.fileName() + " in memory failed", e);
        }
        return ResponseEntity.ok().contentType(how.format().contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(table.fileName() + "." + how.format().extension()))
                .body(bytes.toByteArray());
    }

    /** A document written by the view itself (a PDF of several tables), named and typed as every table is. */
    public ResponseEntity<byte[]> file(Format format, String fileName, byte[] body) {
        withoutCharset(format);
        return ResponseEntity.ok().contentType(format.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName + "." + format.extension()))
                .body(body);
    }

    /**
     * Takes an export slot now (503 with {@code Retry-After} when none is free) and answers the body that streams
     * the table.
     *
     * @param what the export and who asked for it, for the log
     */
    public ResponseEntity<StreamingResponseBody> stream(Rendering how, Table table, String what, StreamedRows rows) {
        withoutCharset(how.format());
        StreamingResponseBody body = exports.open(what + " as " + how.format(), (connection, out) -> {
            try (TableWriter writer = TableWriter.open(how.format(), how.language(), table, out)) {
                rows.writeTo(connection, writer);
                writer.finish();
            }
        });
        return ResponseEntity.ok().contentType(how.format().contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(table.fileName() + "." + how.format().extension()))
                .body(body);
    }

    /**
     * A binary answer names no charset: the one every answer is given by default ({@code server.servlet.encoding})
     * is taken off again.
     */
    private static void withoutCharset(Format format) {
        if (format.binary() && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes
                attributes && attributes.getResponse() != null) {
            attributes.getResponse().setCharacterEncoding((String) null);
        }
    }

    /**
     * {@code attachment} with the name twice: plain ASCII (letters without their marks, anything else {@code _}) for
     * clients that read only {@code filename} (curl -J), and exact in UTF-8 (RFC 6266 / 8187) for the others.
     */
    public static String attachment(String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._-]", "_");
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
