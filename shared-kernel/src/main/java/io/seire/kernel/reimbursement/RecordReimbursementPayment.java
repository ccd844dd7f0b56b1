package io.seire.kernel.reimbursement;

import io.seire.kernel.ProjectCommand;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The funder paid an approved request: when, and how much in the claim currency. */
public record RecordReimbursementPayment(String projectId, String requestId, LocalDate paidOn, BigDecimal amount)
        implements ProjectCommand {
}
