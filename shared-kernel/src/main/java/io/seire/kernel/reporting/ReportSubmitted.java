package io.seire.kernel.reporting;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/** A report was submitted. It is composed from every event of the project before this one; chainHead is the audit hash chain'\''s head there. */
@EventVersion("1")
public record ReportSubmitted(String projectId, String reportId, String period, ReportKind kind, String assessment,
                              long composedFromSequence, String chainHead) implements ProjectEvent {
}
