package io.seire.kernel.finance;

import io.seire.kernel.ProjectCommand;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Correct any field of an expenditure; null fields keep their value. A reason is required. */
public record CorrectExpenditure(String projectId, String expenditureId, String budgetLine, BigDecimal amount,
                                 LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                                 String description, boolean allowDuplicateInvoice, String reason)
        implements ProjectCommand {
}
