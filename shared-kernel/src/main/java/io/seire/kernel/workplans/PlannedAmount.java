package io.seire.kernel.workplans;

import java.math.BigDecimal;

/** What a work plan plans to spend on one budget line in its year. */
public record PlannedAmount(String budgetLine, BigDecimal planned) {
}
