package io.seire.kernel.setup;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/** A sub-activity was added. */
@EventVersion("1")
public record SubActivityAdded(String projectId, String code, String name) implements ProjectEvent {
}
