package io.seire.kernel.results;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/** An indicator value was retracted. */
@EventVersion("1")
public record IndicatorValueRetracted(String projectId, String indicator, String valueId, String reason)
        implements ProjectEvent {
}
