package io.seire.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ADR 0055: a write of many events (an import) is stored with one {@code COPY}: the rows are the rows Axon's insert
 * stores, in the same order, and a write that meets another writer's events fails as a concurrency conflict and leaves
 * nothing behind.
 */
class EventAppendCopyTest {

    private static final AtomicInteger databases = new AtomicInteger();
    private static final String[] TEXTS = {"Tõõtasu ja sõidukulud (ä ö ü š ž)", "Lietuvių ą ė į ų ū", "Кириллица",
            "emoji 🇪🇪 👩‍💼", "tab\there", "new\nline \r\n", "back\\slash \\N \\x00", "quote \" ' , {}", ""};

    @Test
    void a_large_write_is_stored_by_copy_as_the_same_rows_axons_insert_stores() {
        DataSource db = freshDatabase();
        JdbcEventStorageEngine copying = seire(db);
        JdbcEventStorageEngine inserting = StoreFixtures.builder(db).build();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));

        tx.executeWithoutResult(s -> copying.appendEvents(events("copied", 40)));
        tx.executeWithoutResult(s -> inserting.appendEvents(events("inserted", 40)));

        JdbcTemplate jdbc = new JdbcTemplate(db);
        List<Map<String, Object>> copied = rows(jdbc, "copied");
        List<Map<String, Object>> inserted = rows(jdbc, "inserted");
        assertThat(copied).hasSize(40);
        for (int i = 0; i < 40; i++) {
            Map<String, Object> c = copied.get(i);
            Map<String, Object> n = inserted.get(i);
            assertThat(c.get("sequencenumber")).isEqualTo((long) i);
            for (String column : List.of("type", "timestamp", "payloadtype", "payloadrevision")) {
                assertThat(c.get(column)).as(column + " of event " + i).isEqualTo(n.get(column));
            }
            assertThat((byte[]) c.get("payload")).as("payload of event " + i).isEqualTo((byte[]) n.get("payload"));
            assertThat((byte[]) c.get("metadata")).as("metadata of event " + i).isEqualTo((byte[]) n.get("metadata"));
        }
        // and they read back as the events written, in the order written
        List<Object> payloads = new ArrayList<>();
        copying.readEvents("copied").asStream().forEach(e -> payloads.add(e.getPayload()));
        assertThat(payloads).isEqualTo(events("copied", 40).stream().map(e -> (Object) e.getPayload()).toList());
        assertThat(jdbc.queryForList("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = 'copied' "
                + "ORDER BY sequencenumber", Long.class)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void only_a_write_of_sixteen_events_or_more_is_copied() throws Exception {
        DataSource db = freshDatabase();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        try (Connection c = db.getConnection()) {
            PreparedStatement few = EventAppendOrder.appendInCommitOrder(c, new EventSchema(), byte[].class,
                    events("few", EventAppendOrder.COPY_FROM_EVENTS - 1), serializer, (s, i, t) -> s.setString(i, t.toString()));
            PreparedStatement many = EventAppendOrder.appendInCommitOrder(c, new EventSchema(), byte[].class,
                    events("many", EventAppendOrder.COPY_FROM_EVENTS), serializer, (s, i, t) -> s.setString(i, t.toString()));
            assertThat(few.toString()).startsWith("INSERT");
            assertThat(many.toString()).startsWith("COPY");
            few.close();
            many.close();
            assertThat(many.isClosed()).isTrue();
        }
    }

    @Test
    void a_large_write_that_meets_another_writers_event_fails_as_a_conflict_and_stores_none_of_its_events() {
        DataSource db = freshDatabase();
        JdbcEventStorageEngine engine = seire(db);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        tx.executeWithoutResult(s -> engine.appendEvents(events("taken", 1)));
        tx.executeWithoutResult(s -> engine.appendEvents(numbered("taken", 5, 26, "first")));

        // another writer appended events 5 to 30 first: this write of 1 to 29 meets them
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> engine.appendEvents(numbered("taken", 1, 29, "late"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(new JdbcTemplate(db).queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = 'taken'", Long.class))
                .isEqualTo(1 + 26);
    }

    /** {@code count} events of one aggregate from sequence number {@code from}, each with an identifier of its own. */
    private static List<GenericDomainEventMessage<String>> numbered(String aggregate, int from, int count, String text) {
        List<GenericDomainEventMessage<String>> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(new GenericDomainEventMessage<>("Test", aggregate, i, text + " " + i));
        }
        return events;
    }

    /** Events whose payloads and metadata carry letters, escapes and emoji COPY's text format must keep. */
    private static List<GenericDomainEventMessage<String>> events(String aggregate, int count) {
        List<GenericDomainEventMessage<String>> events = new ArrayList<>();
        Instant at = Instant.parse("2026-12-01T10:15:30.123456789Z");
        for (int i = 0; i < count; i++) {
            String text = TEXTS[i % TEXTS.length] + " #" + i;
            events.add(new GenericDomainEventMessage<>("Project", aggregate, i, text,
                    MetaData.with("actor", "kasutaja-" + TEXTS[(i + 1) % TEXTS.length]), "id-" + aggregate + "-" + i,
                    at.plusMillis(i)));
        }
        return events;
    }

    private static List<Map<String, Object>> rows(JdbcTemplate jdbc, String aggregate) {
        return jdbc.queryForList("SELECT * FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                aggregate);
    }

    private static JdbcEventStorageEngine seire(DataSource db) {
        // as Seire configures it (EventStoreConfiguration): PostgreSQL's duplicate key is a concurrency conflict
        return new EventStorage(StoreFixtures.builder(db).persistenceExceptionResolver(new DuplicateKeyResolver())
                .appendEvents(EventAppendOrder::appendInCommitOrder), 60_000, 10_000);
    }

    private static DataSource freshDatabase() {
        DataSource ds = TestDatabase.fresh("append_copy_" + databases.incrementAndGet() + "_" + ProcessHandle.current().pid());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }
}
