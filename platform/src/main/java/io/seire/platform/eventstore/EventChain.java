package io.seire.platform.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tamper-evident hash chain over a project's stored events, in order of global position: each link is the
 * SHA-256 of the previous link and the event's canonical bytes (every column of its row, length-prefixed, the
 * global position included, so changed, removed and reordered rows all break the chain).
 */
public final class EventChain {

    /** One stored event row, exactly as in {@code domainevententry}. */
    public record StoredEvent(long position, String eventId, String aggregateId, long sequence, String aggregateType,
                              String timestamp, String payloadType, String payloadRevision, byte[] payload,
                              byte[] metaData) {
    }

    /** The link before a project's first event. */
    public static final String GENESIS = "0".repeat(64);

    public static final String COLUMNS = "globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, "
            + "timestamp, payloadtype, payloadrevision, payload, metadata";

    private EventChain() {
    }

    public static String link(String previous, StoredEvent e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HexFormat.of().parseHex(previous));
            sha.update(ByteBuffer.allocate(16).putLong(e.position()).putLong(e.sequence()).array());
            for (String text : new String[] {e.eventId(), e.aggregateId(), e.aggregateType(), e.timestamp(),
                    e.payloadType(), e.payloadRevision()}) {
                field(sha, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
            }
            field(sha, e.payload());
            field(sha, e.metaData());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void field(MessageDigest sha, byte[] bytes) {
        if (bytes == null) {
            sha.update(ByteBuffer.allocate(4).putInt(-1).array());
        } else {
            sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha.update(bytes);
        }
    }

    public static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10));
    }

    /** Streams a project's stored events in order of position, up to and including {@code maxSequence}. */
    public static void forEach(JdbcTemplate jdbc, String projectId, long maxSequence, Consumer<StoredEvent> action) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier = ? "
                    + "AND sequencenumber <= ? ORDER BY globalindex");
            ps.setString(1, projectId);
            ps.setLong(2, maxSequence);
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            action.accept(read(rs));
        });
    }

    /** The chain's head after the project's events up to {@code maxSequence}. */
    public static String head(JdbcTemplate jdbc, String projectId, long maxSequence) {
        String[] head = {GENESIS};
        forEach(jdbc, projectId, maxSequence, e -> head[0] = link(head[0], e));
        return head[0];
    }
}
