package io.seire.kernel.setup;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.util.List;

/** An indicator was defined. */
@EventVersion("1")
public record IndicatorDefined(String projectId, String code, String name, String unit, IndicatorKind kind, Measure measure,
                               Aggregation aggregation, boolean ascending, BigDecimal baseline,
                               List<Milestone> milestones, BigDecimal target) implements ProjectEvent {
}
