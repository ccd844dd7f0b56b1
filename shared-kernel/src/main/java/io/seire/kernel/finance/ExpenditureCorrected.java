package io.seire.kernel.finance;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An expenditure was corrected; the event carries every field as it is after the correction. */
@EventVersion("1")
public record ExpenditureCorrected(String projectId, String expenditureId, String budgetLine, BigDecimal amount,
                                   LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                                   String description, String reason, OriginalAmount original)
        implements ProjectEvent {

    /** A correction of an expenditure in the project currency (and every event recorded before there were others). */
    public ExpenditureCorrected(String projectId, String expenditureId, String budgetLine, BigDecimal amount,
                                LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                                String description, String reason) {
        this(projectId, expenditureId, budgetLine, amount, incurredOn, paidOn, supplier, invoice, description, reason,
                null);
    }

    public ExpenditureDetails details() {
        return new ExpenditureDetails(budgetLine, amount, incurredOn, paidOn, supplier, invoice, description, original);
    }
}
