package io.seire.kernel.setup;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A project was registered; {@code component} is null when it names none (and in events recorded before there were any). */
@EventVersion("1")
public record ProjectRegistered(String projectId, String name, String programme, String beneficiary, String currency,
                                LocalDate eligibleFrom, LocalDate eligibleTo, BigDecimal flexibilityPercent,
                                List<ReportingPeriod> reportingPeriods, String component) implements ProjectEvent {

    /** A project that names no component. */
    public ProjectRegistered(String projectId, String name, String programme, String beneficiary, String currency,
                             LocalDate eligibleFrom, LocalDate eligibleTo, BigDecimal flexibilityPercent,
                             List<ReportingPeriod> reportingPeriods) {
        this(projectId, name, programme, beneficiary, currency, eligibleFrom, eligibleTo, flexibilityPercent,
                reportingPeriods, null);
    }
}
