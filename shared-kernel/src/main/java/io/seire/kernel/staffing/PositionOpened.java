package io.seire.kernel.staffing;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.time.LocalDate;
import java.util.List;

/** A position was opened. */
@EventVersion("1")
public record PositionOpened(String projectId, String code, String title, List<String> subActivities, LocalDate openedOn)
        implements ProjectEvent {
}
