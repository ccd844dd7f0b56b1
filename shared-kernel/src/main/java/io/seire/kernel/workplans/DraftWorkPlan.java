package io.seire.kernel.workplans;

import io.seire.kernel.ProjectCommand;
import java.util.List;

/** Draft a new version of the work plan and budget for a calendar year. */
public record DraftWorkPlan(String projectId, int year, List<PlannedAmount> budget, List<PlannedActivity> activities)
        implements ProjectCommand {
}
