package io.seire.kernel.results;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/** An indicator value was recorded. */
@EventVersion("1")
public record IndicatorValueRecorded(String projectId, String indicator, String valueId, String period, String value,
                                     String note, String evidence) implements ProjectEvent {
}
