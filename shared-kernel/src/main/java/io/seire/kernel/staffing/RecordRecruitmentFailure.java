package io.seire.kernel.staffing;

import io.seire.kernel.ProjectCommand;
import java.time.LocalDate;

/** Record that a recruitment for a position found nobody. */
public record RecordRecruitmentFailure(String projectId, String position, LocalDate date, String reason)
        implements ProjectCommand {
}
