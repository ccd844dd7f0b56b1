package io.seire.kernel.progress;

import io.seire.kernel.ProjectCommand;

/** Report a sub-activity'\''s progress in a period; a later report for the same period supersedes it. */
public record ReportActivityProgress(String projectId, String subActivity, String period, ProgressStatus status,
                                     String summary, String problems, String measures, String nextSteps)
        implements ProjectCommand {
}
