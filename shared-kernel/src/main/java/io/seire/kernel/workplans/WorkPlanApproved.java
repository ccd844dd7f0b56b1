package io.seire.kernel.workplans;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/**
 * A version of a year's work plan was approved: from now on it is the year's plan and budget, in place of the version
 * approved before it ({@code replacesVersion}, or null for the year's first approval).
 */
@EventVersion("1")
public record WorkPlanApproved(String projectId, int year, int version, Integer replacesVersion, String comment)
        implements ProjectEvent {
}
