package io.seire.kernel.setup;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.util.List;

/**
 * An indicator was defined. {@code programmeIndicator} is the programme indicator it counts towards, or null (also in
 * events recorded before there were any).
 */
@EventVersion("1")
public record IndicatorDefined(String projectId, String code, String name, String unit, IndicatorKind kind, Measure measure,
                               Aggregation aggregation, boolean ascending, BigDecimal baseline,
                               List<Milestone> milestones, BigDecimal target, String programmeIndicator)
        implements ProjectEvent {

    /** An indicator that counts towards no programme indicator. */
    public IndicatorDefined(String projectId, String code, String name, String unit, IndicatorKind kind, Measure measure,
                            Aggregation aggregation, boolean ascending, BigDecimal baseline, List<Milestone> milestones,
                            BigDecimal target) {
        this(projectId, code, name, unit, kind, measure, aggregation, ascending, baseline, milestones, target, null);
    }
}
