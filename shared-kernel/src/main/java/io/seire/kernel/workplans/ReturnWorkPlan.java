package io.seire.kernel.workplans;

import io.seire.kernel.ProjectCommand;

/** A liaison returns the year's submitted version for rework; {@code version}, if given, must be that one. */
public record ReturnWorkPlan(String projectId, int year, Integer version, String comment) implements ProjectCommand {
}
