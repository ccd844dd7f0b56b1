package io.seire.kernel.reimbursement;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.time.LocalDate;
import java.util.List;

/**
 * A reimbursement request was submitted: the expenditures it claims with their amounts then, and its figures,
 * computed once here so that what counted against the programme's ceiling is exactly what every view shows.
 */
@EventVersion("1")
public record ReimbursementRequested(String projectId, String requestId, String programme, LocalDate from,
                                     LocalDate to, ExchangeRate exchangeRate, String claimCurrency,
                                     List<ClaimedExpenditure> included, ClaimFigures figures)
        implements ProjectEvent {
}
