package io.seire.kernel.finance;

import io.seire.kernel.EventVersion;
import io.seire.kernel.PersonalText;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An expenditure was corrected; the event carries every field as it is after the correction, the description sealed
 * under the same key as every other version of it (version 2; version 1 is upcast, ADR 0037).
 */
@EventVersion("2")
public record ExpenditureCorrected(String projectId, String expenditureId, String budgetLine, BigDecimal amount,
                                   LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                                   PersonalText description, String reason, OriginalAmount original)
        implements ProjectEvent {

    /** A correction in the project currency whose description is in the clear, as version 1 recorded it. */
    public ExpenditureCorrected(String projectId, String expenditureId, String budgetLine, BigDecimal amount,
                                LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                                String description, String reason) {
        this(projectId, expenditureId, budgetLine, amount, incurredOn, paidOn, supplier, invoice,
                PersonalText.recordedInClear(description), reason, null);
    }

    /** Every field but the description (which is sealed). */
    public ExpenditureDetails details() {
        return new ExpenditureDetails(budgetLine, amount, incurredOn, paidOn, supplier, invoice, null, original);
    }

    @Override
    public String toString() {
        return "ExpenditureCorrected[projectId=" + projectId + ", expenditureId=" + expenditureId + ", amount="
                + amount + "]";
    }
}
