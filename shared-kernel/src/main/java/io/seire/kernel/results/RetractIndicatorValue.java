package io.seire.kernel.results;

import io.seire.kernel.ProjectCommand;

/** Retract an indicator value, with a reason: it counts as never recorded. */
public record RetractIndicatorValue(String projectId, String indicator, String valueId, String reason)
        implements ProjectCommand {
}
