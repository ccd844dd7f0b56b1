package io.seire.kernel.reporting;

import io.seire.kernel.ProjectCommand;

/** A liaison returns a submitted report for rework; the period unlocks. */
public record ReturnReport(String projectId, String reportId, String comment) implements ProjectCommand {
}
