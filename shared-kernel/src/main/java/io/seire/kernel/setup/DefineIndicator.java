package io.seire.kernel.setup;

import io.seire.kernel.ProjectCommand;
import java.math.BigDecimal;
import java.util.List;

/** Define a results-framework indicator with baseline, milestones and target. */
public record DefineIndicator(String projectId, String code, String name, String unit, IndicatorKind kind, Measure measure,
                              Aggregation aggregation, boolean ascending, BigDecimal baseline,
                              List<Milestone> milestones, BigDecimal target) implements ProjectCommand {
}
