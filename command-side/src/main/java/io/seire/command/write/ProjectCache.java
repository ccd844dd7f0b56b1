package io.seire.command.write;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.seire.platform.eventstore.EventAppendOrder;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Axon's aggregate cache over Caffeine: the most recently used aggregates, held by soft references, so that the JVM
 * takes them back only when it needs the memory. Axon's {@code WeakReferenceCache} lost every entry at each garbage
 * collection, which under a steady write load (a young collection every second or so) meant reloading the project's
 * history for most writes (ADR 0039).
 *
 * <p>Another command node may have written to the same project since it was cached here. A stale project would
 * not only lose the race at the append (which {@link WriteExecutor} retries); it could also refuse a command by a
 * state that is no longer true (a budget line added on the other node "does not exist"). So a cached project is
 * used only while its version is the last sequence number stored for it (one probe of the event table's unique
 * index, instead of replaying the history since the last snapshot); otherwise it is dropped and loaded from the store.
 * A write through {@link WriteExecutor} has that checked when it ends ({@link #checkAtTheEnd}), and a write that
 * appends the project's next event needs no probe at all.
 */
public final class ProjectCache implements Cache {

    /** At most this many projects are kept. */
    public static final int MAX_PROJECTS = 10_000;

    /** Axon's cache entry keeps the aggregate's version private; null when this Axon has no such field. */
    private static final Field ENTRY_VERSION = entryVersionField();

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final Function<String, Optional<Long>> storedVersion;
    private final Function<Object, Long> cachedVersion;

    /**
     * @param storedVersion the last sequence number stored for an aggregate (the event store's), empty for none
     */
    public ProjectCache(int maximumSize, Function<String, Optional<Long>> storedVersion) {
        this(maximumSize, storedVersion, ProjectCache::versionOf);
    }

    ProjectCache(int maximumSize, Function<String, Optional<Long>> storedVersion, Function<Object, Long> cachedVersion) {
        this.storedVersion = storedVersion;
        this.cachedVersion = cachedVersion;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .softValues()
                .executor(Runnable::run)
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (key != null && cause.wasEvicted()) {
                        listeners.forEach(l -> l.onEntryExpired(key));
                    }
                })
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value == null) {
            return null;
        }
        Map<String, Long> unchecked = uncheckedOfThisWrite();
        Long version = cachedVersion.apply(value);
        if (unchecked != null && version != null) {
            unchecked.putIfAbsent(String.valueOf(key), version); // checked when the write ends (see stale)
        } else if (!isCurrent(key, version)) {
            remove(key); // written elsewhere since: the repository loads it from the store
            return null;
        }
        listeners.forEach(l -> l.onEntryRead(key, value));
        return (V) value;
    }

    /** The unit of work's resource holding what {@link #checkAtTheEnd} collects. */
    private static final String UNCHECKED = ProjectCache.class.getName() + ".unchecked";

    /**
     * In {@code unit}, projects are given out of the cache without asking the store for their version; each one's
     * version is collected in the map returned, for {@link #stale} to check when the write ends. A write that appends
     * a project's next event needs no check at all: the event table's unique (aggregate, sequence) key refuses the
     * append if another node wrote that sequence first. Only a write that ends otherwise (appending nothing to the
     * project, or refused by a rule) asks the store.
     */
    public Map<String, Long> checkAtTheEnd(UnitOfWork<?> unit) {
        Map<String, Long> unchecked = new HashMap<>();
        unit.resources().put(UNCHECKED, unchecked);
        return unchecked;
    }

    private static Map<String, Long> uncheckedOfThisWrite() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(UNCHECKED) : null;
    }

    /**
     * The projects given out unchecked (see {@link #checkAtTheEnd}) that were not current: written elsewhere since they
     * were cached. A project whose next event this unit of work appended was current (the unique key let the append
     * through); any other is checked against the store. The stale ones are dropped from the cache.
     */
    public List<String> stale(Map<String, Long> unchecked) {
        List<String> stale = new ArrayList<>();
        unchecked.forEach((id, version) -> {
            if (EventAppendOrder.appendedPosition(id, version + 1).isEmpty()
                    && !Objects.equals(storedVersion.apply(id).orElse(null), version)) {
                stale.add(id);
            }
        });
        stale.forEach(this::remove);
        return stale;
    }

    private boolean isCurrent(Object key, Long cached) {
        return cached != null && Objects.equals(storedVersion.apply(String.valueOf(key)).orElse(null), cached);
    }

    /** The version of the aggregate in Axon's cache entry, or null when it cannot be told (never trusted then). */
    static Long versionOf(Object value) {
        if (ENTRY_VERSION == null || !(value instanceof AggregateCacheEntry<?>)) {
            return null;
        }
        try {
            return (Long) ENTRY_VERSION.get(value);
        } catch (IllegalAccessException | ClassCastException e) {
            return null;
        }
    }

    private static Field entryVersionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        Object previous = entries.asMap().put(key, value);
        listeners.forEach(l -> {
            if (previous == null) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.asMap().putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> {
            T value = valueSupplier.get();
            listeners.forEach(l -> l.onEntryCreated(k, value));
            return value;
        });
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.asMap().remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.asMap().keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.getIfPresent(key) != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, value) -> {
            V updated = update.apply((V) value);
            listeners.forEach(l -> {
                if (updated == null) {
                    l.onEntryRemoved(k);
                } else {
                    l.onEntryUpdated(k, updated);
                }
            });
            return updated;
        });
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
