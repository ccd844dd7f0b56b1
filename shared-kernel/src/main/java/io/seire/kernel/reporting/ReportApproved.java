package io.seire.kernel.reporting;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/** A report was approved. */
@EventVersion("1")
public record ReportApproved(String projectId, String reportId, String comment) implements ProjectEvent {
}
