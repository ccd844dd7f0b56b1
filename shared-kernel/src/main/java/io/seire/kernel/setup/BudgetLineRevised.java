package io.seire.kernel.setup;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A budget line'\''s planned amount was amended from a date. */
@EventVersion("1")
public record BudgetLineRevised(String projectId, String code, BigDecimal planned, LocalDate effectiveFrom, String reason,
                                String reference) implements ProjectEvent {
}
