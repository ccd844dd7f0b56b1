package io.seire.platform.eventstore;

import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Axon on PostgreSQL without Axon Server: the JDBC storage engine on the Flyway-created tables, Jackson for every
 * kind of stored message, a resolver that knows PostgreSQL's duplicate-key state, and appends whose global index
 * order is their commit order (ADR 0019), so no committed event is ever skipped by a processor.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    @Bean
    public RevisionResolver revisionResolver() {
        return new EventVersionResolver();
    }

    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return new StoredTypes(StoredJson.mapper(), revisionResolver);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    public org.axonframework.config.ConfigurerModule projectionErrorsPropagate() {
        return ProjectionErrors.propagate();
    }

    /** Hires recorded with the name in the clear read as hires with a sealed name (ADR 0035). */
    @Bean
    public ClearNameUpcaster clearNameUpcaster() {
        return new ClearNameUpcaster();
    }

    /** Expenditures, indicator values and progress reports with free text in the clear read as sealed (ADR 0037). */
    @Bean
    public ClearTextUpcaster clearExpenditureUpcaster() {
        return ClearTextUpcaster.all().get(0);
    }

    @Bean
    public ClearTextUpcaster clearExpenditureCorrectionUpcaster() {
        return ClearTextUpcaster.all().get(1);
    }

    @Bean
    public ClearTextUpcaster clearIndicatorValueUpcaster() {
        return ClearTextUpcaster.all().get(2);
    }

    @Bean
    public ClearTextUpcaster clearProgressUpcaster() {
        return ClearTextUpcaster.all().get(3);
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 @Value("${seire.event-store.batch-size:1000}") int batchSize,
                                                 @Value("${seire.event-store.gap-timeout-ms:60000}") int gapTimeout,
                                                 @Value("${seire.event-store.max-gap-offset:10000}") int maxGapOffset) {
        return new EventStorage(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(EventStorage.readsOutsideTransactions(transactionManager))
                .batchSize(batchSize)
                .appendEvents(EventAppendOrder::appendInCommitOrder), gapTimeout, maxGapOffset);
    }

    /** The name this node's processors claim segments under (see {@link TokenOwner}). */
    @Bean
    public TokenOwner tokenOwner() {
        return TokenOwner.next();
    }

    /**
     * Axon's JDBC token store, as its auto-configuration makes it, but with the owner named by {@link TokenOwner}: one
     * name per node, so two Spring contexts in one process never claim the same segment.
     */
    @Bean
    public org.axonframework.eventhandling.tokenstore.TokenStore tokenStore(
            ConnectionProvider connectionProvider, Serializer serializer, TokenOwner owner,
            @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") java.time.Duration claimTimeout) {
        return org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema())
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(owner.name())
                .build();
    }

    /**
     * Tailing processors in this process are woken when this process commits; processes that only read (and
     * writes from other nodes) are seen by polling every {@code fetch-delay-ms}.
     *
     * <p>The store's reader fetches ahead of its slowest tailing stream as fast as the database answers, and every
     * event from that stream's position on stays in memory until the stream notices it has fallen behind the store's
     * cache (10,000 events) or the store's cleaner notices for it. Axon's cleaner looks every 10 s: behind a projection
     * catching up, that held a third of a million events and ran a 512 MB node out of heap (docs/CAPACITY.md). It
     * looks every {@code cleanup-delay-ms} instead, so what a slow stream holds is bounded by a fraction of a second of
     * reading.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         @Value("${seire.event-store.fetch-delay-ms:100}") long fetchDelay,
                                         @Value("${seire.event-store.cleanup-delay-ms:" + CLEANUP_DELAY_MS + "}")
                                         long cleanupDelay) {
        return embeddedStore(storageEngine, configuration.messageMonitor(
                org.axonframework.eventsourcing.eventstore.EventStore.class, "eventStore"), fetchDelay, cleanupDelay);
    }

    /** How often the event store looks for streams fallen behind what it holds (Axon's default: 10 s). */
    static final long CLEANUP_DELAY_MS = 100;

    static EmbeddedEventStore embeddedStore(EventStorageEngine storageEngine,
                                            org.axonframework.monitoring.MessageMonitor<? super
                                                    org.axonframework.eventhandling.EventMessage<?>> monitor,
                                            long fetchDelayMillis, long cleanupDelayMillis) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(monitor)
                .fetchDelay(fetchDelayMillis)
                .cleanupDelay(cleanupDelayMillis)
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }
}
