package io.seire.command.finance;

import java.util.Optional;

/**
 * Which expenditures a reimbursement request holds (one that is submitted, approved or paid, and did not exclude
 * them). Claimed money is locked like a reported period: such an expenditure changes only through an adjustment
 * that names it in {@code corrects} and falls into the next request.
 */
public interface ClaimedExpenditures {

    /** Nothing is claimed (a project without reimbursement requests). */
    ClaimedExpenditures NONE = expenditureId -> Optional.empty();

    /** The request that holds the expenditure, if any. */
    Optional<String> requestHolding(String expenditureId);
}
