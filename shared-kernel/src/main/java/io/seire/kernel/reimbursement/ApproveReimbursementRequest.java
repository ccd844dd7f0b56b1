package io.seire.kernel.reimbursement;

import io.seire.kernel.ProjectCommand;
import java.util.List;

/** A liaison approves a submitted request, possibly leaving some of its expenditures out. */
public record ApproveReimbursementRequest(String projectId, String requestId, List<Exclusion> excluded,
                                          String comment) implements ProjectCommand {
}
