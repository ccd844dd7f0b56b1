package io.seire.kernel.reimbursement;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The funder's payment of an approved request, in the claim currency. */
@EventVersion("1")
public record ReimbursementPaymentRecorded(String projectId, String requestId, LocalDate paidOn, BigDecimal amount,
                                           String claimCurrency) implements ProjectEvent {
}
