package io.seire.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.setup.SubActivityAdded;
import io.seire.query.ProjectionHarness;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** An event's position is where it is stored, whatever index its tracking token carries. */
class StoredEventsTest {

    private final StoredEvents stored = new StoredEvents(new ProjectionWriter(ProjectionHarness.jdbc(), ProjectionHarness.client()));

    @Test
    void an_event_delivered_with_its_own_index_is_at_that_index() {
        long[] positions = storeTwo();
        assertThat(stored.position(delivered(positions[1], positions[1]))).isEqualTo(positions[1]);
        assertThat(inTransaction(() -> stored.position(delivered(positions[1], positions[1])))).isEqualTo(positions[1]);
    }

    @Test
    void an_event_that_filled_a_gap_is_at_its_own_position_not_the_tokens_index() {
        long[] positions = storeTwo();
        // committed late: delivered with the index of the later event already read
        assertThat(stored.position(delivered(positions[0], positions[1]))).isEqualTo(positions[0]);
        long inBatch = inTransaction(() -> {
            stored.position(delivered(positions[1], positions[1])); // the later event first, as delivered
            long filler = stored.position(delivered(positions[0], positions[1]));
            assertThat(stored.row(filler).position()).isEqualTo(positions[0]);
            return filler;
        });
        assertThat(inBatch).isEqualTo(positions[0]);
    }

    /** Two stored events; answers their positions. */
    private long[] storeTwo() {
        ProjectionHarness harness = new ProjectionHarness();
        String project = "pos-" + UUID.randomUUID();
        harness.feed(new io.seire.kernel.setup.ProjectRegistered(project, "Asukoht", "P", "B", "EUR",
                java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2025, 12, 31), java.math.BigDecimal.TEN,
                java.util.List.of()));
        return new long[] {harness.feed(new SubActivityAdded(project, "1", "Esimene")),
                harness.feed(new SubActivityAdded(project, "2", "Teine"))};
    }

    /** The event stored at {@code position}, delivered with a token whose index is {@code tokenIndex}. */
    private TrackedEventMessage<?> delivered(long position, long tokenIndex) {
        Map<String, Object> row = ProjectionHarness.jdbc().queryForMap(
                "SELECT eventidentifier, aggregateidentifier, sequencenumber FROM domainevententry WHERE globalindex = ?",
                position);
        GenericDomainEventMessage<String> message = new GenericDomainEventMessage<>("Project",
                (String) row.get("aggregateidentifier"), (Long) row.get("sequencenumber"), "payload",
                MetaData.emptyInstance(), (String) row.get("eventidentifier"), java.time.Instant.now());
        return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(tokenIndex,
                java.util.List.of()), message);
    }

    private static long inTransaction(java.util.function.Supplier<Long> work) {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(
                ProjectionHarness.jdbc().getDataSource()));
        return tx.execute(status -> work.get());
    }
}
