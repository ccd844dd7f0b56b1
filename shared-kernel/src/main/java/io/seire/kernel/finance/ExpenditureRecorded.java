package io.seire.kernel.finance;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An expenditure was recorded; {@code original} is null when it was spent in the project currency. */
@EventVersion("1")
public record ExpenditureRecorded(String projectId, String expenditureId, String budgetLine, BigDecimal amount,
                                  LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                                  String description, boolean allowDuplicateInvoice, String corrects,
                                  OriginalAmount original)
        implements ProjectEvent {

    /** An expenditure in the project currency (and every event recorded before there were others). */
    public ExpenditureRecorded(String projectId, String expenditureId, String budgetLine, BigDecimal amount,
                               LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                               String description, boolean allowDuplicateInvoice, String corrects) {
        this(projectId, expenditureId, budgetLine, amount, incurredOn, paidOn, supplier, invoice, description,
                allowDuplicateInvoice, corrects, null);
    }

    public ExpenditureDetails details() {
        return new ExpenditureDetails(budgetLine, amount, incurredOn, paidOn, supplier, invoice, description, original);
    }
}
