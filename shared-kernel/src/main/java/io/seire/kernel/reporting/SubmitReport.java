package io.seire.kernel.reporting;

import io.seire.kernel.ProjectCommand;

/** Submit the monitoring report for a period; it locks the period. */
public record SubmitReport(String projectId, String reportId, String period, ReportKind kind, String assessment)
        implements ProjectCommand {
}
