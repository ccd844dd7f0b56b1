package io.seire.kernel.setup;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;

/** A budget line was added; exactly one of planned and flatRate is set. */
@EventVersion("1")
public record BudgetLineAdded(String projectId, String code, String subActivity, String costCategory, BigDecimal planned,
                              FlatRate flatRate) implements ProjectEvent {
}
