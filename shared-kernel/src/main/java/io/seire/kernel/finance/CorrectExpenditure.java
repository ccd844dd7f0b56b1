package io.seire.kernel.finance;

import io.seire.kernel.ProjectCommand;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Correct any field of an expenditure; null fields keep their value (a new original may leave amount out). A reason is required. */
public record CorrectExpenditure(String projectId, String expenditureId, String budgetLine, BigDecimal amount,
                                 LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                                 String description, boolean allowDuplicateInvoice, String reason,
                                 OriginalAmount original)
        implements ProjectCommand {

    /** A correction that leaves the original currency amount as it is. */
    public CorrectExpenditure(String projectId, String expenditureId, String budgetLine, BigDecimal amount,
                              LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                              String description, boolean allowDuplicateInvoice, String reason) {
        this(projectId, expenditureId, budgetLine, amount, incurredOn, paidOn, supplier, invoice, description,
                allowDuplicateInvoice, reason, null);
    }
}
