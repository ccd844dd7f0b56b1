package io.seire.kernel.finance;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/** An expenditure was cancelled. */
@EventVersion("1")
public record ExpenditureCancelled(String projectId, String expenditureId, String reason) implements ProjectEvent {
}
