package io.seire.kernel.workplans;

import io.seire.kernel.ProjectCommand;

/** A liaison approves the year's submitted version; {@code version}, if given, must be that one. */
public record ApproveWorkPlan(String projectId, int year, Integer version, String comment) implements ProjectCommand {
}
