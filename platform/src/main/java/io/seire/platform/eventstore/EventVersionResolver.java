package io.seire.platform.eventstore;

import io.seire.kernel.EventVersion;
import org.axonframework.serialization.RevisionResolver;

/** Reads the kernel's {@link EventVersion} so stored events and snapshots carry their schema version. */
public class EventVersionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventVersion version = payloadType.getAnnotation(EventVersion.class);
        return version == null ? null : version.value();
    }
}
