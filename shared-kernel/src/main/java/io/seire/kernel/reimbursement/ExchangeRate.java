package io.seire.kernel.reimbursement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The rate a reimbursement request is converted at: claim currency per one unit of the project currency (e.g. 0.9412
 * CHF per EUR), with the date it was taken on and where it comes from.
 */
public record ExchangeRate(BigDecimal rate, LocalDate date, String source) {
}
