package io.seire.kernel.reimbursement;

import java.math.BigDecimal;

/** A funding source's share of a request's eligible total, and whether it is claimed from the funder. */
public record ClaimSource(String source, BigDecimal share, boolean claimable, BigDecimal amount) {
}
