package io.seire.kernel.finance;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The recordable fields of an expenditure. */
public record ExpenditureDetails(String budgetLine, BigDecimal amount, LocalDate incurredOn, LocalDate paidOn,
                                 String supplier, String invoice, String description) {
}
