package io.seire.command.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.kernel.Recorded;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.Role;
import io.seire.platform.eventstore.DuplicateKeyResolver;
import io.seire.platform.eventstore.EventAppendOrder;
import io.seire.platform.eventstore.StoredJson;
import io.seire.platform.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * One write, one transaction, on the real event table and idempotency table: Axon's command bus and JDBC event store
 * as in production, with a command handler that appends to a stream of its own.
 */
class WriteExecutorTest {

    /** Appends one event to {@code stream}; {@code staleFirst}: the first attempt works from an outdated copy. */
    record Append(String stream, String id, boolean breaksRule, boolean staleFirst) {
    }

    private final DataSource db = TestDatabase.migrated();
    private final JdbcTemplate jdbc = new JdbcTemplate(db);
    private final SpringTransactionManager transactions =
            new SpringTransactionManager(new DataSourceTransactionManager(db));
    private final EmbeddedEventStore events;
    private final WriteExecutor executor;
    private final AtomicInteger handled = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<org.axonframework.messaging.MetaData> sent =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final String stream = "write-test/" + UUID.randomUUID();
    private final Actor clerk = new Actor("mari", Set.of(Role.FINANCE), Set.of(), Set.of());

    WriteExecutorTest() {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(StoredJson.mapper()).build();
        events = EmbeddedEventStore.builder().storageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer).eventSerializer(serializer)
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .connectionProvider(new SpringDataSourceConnectionProvider(db))
                .transactionManager(transactions)
                .appendEvents(EventAppendOrder::appendInCommitOrder)
                .build()).build();
        SimpleCommandBus bus = SimpleCommandBus.builder().transactionManager(transactions).build();
        bus.subscribe(Append.class.getName(), this::handle);
        executor = new WriteExecutor(DefaultCommandGateway.builder().commandBus(bus).build(), transactions,
                new IdempotencyRecords(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc)), new Positions(jdbc), new ObjectMapper());
    }

    @AfterEach
    void stop() {
        events.shutDown();
    }

    private Object handle(CommandMessage<?> message) {
        Append c = (Append) message.getPayload();
        int attempt = handled.incrementAndGet();
        sent.set(message.getMetaData());
        Long last = jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, c.stream());
        long sequence = c.staleFirst() && attempt == 1 ? 0 : (last == null ? 0 : last + 1);
        events.publish(new GenericDomainEventMessage<>("Test", c.stream(), sequence, "appended " + c.id()));
        if (c.breaksRule()) {
            throw RuleViolation.unprocessable("test-rule", null, "broken after an event was applied");
        }
        return new Recorded(c.id(), sequence);
    }

    private Write write(String key, String body) {
        return new Write(clerk, stream, "/api/v1/test/" + stream, key, "corr-1",
                body.getBytes(StandardCharsets.UTF_8), "API", 201);
    }

    private int stored() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Integer.class, stream);
    }

    private JsonNode body(ResponseEntity<?> answer) throws Exception {
        return new ObjectMapper().readTree((String) answer.getBody());
    }

    @Test
    void a_write_commits_its_event_and_answers_the_global_position_of_that_event() throws Exception {
        ResponseEntity<Written> answer = executor.record(write(null, "{}"), new Append(stream, "E1", false, false));

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        long position = jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, stream);
        assertThat(body(answer).path("id").asText()).isEqualTo("E1");
        assertThat(body(answer).path("position").asLong()).isEqualTo(position);
        // the command names who sent it, for the access check and the audit trail
        assertThat(sent.get()).containsEntry("actor", "mari").containsEntry("roles", clerk.rolesText())
                .containsEntry("correlationId", "corr-1").containsEntry("source", "API")
                .containsEntry(WriteExecutor.ACCESS, clerk).doesNotContainKey("idempotencyKey");
    }

    @Test
    void a_repeated_idempotency_key_replays_the_first_answer_byte_for_byte_and_records_nothing_more() throws Exception {
        String key = UUID.randomUUID().toString();
        ResponseEntity<?> first = executor.record(write(key, "{\"a\":1}"), new Append(stream, "E1", false, false));
        ResponseEntity<?> again = executor.record(write(key, "{\"a\":1}"), new Append(stream, "E1", false, false));

        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat((Object) again.getBody()).isEqualTo(first.getBody());
        assertThat(sent.get()).containsEntry("idempotencyKey", key);
        assertThat(handled).hasValue(1);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void an_idempotency_key_reused_for_a_different_request_is_refused_and_records_nothing() {
        String key = UUID.randomUUID().toString();
        executor.record(write(key, "{\"a\":1}"), new Append(stream, "E1", false, false));

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () ->
                executor.record(write(key, "{\"a\":2}"), new Append(stream, "E2", false, false)));
        assertThat(refused.rule()).isEqualTo("idempotency-key-reused");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void a_broken_rule_rolls_back_the_events_and_the_key_so_the_key_can_be_used_again() {
        String key = UUID.randomUUID().toString();
        RuleViolation broken = catchThrowableOfType(RuleViolation.class, () ->
                executor.record(write(key, "{\"a\":1}"), new Append(stream, "E1", true, false)));

        assertThat(broken.rule()).isEqualTo("test-rule");
        assertThat(stored()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE key = ?", Integer.class, key))
                .isZero();
        executor.record(write(key, "{\"a\":1}"), new Append(stream, "E1", false, false));
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void a_write_that_lost_the_race_for_its_streams_next_sequence_is_retried_on_fresh_state() throws Exception {
        executor.record(write(null, "{}"), new Append(stream, "E0", false, false)); // another writer's event, sequence 0
        handled.set(0);

        ResponseEntity<Written> answer = executor.record(write(null, "{}"), new Append(stream, "E1", false, true));

        assertThat(handled).hasValue(2);
        assertThat(stored()).isEqualTo(2);
        assertThat(body(answer).path("position").asLong()).isEqualTo(jdbc.queryForObject(
                "SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 1",
                Long.class, stream));
    }
}
