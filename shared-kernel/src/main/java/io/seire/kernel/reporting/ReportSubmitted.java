package io.seire.kernel.reporting;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/**
 * A report was submitted. It is composed from every event of the project before this one; chainHead is the audit
 * hash chain's head there. {@code author} and {@code confirmedBy} (the beneficiary's person confirming that the data
 * are correct) are null when not named, as in every event stored before they existed.
 */
@EventVersion("1")
public record ReportSubmitted(String projectId, String reportId, String period, ReportKind kind, String assessment,
                              long composedFromSequence, String chainHead, Signatory author, Signatory confirmedBy)
        implements ProjectEvent {

    /** A report that names no author and no confirming person. */
    public ReportSubmitted(String projectId, String reportId, String period, ReportKind kind, String assessment,
                           long composedFromSequence, String chainHead) {
        this(projectId, reportId, period, kind, assessment, composedFromSequence, chainHead, null, null);
    }
}
