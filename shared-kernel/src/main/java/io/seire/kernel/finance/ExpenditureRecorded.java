package io.seire.kernel.finance;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An expenditure was recorded. */
@EventVersion("1")
public record ExpenditureRecorded(String projectId, String expenditureId, String budgetLine, BigDecimal amount,
                                  LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                                  String description, boolean allowDuplicateInvoice, String corrects)
        implements ProjectEvent {

    public ExpenditureDetails details() {
        return new ExpenditureDetails(budgetLine, amount, incurredOn, paidOn, supplier, invoice, description);
    }
}
