package io.seire.kernel.reporting;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/** A report was returned; its period is open again. */
@EventVersion("1")
public record ReportReturned(String projectId, String reportId, String comment) implements ProjectEvent {
}
