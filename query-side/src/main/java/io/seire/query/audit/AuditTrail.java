package io.seire.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.query.export.Cells;
import io.seire.query.read.Paging;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.Where;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail of a project: who recorded what and when, paged or streamed whole (CSV, NDJSON) in constant
 * memory. The hash chain is verified by {@link ChainVerifier}.
 */
@Component
public class AuditTrail {

    public record Entry(long position, Instant recordedAt, String actor, String roles, String type,
                        String businessDate, String summary, String reason, String idempotencyKey,
                        String correlationId, String source, String hash) {
    }

    /** Which entries: recorded-at time range, actor, event type; every filter is optional. */
    public record Filter(Instant from, Instant to, String actor, String type) {
    }

    static final String COLUMNS = "a.position, a.recorded_at, a.actor, a.roles, a.type, a.business_date, a.summary, "
            + "a.reason, a.idempotency_key, a.correlation_id, a.source, c.hash";
    static final List<String> CSV_HEADER = List.of("position", "recordedAt", "actor", "roles", "type", "businessDate",
            "summary", "reason", "idempotencyKey", "correlationId", "source", "hash");
    /** RFC 4180: comma, double quotes where needed, CRLF, the header first. */
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get();

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public AuditTrail(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Paging.Page<Entry> page(ProjectScope scope, Filter filter, Paging paging) {
        return page(scope.id(), scope.maxPosition(), filter, paging);
    }

    /** The trail of one stream (a project's, or a programme's {@code programme/<id>}) up to a position. */
    public Paging.Page<Entry> page(String stream, long maxPosition, Filter filter, Paging paging) {
        Where where = where(stream, maxPosition, filter);
        long total = jdbc.sql("SELECT count(*) FROM audit_entry a WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
        List<Entry> items = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry a LEFT JOIN event_chain c ON c.position = a.position "
                        + "WHERE " + where.sql() + " ORDER BY a.position LIMIT :size OFFSET :offset")
                .params(where.params()).param("size", paging.size()).param("offset", paging.offset())
                .query((rs, i) -> entry(rs)).list();
        return paging.page(items, total);
    }

    /** Receives the entries of a streamed trail one by one. */
    @FunctionalInterface
    public interface EntrySink {
        void accept(Entry entry) throws IOException;
    }

    /**
     * Writes every matching entry as NDJSON or CSV, reading with a database cursor on the given connection (an
     * export's own): memory stays flat. The cursor's transaction is rolled back however the writing ends.
     */
    public void stream(Connection con, ProjectScope scope, Filter filter, boolean csv, OutputStream out)
            throws IOException, SQLException {
        if (csv) {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(text, CSV);
            each(con, scope, filter, e -> printer.printRecord(csvCells(e)));
            printer.flush();
        } else {
            JsonGenerator generator = json.getFactory().createGenerator(out);
            generator.setRootValueSeparator(null);
            each(con, scope, filter, e -> {
                json.writeValue(generator, e);
                generator.writeRaw('\n');
            });
            generator.flush();
        }
    }

    /**
     * Hands every matching entry on in position order, read with a database cursor on the given connection (an
     * export's own) so that memory stays flat; the cursor's transaction is rolled back however the reading ends.
     */
    public void each(Connection con, ProjectScope scope, Filter filter, EntrySink sink) throws IOException, SQLException {
        Where where = where(scope.id(), scope.maxPosition(), filter);
        Where.Positional statement = Where.Positional.of("SELECT " + COLUMNS + " FROM audit_entry a LEFT JOIN event_chain c "
                + "ON c.position = a.position WHERE " + where.sql() + " ORDER BY a.position", where.params());
        boolean autoCommit = con.getAutoCommit();
        con.setAutoCommit(false);
        try (PreparedStatement ps = con.prepareStatement(statement.sql())) {
            ps.setFetchSize(2000);
            statement.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(entry(rs));
                }
            }
        } finally {
            con.rollback();
            con.setAutoCommit(autoCommit);
        }
    }

    static Where where(String stream, long maxPosition, Filter filter) {
        return Where.of("a.project_id = :stream AND a.position <= :maxPosition")
                .param("stream", stream).param("maxPosition", maxPosition)
                .andIf(filter.from() == null ? null : Timestamp.from(filter.from()), "a.recorded_at >= :from", "from")
                .andIf(filter.to() == null ? null : Timestamp.from(filter.to()), "a.recorded_at <= :to", "to")
                .andIf(filter.actor(), "a.actor = :actor", "actor")
                .andIf(filter.type(), "a.type = :type", "type");
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("position"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
                rs.getString("roles"), rs.getString("type"), rs.getString("business_date"), rs.getString("summary"),
                rs.getString("reason"), rs.getString("idempotency_key"), rs.getString("correlation_id"),
                rs.getString("source"), rs.getString("hash"));
    }

    /**
     * An entry's cells in the audit-trail CSV. A cell that a spreadsheet would run as a formula (it begins with
     * {@code = + - @}, a tab or a carriage return) is written with a leading {@code '}; NDJSON and JSON keep the text
     * as recorded.
     */
    static List<String> csvCells(Entry e) {
        return List.of(String.valueOf(e.position()), e.recordedAt().toString(), inert(e.actor()), inert(e.roles()),
                inert(e.type()), inert(e.businessDate()), inert(e.summary()), inert(e.reason()),
                inert(e.idempotencyKey()), inert(e.correlationId()), inert(e.source()), inert(e.hash()));
    }

    static String inert(String text) {
        return Cells.inert(text);
    }
}
