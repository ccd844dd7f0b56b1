package io.seire.kernel.staffing;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/** A staff member's name was erased (its key destroyed); the event itself names nobody. */
@EventVersion("1")
public record StaffMemberErased(String projectId, String staffId, String reason) implements ProjectEvent {
}
