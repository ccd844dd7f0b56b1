package io.seire.kernel.setup;

import io.seire.kernel.ProjectCommand;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Amend a budget line'\''s planned amount from a date; the original amount is kept. */
public record ReviseBudgetLine(String projectId, String code, BigDecimal planned, LocalDate effectiveFrom, String reason,
                               String reference) implements ProjectCommand {
}
