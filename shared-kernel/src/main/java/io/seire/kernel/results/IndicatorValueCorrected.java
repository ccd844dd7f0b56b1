package io.seire.kernel.results;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/** An indicator value was corrected. */
@EventVersion("1")
public record IndicatorValueCorrected(String projectId, String indicator, String valueId, String value, String reason)
        implements ProjectEvent {
}
