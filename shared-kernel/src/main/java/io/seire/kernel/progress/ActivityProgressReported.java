package io.seire.kernel.progress;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/** A sub-activity'\''s progress in a period was reported. */
@EventVersion("1")
public record ActivityProgressReported(String projectId, String subActivity, String period, ProgressStatus status,
                                       String summary, String problems, String measures, String nextSteps)
        implements ProjectEvent {
}
