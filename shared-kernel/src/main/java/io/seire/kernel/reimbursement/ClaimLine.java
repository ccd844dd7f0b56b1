package io.seire.kernel.reimbursement;

import java.math.BigDecimal;

/** A budget line's eligible amount in a reimbursement request (a flat-rate line's is computed from its base). */
public record ClaimLine(String budgetLine, String costCategory, BigDecimal eligible) {
}
