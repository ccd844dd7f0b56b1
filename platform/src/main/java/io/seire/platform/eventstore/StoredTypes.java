package io.seire.platform.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, remembering what it looks up for every stored event. Axon's asks Jackson to find the
 * class of a stored type name with {@code Class.forName} (through the application's class loader) and builds a new
 * reader each time it reads a payload or metadata: a replay looked up the same few dozen classes for every one of its
 * events, on the projections' coordinator and on their work packages alike (docs/PERFORMANCE.md). The answers never
 * change while the JVM runs, so they are kept: a class per stored type name, a reader per class, a
 * stored type per class written. A name no class answers to is not kept: Axon's own handling of unknown types
 * (an {@link UnknownSerializedType}) stays as it is.
 */
public final class StoredTypes extends JacksonSerializer {

    /** By stored type name: the class does not depend on the revision. */
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final Map<Class<?>, SerializedType> types = new ConcurrentHashMap<>();

    /** Over the given mapper (Axon registers its metadata and time modules on it), with stored revisions. */
    public StoredTypes(ObjectMapper mapper, RevisionResolver revisions) {
        super(JacksonSerializer.builder().objectMapper(mapper).revisionResolver(revisions));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class) {
            classes.put(type.getName(), found);
        }
        return found;
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return type == null ? super.typeForClass(null) : types.computeIfAbsent(type, super::typeForClass);
    }
}
