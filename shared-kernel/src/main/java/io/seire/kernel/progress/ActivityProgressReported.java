package io.seire.kernel.progress;

import io.seire.kernel.EventVersion;
import io.seire.kernel.PersonalText;
import io.seire.kernel.ProjectEvent;

/**
 * A sub-activity's progress in a period was reported. The narrative is free text: each field is sealed under a key of
 * its own, the same for every report of that sub-activity and period (version 2; version 1 is upcast, ADR 0037).
 */
@EventVersion("2")
public record ActivityProgressReported(String projectId, String subActivity, String period, ProgressStatus status,
                                       PersonalText summary, PersonalText problems, PersonalText measures,
                                       PersonalText nextSteps)
        implements ProjectEvent {

    /** A report whose narrative is in the clear, as version 1 recorded it (old events, test histories). */
    public static ActivityProgressReported inClear(String projectId, String subActivity, String period,
                                                   ProgressStatus status, String summary, String problems,
                                                   String measures, String nextSteps) {
        return new ActivityProgressReported(projectId, subActivity, period, status,
                PersonalText.recordedInClear(summary), PersonalText.recordedInClear(problems),
                PersonalText.recordedInClear(measures), PersonalText.recordedInClear(nextSteps));
    }

    @Override
    public String toString() {
        return "ActivityProgressReported[projectId=" + projectId + ", subActivity=" + subActivity + ", period="
                + period + ", status=" + status + "]";
    }
}
