package io.seire.kernel.setup;

import io.seire.kernel.ProjectCommand;
import java.math.BigDecimal;
import java.util.List;

/**
 * Define a results-framework indicator with baseline, milestones and target. {@code programmeIndicator} (optional)
 * names the indicator of the project's programme this one counts towards.
 */
public record DefineIndicator(String projectId, String code, String name, String unit, IndicatorKind kind, Measure measure,
                              Aggregation aggregation, boolean ascending, BigDecimal baseline,
                              List<Milestone> milestones, BigDecimal target, String programmeIndicator)
        implements ProjectCommand {

    /** An indicator that counts towards no programme indicator. */
    public DefineIndicator(String projectId, String code, String name, String unit, IndicatorKind kind, Measure measure,
                           Aggregation aggregation, boolean ascending, BigDecimal baseline, List<Milestone> milestones,
                           BigDecimal target) {
        this(projectId, code, name, unit, kind, measure, aggregation, ascending, baseline, milestones, target, null);
    }
}
