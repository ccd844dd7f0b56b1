package io.seire.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.platform.testing.TestDatabase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit hash chain: each link covers the previous link and every column of the stored row, so a changed, removed
 * or reordered row breaks every link after it.
 */
class EventChainTest {

    private static EventChain.StoredEvent event(long position, long sequence, String payload) {
        return new EventChain.StoredEvent(position, "id-" + position, "P-1", sequence, "Project",
                "2024-03-04T10:15:30.123Z", "io.seire.kernel.finance.ExpenditureRecorded", "2",
                payload.getBytes(StandardCharsets.UTF_8), "{\"actor\":\"mari\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_link_is_sha256_of_the_previous_link_position_sequence_and_each_column_length_prefixed() throws Exception {
        EventChain.StoredEvent e = event(41, 3, "{\"amount\":\"12.34\"}");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(new byte[32]); // the genesis link, 64 zeros in hex
        sha.update(ByteBuffer.allocate(16).putLong(41).putLong(3).array());
        for (byte[] field : List.of(e.eventId().getBytes(StandardCharsets.UTF_8), "P-1".getBytes(StandardCharsets.UTF_8),
                "Project".getBytes(StandardCharsets.UTF_8), e.timestamp().getBytes(StandardCharsets.UTF_8),
                e.payloadType().getBytes(StandardCharsets.UTF_8), "2".getBytes(StandardCharsets.UTF_8), e.payload(),
                e.metaData())) {
            sha.update(ByteBuffer.allocate(4).putInt(field.length).array());
            sha.update(field);
        }

        assertThat(EventChain.link(EventChain.GENESIS, e)).isEqualTo(HexFormat.of().formatHex(sha.digest()));
    }

    @Test
    void changing_any_column_of_a_stored_event_changes_its_link() {
        EventChain.StoredEvent e = event(41, 3, "{\"amount\":\"12.34\"}");
        byte[] b = "x".getBytes(StandardCharsets.UTF_8);
        List<EventChain.StoredEvent> changed = List.of(
                new EventChain.StoredEvent(42, e.eventId(), e.aggregateId(), e.sequence(), e.aggregateType(),
                        e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()),
                new EventChain.StoredEvent(41, "other", e.aggregateId(), e.sequence(), e.aggregateType(),
                        e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()),
                new EventChain.StoredEvent(41, e.eventId(), "P-2", e.sequence(), e.aggregateType(),
                        e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()),
                new EventChain.StoredEvent(41, e.eventId(), e.aggregateId(), 4, e.aggregateType(),
                        e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()),
                new EventChain.StoredEvent(41, e.eventId(), e.aggregateId(), e.sequence(), "Programme",
                        e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()),
                new EventChain.StoredEvent(41, e.eventId(), e.aggregateId(), e.sequence(), e.aggregateType(),
                        "2024-03-04T10:15:30.124Z", e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()),
                new EventChain.StoredEvent(41, e.eventId(), e.aggregateId(), e.sequence(), e.aggregateType(),
                        e.timestamp(), "Other", e.payloadRevision(), e.payload(), e.metaData()),
                new EventChain.StoredEvent(41, e.eventId(), e.aggregateId(), e.sequence(), e.aggregateType(),
                        e.timestamp(), e.payloadType(), null, e.payload(), e.metaData()),
                new EventChain.StoredEvent(41, e.eventId(), e.aggregateId(), e.sequence(), e.aggregateType(),
                        e.timestamp(), e.payloadType(), "", e.payload(), e.metaData()),
                event(41, 3, "{\"amount\":\"12.35\"}"),
                new EventChain.StoredEvent(41, e.eventId(), e.aggregateId(), e.sequence(), e.aggregateType(),
                        e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), b));
        Set<String> links = new HashSet<>();
        links.add(EventChain.link(EventChain.GENESIS, e));
        for (EventChain.StoredEvent c : changed) {
            links.add(EventChain.link(EventChain.GENESIS, c));
        }
        assertThat(links).hasSize(changed.size() + 1); // null and empty differ too
    }

    @Test
    void the_head_is_read_from_the_stored_rows_of_one_project_in_order_of_position_up_to_a_sequence() {
        DataSource db = TestDatabase.fresh("event_chain_" + ProcessHandle.current().pid());
        Flyway.configure().dataSource(db).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        insert(jdbc, 10, "P-1", 0, "a");
        insert(jdbc, 11, "P-2", 0, "other project");
        insert(jdbc, 12, "P-1", 1, "b");
        insert(jdbc, 13, "P-1", 2, "c");
        List<EventChain.StoredEvent> rows = new java.util.ArrayList<>();
        EventChain.forEach(jdbc, "P-1", 1, rows::add);

        assertThat(rows).extracting(EventChain.StoredEvent::position).containsExactly(10L, 12L);
        String expected = EventChain.link(EventChain.link(EventChain.GENESIS, rows.get(0)), rows.get(1));
        assertThat(EventChain.head(jdbc, "P-1", 1)).isEqualTo(expected);
        assertThat(EventChain.head(jdbc, "P-1", 2)).isNotEqualTo(expected);
        assertThat(EventChain.head(jdbc, "P-9", 5)).isEqualTo(EventChain.GENESIS);

        // a row changed in place breaks the head
        jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalindex = 10",
                "A".getBytes(StandardCharsets.UTF_8));
        assertThat(EventChain.head(jdbc, "P-1", 1)).isNotEqualTo(expected);
    }

    private static void insert(JdbcTemplate jdbc, long position, String stream, long sequence, String payload) {
        jdbc.update("INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, "
                        + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?)", position, stream, sequence, "Project", "e" + position,
                "{}".getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8), null, "T",
                "2024-01-01T00:00:00.000Z");
    }
}
