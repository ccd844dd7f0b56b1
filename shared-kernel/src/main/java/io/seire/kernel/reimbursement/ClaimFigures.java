package io.seire.kernel.reimbursement;

import java.math.BigDecimal;
import java.util.List;

/**
 * The figures of a reimbursement request, as submitted or as approved: the expenditures it claims, the eligible
 * amount per budget line and in total (project currency), the funding sources' shares of it, the claimed part, and
 * that part in the programme's claim currency.
 */
public record ClaimFigures(List<String> expenditures, List<ClaimLine> lines, BigDecimal eligibleTotal,
                           List<ClaimSource> sources, BigDecimal claimed, BigDecimal claimedInClaimCurrency) {
}
