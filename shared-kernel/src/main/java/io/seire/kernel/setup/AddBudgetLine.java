package io.seire.kernel.setup;

import io.seire.kernel.ProjectCommand;
import java.math.BigDecimal;

/** Plan an amount for a (sub-activity, cost category) pair, or a flat rate of another category. */
public record AddBudgetLine(String projectId, String code, String subActivity, String costCategory, BigDecimal planned,
                            FlatRate flatRate) implements ProjectCommand {
}
