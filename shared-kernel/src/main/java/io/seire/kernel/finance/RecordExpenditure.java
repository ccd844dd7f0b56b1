package io.seire.kernel.finance;

import io.seire.kernel.ProjectCommand;

/** Record what the project spent against a budget line. corrects names an expenditure of a locked period this one adjusts. */
public record RecordExpenditure(String projectId, String expenditureId, ExpenditureDetails details,
                                boolean allowDuplicateInvoice, String corrects) implements ProjectCommand {
}
