package io.seire.kernel.finance;

import io.seire.kernel.ProjectCommand;

/** Cancel an expenditure, with a reason; it stays in the history. */
public record CancelExpenditure(String projectId, String expenditureId, String reason) implements ProjectCommand {
}
