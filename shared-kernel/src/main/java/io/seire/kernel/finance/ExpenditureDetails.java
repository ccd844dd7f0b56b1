package io.seire.kernel.finance;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The recordable fields of an expenditure; {@code original} is null when it was spent in the project currency. */
public record ExpenditureDetails(String budgetLine, BigDecimal amount, LocalDate incurredOn, LocalDate paidOn,
                                 String supplier, String invoice, String description, OriginalAmount original) {

    /** An expenditure in the project currency. */
    public ExpenditureDetails(String budgetLine, BigDecimal amount, LocalDate incurredOn, LocalDate paidOn,
                              String supplier, String invoice, String description) {
        this(budgetLine, amount, incurredOn, paidOn, supplier, invoice, description, null);
    }

    /** These details with another amount and original (both resolved by the ledger's rules). */
    public ExpenditureDetails with(BigDecimal newAmount, OriginalAmount newOriginal) {
        return new ExpenditureDetails(budgetLine, newAmount, incurredOn, paidOn, supplier, invoice, description, newOriginal);
    }
}
