package io.seire.kernel.reporting;

import io.seire.kernel.ProjectCommand;

/** A liaison approves a submitted report. */
public record ApproveReport(String projectId, String reportId, String comment) implements ProjectCommand {
}
