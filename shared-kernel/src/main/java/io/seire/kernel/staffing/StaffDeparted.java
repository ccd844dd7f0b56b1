package io.seire.kernel.staffing;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.time.LocalDate;

/** A staff member left the position. */
@EventVersion("1")
public record StaffDeparted(String projectId, String staffId, String position, LocalDate endDate, String reason)
        implements ProjectEvent {
}
