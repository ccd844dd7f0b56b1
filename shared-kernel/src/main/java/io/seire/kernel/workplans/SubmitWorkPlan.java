package io.seire.kernel.workplans;

import io.seire.kernel.ProjectCommand;

/** Submit the year's latest draft for approval; {@code version}, if given, must be that draft's. */
public record SubmitWorkPlan(String projectId, int year, Integer version) implements ProjectCommand {
}
