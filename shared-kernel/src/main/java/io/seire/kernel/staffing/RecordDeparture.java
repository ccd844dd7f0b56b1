package io.seire.kernel.staffing;

import io.seire.kernel.ProjectCommand;
import java.time.LocalDate;

/** Record that a staff member leaves; endDate is the last working day. */
public record RecordDeparture(String projectId, String staffId, LocalDate endDate, String reason)
        implements ProjectCommand {
}
