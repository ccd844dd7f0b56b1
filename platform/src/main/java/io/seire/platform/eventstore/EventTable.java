package io.seire.platform.eventstore;

import io.seire.platform.eventstore.EventChain.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every statement Seire runs on Axon's own tables, {@code domainevententry} and {@code tokenentry} (ADR 0044): the
 * event store's layout is Axon's, so it is named in one place. Axon itself appends, loads aggregates and tracks; these
 * are the reads Seire adds (positions, the stored rows the hash chain covers, how far projections are) and nothing
 * here writes.
 * <p>
 * It reads through whatever template it is given, so it joins the caller's transaction (a projection batch, a
 * write's unit of work), or through the caller's own connection (the chain verifier's snapshot).
 */
public final class EventTable {

    /** Axon's event table. */
    public static final String TABLE = "domainevententry";

    private static final String COLUMNS = "globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, "
            + "timestamp, payloadtype, payloadrevision, payload, metadata";

    /** How many rows a long read fetches at a time, so a whole stream never sits in memory. */
    private static final int FETCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    public EventTable(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        JdbcTemplate fetching = new JdbcTemplate(jdbc.getDataSource());
        fetching.setFetchSize(FETCH);
        this.streaming = JdbcClient.create(fetching);
    }

    /** The stored row, column by column. */
    static StoredEvent row(ResultSet rs, int rowNum) throws SQLException {
        return new StoredEvent(rs.getLong("globalindex"), rs.getString("eventidentifier"),
                rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"), rs.getString("type"),
                rs.getString("timestamp"), rs.getString("payloadtype"), rs.getString("payloadrevision"),
                rs.getBytes("payload"), rs.getBytes("metadata"));
    }

    /** The last recorded position, 0 when nothing is recorded. */
    public long head() {
        return jdbc.sql("SELECT max(globalindex) AS head FROM domainevententry").query(Long.class).optional().orElse(0L);
    }

    /** How many events are stored, in all. */
    public long count() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    /** How many events are stored at or below the position. */
    public long countUpTo(long position) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE globalindex <= :position")
                .param("position", position).query(Long.class).single();
    }

    /** How many events are stored and the last position, read together. */
    public record Extent(long events, long head) {
    }

    public Extent extent() {
        return jdbc.sql("SELECT count(*) AS events, coalesce(max(globalindex), 0) AS head FROM domainevententry")
                .query(Extent.class).single();
    }

    /** The highest sequence number of an aggregate's stream, empty when it has none. */
    public Optional<Long> lastSequence(String aggregateId) {
        return jdbc.sql("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = :aggregate")
                .param("aggregate", aggregateId).query(Long.class).optional();
    }

    /** The global position of an aggregate's event, empty when it is not (yet, in this transaction) stored. */
    public Optional<Long> position(String aggregateId, long sequence) {
        return jdbc.sql("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = :aggregate "
                        + "AND sequencenumber = :sequence")
                .param("aggregate", aggregateId).param("sequence", sequence).query(Long.class).optional();
    }

    /** The stored row of the event with this identifier, empty when it is not stored. */
    public Optional<StoredEvent> byEventId(String eventId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM domainevententry WHERE eventidentifier = :eventId")
                .param("eventId", eventId).query(EventTable::row).optional();
    }

    /** The stored rows at positions {@code from} (included) to {@code to} (excluded), in order. */
    public List<StoredEvent> rows(long from, long to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM domainevententry WHERE globalindex >= :from AND globalindex < :to "
                        + "ORDER BY globalindex")
                .param("from", from).param("to", to).query(EventTable::row).list();
    }

    /** Which event is at each stored position from {@code from} (included) to {@code to} (excluded). */
    public Map<Long, String> eventIds(long from, long to) {
        Map<Long, String> ids = new HashMap<>();
        jdbc.sql("SELECT globalindex, eventidentifier FROM domainevententry WHERE globalindex >= :from "
                        + "AND globalindex < :to")
                .param("from", from).param("to", to)
                .query(rs -> {
                    ids.put(rs.getLong("globalindex"), rs.getString("eventidentifier"));
                });
        return ids;
    }

    /** Streams a stream's stored events in order of position, up to and including {@code maxSequence}. */
    public void forEach(String aggregateId, long maxSequence, Consumer<StoredEvent> action) {
        streaming.sql("SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier = :aggregate "
                        + "AND sequencenumber <= :maxSequence ORDER BY globalindex")
                .param("aggregate", aggregateId).param("maxSequence", maxSequence)
                .query(rs -> {
                    action.accept(row(rs, 0));
                });
    }

    /**
     * A stream's stored events in order of position, read through a cursor on the caller's connection, in the
     * transaction and isolation it set (the chain verifier's snapshot): close it.
     */
    public static Cursor cursor(Connection connection, String aggregateId) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM domainevententry "
                + "WHERE aggregateidentifier = ? ORDER BY globalindex");
        try {
            statement.setFetchSize(FETCH);
            statement.setString(1, aggregateId);
            return new Cursor(statement, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Stored events read one at a time. */
    public static final class Cursor implements AutoCloseable {

        private final PreparedStatement statement;
        private final ResultSet rows;

        private Cursor(PreparedStatement statement, ResultSet rows) {
            this.statement = statement;
            this.rows = rows;
        }

        /** The next stored event, or null after the last. */
        public StoredEvent next() throws SQLException {
            return rows.next() ? row(rows, 0) : null;
        }

        @Override
        public void close() throws SQLException {
            try {
                rows.close();
            } finally {
                statement.close();
            }
        }
    }

    /**
     * The {@code field} of the payload of a stream's first event if that event is of the type (e.g. a project's
     * programme): no element when it is not, one (null when the payload has no such field) when it is.
     */
    public List<String> firstEventField(String aggregateId, String aggregateType, String payloadType, String field) {
        return jdbc.sql("SELECT convert_from(payload, 'UTF8')::jsonb ->> :field FROM domainevententry "
                        + "WHERE aggregateidentifier = :aggregate AND type = :aggregateType AND sequencenumber = 0 "
                        + "AND payloadtype = :payloadType")
                .param("field", field).param("aggregate", aggregateId).param("aggregateType", aggregateType)
                .param("payloadType", payloadType)
                .query(String.class).list();
    }

    /**
     * Whether the audit view holds every project and programme event after {@code from} up to and including
     * {@code to} (of one stream, or of all when {@code stream} is null). The audit view is the one every such event
     * reaches, so it tells how far the views are, gaps included.
     *
     * <p>The events are searched from the newest down, for the first one not yet audited: a reader polling while the
     * views catch up finds one among the first rows it looks at, and only the answer "all audited" reads the whole
     * range (before, each poll read up from {@code from} through every event already audited: 10 ms per poll for an
     * import of 10,000 rows, against the projection's own database time; docs/PERFORMANCE.md).
     */
    public boolean audited(long from, long to, String stream) {
        var statement = stream == null
                ? jdbc.sql(UNAUDITED.formatted(""))
                : jdbc.sql(UNAUDITED.formatted("AND d.aggregateidentifier = :stream ")).param("stream", stream);
        return statement.param("from", from).param("to", to).query(Long.class).optional().isEmpty();
    }

    /**
     * The newest event in the range without its audit entry. An entry is found by its position alone (the table's
     * key: one entry per event). Matching the project too let the planner, whose statistics still said a project just
     * imported into had three events, compare every event of the import with every entry of the project: 10,000 rows
     * made a poll take seconds of PostgreSQL's time, and a read with {@code minPosition} waited that long after the
     * views had caught up (issue 16, figure 3).
     */
    static final String UNAUDITED = "SELECT d.globalindex FROM domainevententry d WHERE d.globalindex > :from "
            + "AND d.globalindex <= :to AND d.type IN ('Project', 'Programme') %s"
            + "AND NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.position = d.globalindex) "
            + "ORDER BY d.globalindex DESC LIMIT 1";

    /** How many events have a payload type matching the LIKE pattern. */
    public long countOfType(String payloadTypeLike) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE :like")
                .param("like", payloadTypeLike).query(Long.class).single();
    }

    /** How many of those events' {@code field} values occur more than once in the same stream. */
    public long repeatedInStream(String payloadTypeLike, String field) {
        return jdbc.sql("SELECT count(*) FROM (SELECT aggregateidentifier, convert_from(payload, 'UTF8')::jsonb ->> :field "
                        + "AS id FROM domainevententry WHERE payloadtype LIKE :like GROUP BY 1, 2 HAVING count(*) > 1) d")
                .param("field", field).param("like", payloadTypeLike).query(Long.class).single();
    }

    /** How many events of streams of this aggregate type are stored. */
    public long countOfAggregateType(String aggregateType) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE type = :aggregateType")
                .param("aggregateType", aggregateType).query(Long.class).single();
    }

    /** A tracking processor segment's stored token, as Axon serialised it (either may be null before the first). */
    public record Token(byte[] token, String tokenType) {
    }

    public List<Token> tokens(String processor) {
        return jdbc.sql("SELECT token, tokentype FROM tokenentry WHERE processorname = :processor")
                .param("processor", processor)
                .query((rs, n) -> new Token(rs.getBytes("token"), rs.getString("tokentype"))).list();
    }

    /** Which node holds a segment of a processor, and since when (Axon's text timestamp). */
    public record Claim(int segment, String owner, String timestamp) {
    }

    /** Every segment's claim, in order of segment. */
    public List<Claim> claims(String processor) {
        return jdbc.sql("SELECT segment, owner, timestamp FROM tokenentry WHERE processorname = :processor "
                        + "ORDER BY segment")
                .param("processor", processor).query(Claim.class).list();
    }

    /** Every segment's claim, its row locked for the caller's transaction. */
    public List<Claim> claimsForUpdate(String processor) {
        return jdbc.sql("SELECT segment, owner, timestamp FROM tokenentry WHERE processorname = :processor "
                        + "ORDER BY segment FOR UPDATE")
                .param("processor", processor).query(Claim.class).list();
    }
}
