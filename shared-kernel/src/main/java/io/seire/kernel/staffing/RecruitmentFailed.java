package io.seire.kernel.staffing;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.time.LocalDate;

/** A recruitment found nobody. */
@EventVersion("1")
public record RecruitmentFailed(String projectId, String position, LocalDate date, String reason) implements ProjectEvent {
}
