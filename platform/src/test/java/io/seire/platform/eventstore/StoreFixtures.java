package io.seire.platform.eventstore;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** What the event store's tests build the same way: a JDBC engine's builder over a test database, and events. */
final class StoreFixtures {

    private StoreFixtures() {
    }

    /** Axon's JDBC engine over {@code db}, with Axon's own append statement: add Seire's where a test wants it. */
    static JdbcEventStorageEngine.Builder builder(DataSource db) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(new SpringDataSourceConnectionProvider(db))
                .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(db)))
                .batchSize(1000);
    }

    /** {@code count} events of one aggregate, sequence numbers from {@code from}. */
    static List<GenericDomainEventMessage<String>> events(String aggregate, int from, int count) {
        List<GenericDomainEventMessage<String>> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(new GenericDomainEventMessage<>("Test", aggregate, i, "event " + i));
        }
        return events;
    }
}
