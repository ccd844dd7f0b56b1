package io.seire.kernel.reimbursement;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.util.List;

/**
 * A request was approved, without the excluded expenditures; {@code approved} are its figures recomputed so (the
 * claimed part also in {@code claimCurrency}).
 */
@EventVersion("1")
public record ReimbursementRequestApproved(String projectId, String requestId, List<Exclusion> excluded,
                                           String comment, ClaimFigures approved, String claimCurrency)
        implements ProjectEvent {
}
