package io.seire.kernel.reimbursement;

/** An expenditure a liaison leaves out of a request at its approval, and why. */
public record Exclusion(String expenditure, String reason) {
}
