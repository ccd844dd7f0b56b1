package io.seire.kernel.setup;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A project was registered. */
@EventVersion("1")
public record ProjectRegistered(String projectId, String name, String programme, String beneficiary, String currency,
                                LocalDate eligibleFrom, LocalDate eligibleTo, BigDecimal flexibilityPercent,
                                List<ReportingPeriod> reportingPeriods) implements ProjectEvent {
}
