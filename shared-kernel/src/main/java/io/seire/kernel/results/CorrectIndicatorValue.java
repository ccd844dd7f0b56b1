package io.seire.kernel.results;

import io.seire.kernel.ProjectCommand;

/** Correct an indicator value, with a reason. */
public record CorrectIndicatorValue(String projectId, String indicator, String valueId, String value, String reason)
        implements ProjectCommand {
}
