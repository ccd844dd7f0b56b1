package io.seire.kernel.staffing;

import io.seire.kernel.ProjectCommand;
import java.time.LocalDate;
import java.util.List;

/** Open a position for one or more sub-activities. */
public record OpenPosition(String projectId, String code, String title, List<String> subActivities, LocalDate openedOn)
        implements ProjectCommand {
}
