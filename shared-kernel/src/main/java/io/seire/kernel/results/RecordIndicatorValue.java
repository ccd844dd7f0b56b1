package io.seire.kernel.results;

import io.seire.kernel.ProjectCommand;

/** Record an indicator value for a reporting period (text for text indicators). */
public record RecordIndicatorValue(String projectId, String indicator, String valueId, String period, String value,
                                   String note, String evidence) implements ProjectCommand {
}
