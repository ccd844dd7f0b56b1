package io.seire.kernel.workplans;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.util.List;

/** A new version of a year's work plan was drafted: the budget by line and the activities it plans. */
@EventVersion("1")
public record WorkPlanDrafted(String projectId, int year, int version, List<PlannedAmount> budget,
                              List<PlannedActivity> activities) implements ProjectEvent {
}
