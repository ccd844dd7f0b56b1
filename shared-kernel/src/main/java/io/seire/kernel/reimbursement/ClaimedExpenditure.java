package io.seire.kernel.reimbursement;

import java.math.BigDecimal;

/** An expenditure as a reimbursement request claims it: its budget line and amount then (an adjustment may be negative). */
public record ClaimedExpenditure(String expenditure, String budgetLine, BigDecimal amount) {
}
