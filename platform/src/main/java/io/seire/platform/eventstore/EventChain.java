package io.seire.platform.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tamper-evident hash chain over a project's stored events, in order of global position: each link is the
 * SHA-256 of the previous link and the event's canonical bytes (every column of its row, length-prefixed, the
 * global position included, so changed, removed and reordered rows all break the chain).
 */
public final class EventChain {

    /** One stored event row, exactly as in Axon's event table ({@link EventTable}). */
    public record StoredEvent(long position, String eventId, String aggregateId, long sequence, String aggregateType,
                              String timestamp, String payloadType, String payloadRevision, byte[] payload,
                              byte[] metaData) {
    }

    /** The link before a project's first event. */
    public static final String GENESIS = "0".repeat(64);

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

    /** Streams a project's stored events in order of position, up to and including {@code maxSequence}. */
    public static void forEach(JdbcTemplate jdbc, String projectId, long maxSequence, Consumer<StoredEvent> action) {
        new EventTable(jdbc).forEach(projectId, maxSequence, action);
    }

    /** The chain's head after the project's events up to {@code maxSequence}. */
    public static String head(JdbcTemplate jdbc, String projectId, long maxSequence) {
        String[] head = {GENESIS};
        forEach(jdbc, projectId, maxSequence, e -> head[0] = link(head[0], e));
        return head[0];
    }
}
