package io.seire.kernel.reimbursement;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/** A request was returned: it counts for nothing and its expenditures can be claimed again. */
@EventVersion("1")
public record ReimbursementRequestReturned(String projectId, String requestId, String comment)
        implements ProjectEvent {
}
