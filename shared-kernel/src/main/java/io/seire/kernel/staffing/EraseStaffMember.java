package io.seire.kernel.staffing;

import io.seire.kernel.ProjectCommand;

/** Erase a staff member's personal data (their name) by destroying its key; the staffing figures stay. */
public record EraseStaffMember(String projectId, String staffId, String reason) implements ProjectCommand {
}
