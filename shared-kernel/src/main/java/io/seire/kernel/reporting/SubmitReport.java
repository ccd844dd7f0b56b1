package io.seire.kernel.reporting;

import io.seire.kernel.ProjectCommand;

/**
 * Submit the monitoring report for a period; it locks the period. {@code author} and {@code confirmedBy} are
 * optional (null).
 */
public record SubmitReport(String projectId, String reportId, String period, ReportKind kind, String assessment,
                           Signatory author, Signatory confirmedBy) implements ProjectCommand {

    /** A report that names no author and no confirming person. */
    public SubmitReport(String projectId, String reportId, String period, ReportKind kind, String assessment) {
        this(projectId, reportId, period, kind, assessment, null, null);
    }
}
