package io.seire.kernel.reimbursement;

import io.seire.kernel.ProjectCommand;

/** A liaison returns a submitted request; its expenditures can be claimed again. */
public record ReturnReimbursementRequest(String projectId, String requestId, String comment)
        implements ProjectCommand {
}
