package io.seire.command.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.platform.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

class ProjectCacheTest {

    /** The last sequence number "stored" per aggregate, as the event store would answer. */
    private final Map<String, Long> stored = new ConcurrentHashMap<>();
    private final ProjectCache cache = new ProjectCache(100, id -> Optional.ofNullable(stored.get(id)), v -> (Long) v);

    @Test
    void a_cached_project_outlives_garbage_collections_unlike_axons_weak_reference_cache() {
        stored.put("p", 7L);
        cache.put("p", 7L);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        assertThat((Long) cache.get("p")).isEqualTo(7L);
    }

    @Test
    void a_project_written_on_another_node_since_it_was_cached_is_dropped_and_loaded_from_the_store() {
        stored.put("p", 7L);
        cache.put("p", 7L);
        stored.put("p", 8L); // another command node appended an event
        assertThat((Object) cache.get("p")).isNull();
        assertThat(cache.containsKey("p")).isFalse();
        stored.remove("q");
        cache.put("q", 3L); // cached, yet nothing stored (e.g. a rolled-back first write)
        assertThat((Object) cache.get("q")).isNull();
    }

    @Test
    void at_most_the_configured_number_of_projects_are_kept() {
        ProjectCache small = new ProjectCache(10, id -> Optional.of(1L), v -> (Long) v);
        for (int i = 0; i < 1_000; i++) {
            small.put("p" + i, 1L);
        }
        long kept = java.util.stream.IntStream.range(0, 1_000).filter(i -> small.containsKey("p" + i)).count();
        assertThat(kept).isLessThanOrEqualTo(20); // Caffeine's bound is approximate until its maintenance runs
    }

    @Test
    void listeners_hear_of_creation_update_reading_and_removal() {
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRead(Object key, Object value) {
                heard.add("read " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });
        stored.put("p", 1L);
        cache.put("p", 1L);
        cache.put("p", 1L);
        cache.get("p");
        cache.remove("p");
        assertThat(heard).containsExactly("created p", "updated p", "read p", "removed p");
    }

    /**
     * A write through the executor is given cached projects without a probe of the store each (issue 16, figure 1: a
     * round trip per write); their versions are checked when the write ends. A project whose next event the write
     * appended was current: the event table's unique key let that append through. Any other is asked of the store,
     * and dropped when another node has written it since.
     */
    @Test
    void a_write_is_given_cached_projects_unchecked_and_only_those_it_appended_nothing_to_are_asked_of_the_store() {
        javax.sql.DataSource db = TestDatabase.migrated();
        org.axonframework.spring.messaging.unitofwork.SpringTransactionManager transactions =
                new org.axonframework.spring.messaging.unitofwork.SpringTransactionManager(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(db));
        org.axonframework.serialization.json.JacksonSerializer serializer =
                org.axonframework.serialization.json.JacksonSerializer.builder()
                        .objectMapper(io.seire.platform.eventstore.StoredJson.mapper()).build();
        org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine engine =
                org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine.builder()
                        .snapshotSerializer(serializer).eventSerializer(serializer)
                        .connectionProvider(new org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider(db))
                        .transactionManager(transactions)
                        .appendEvents(io.seire.platform.eventstore.EventAppendOrder::appendInCommitOrder).build();
        String written = "cache-test/" + java.util.UUID.randomUUID();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        ProjectCache counting = new ProjectCache(100, id -> {
            asked.incrementAndGet();
            return Optional.ofNullable(stored.get(id));
        }, v -> (Long) v);
        stored.put(written, 4L);
        stored.put("read-only", 7L);
        stored.put("behind", 2L);
        counting.put(written, 4L);
        counting.put("read-only", 7L);
        counting.put("behind", 2L);
        stored.put("behind", 3L); // another node wrote to it since

        org.axonframework.messaging.unitofwork.UnitOfWork<?> unit =
                org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        try {
            unit.attachTransaction(transactions);
            Map<String, Long> unchecked = counting.checkAtTheEnd(unit);
            assertThat((Long) counting.get(written)).isEqualTo(4L);
            assertThat((Long) counting.get("read-only")).isEqualTo(7L);
            assertThat((Long) counting.get("behind")).as("given out, to be checked at the end").isEqualTo(2L);
            assertThat(asked.get()).as("asked of the store while the write ran").isZero();
            assertThat(unchecked).containsEntry(written, 4L).containsEntry("read-only", 7L).containsEntry("behind", 2L);

            engine.appendEvents(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Test", written, 5L,
                    "the project's next event"));
            assertThat(counting.stale(unchecked)).containsExactly("behind");
            assertThat(asked.get()).as("the two it appended nothing to").isEqualTo(2);
            assertThat(counting.containsKey("behind")).isFalse();
            assertThat(counting.containsKey("read-only")).isTrue();
        } finally {
            unit.rollback();
        }

        // outside such a write, a cached project is checked as it is given out, as before
        asked.set(0);
        assertThat((Long) counting.get("read-only")).isEqualTo(7L);
        assertThat(asked.get()).isEqualTo(1);
    }

    /** The aggregate of the test below: no more than Axon needs to cache one. */
    static class Thing {
        @AggregateIdentifier
        String id = "t";
    }

    @Test
    void the_version_is_read_from_axons_own_cache_entry() {
        EventSourcedAggregate<Thing> aggregate = EventSourcedAggregate.reconstruct(new Thing(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Thing.class), 41L, false,
                SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
        assertThat(ProjectCache.versionOf(new AggregateCacheEntry<>(aggregate))).isEqualTo(41L);
        assertThat(ProjectCache.versionOf("not an entry")).isNull();

        ProjectCache real = new ProjectCache(10, id -> Optional.of(41L));
        real.put("t", new AggregateCacheEntry<>(aggregate));
        assertThat((Object) real.get("t")).isNotNull();
        ProjectCache behind = new ProjectCache(10, id -> Optional.of(42L));
        behind.put("t", new AggregateCacheEntry<>(aggregate));
        assertThat((Object) behind.get("t")).isNull();
    }
}
