package io.seire.kernel.finance;

import io.seire.kernel.EventVersion;
import io.seire.kernel.PersonalText;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An expenditure was recorded; {@code original} is null when it was spent in the project currency. The description is
 * free text, so the event carries it sealed under the record's own key (version 2; version 1 carried it in the clear
 * and is upcast, ADR 0037).
 */
@EventVersion("2")
public record ExpenditureRecorded(String projectId, String expenditureId, String budgetLine, BigDecimal amount,
                                  LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                                  PersonalText description, boolean allowDuplicateInvoice, String corrects,
                                  OriginalAmount original)
        implements ProjectEvent {

    /**
     * An expenditure in the project currency whose description is in the clear, as version 1 recorded it (old events
     * and test histories).
     */
    public ExpenditureRecorded(String projectId, String expenditureId, String budgetLine, BigDecimal amount,
                               LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                               String description, boolean allowDuplicateInvoice, String corrects) {
        this(projectId, expenditureId, budgetLine, amount, incurredOn, paidOn, supplier, invoice,
                PersonalText.recordedInClear(description), allowDuplicateInvoice, corrects, null);
    }

    /** Every field but the description (which is sealed; the rules never need its text). */
    public ExpenditureDetails details() {
        return new ExpenditureDetails(budgetLine, amount, incurredOn, paidOn, supplier, invoice, null, original);
    }

    @Override
    public String toString() {
        return "ExpenditureRecorded[projectId=" + projectId + ", expenditureId=" + expenditureId + ", budgetLine="
                + budgetLine + ", amount=" + amount + ", incurredOn=" + incurredOn + "]";
    }
}
