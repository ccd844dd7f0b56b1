package io.seire.kernel.setup;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A project was registered. Fields added after the first events were stored read as their defaults from those
 * events: {@code component} and {@code contractNumber} null (none named), {@code partners} empty.
 */
@EventVersion("1")
public record ProjectRegistered(String projectId, String name, String programme, String beneficiary, String currency,
                                LocalDate eligibleFrom, LocalDate eligibleTo, BigDecimal flexibilityPercent,
                                List<ReportingPeriod> reportingPeriods, String component, String contractNumber,
                                List<Partner> partners) implements ProjectEvent {

    public ProjectRegistered {
        partners = partners == null ? List.of() : List.copyOf(partners);
    }

    /** A project that names no contract number and no partners. */
    public ProjectRegistered(String projectId, String name, String programme, String beneficiary, String currency,
                             LocalDate eligibleFrom, LocalDate eligibleTo, BigDecimal flexibilityPercent,
                             List<ReportingPeriod> reportingPeriods, String component) {
        this(projectId, name, programme, beneficiary, currency, eligibleFrom, eligibleTo, flexibilityPercent,
                reportingPeriods, component, null, List.of());
    }

    /** A project that names no component, contract number or partners. */
    public ProjectRegistered(String projectId, String name, String programme, String beneficiary, String currency,
                             LocalDate eligibleFrom, LocalDate eligibleTo, BigDecimal flexibilityPercent,
                             List<ReportingPeriod> reportingPeriods) {
        this(projectId, name, programme, beneficiary, currency, eligibleFrom, eligibleTo, flexibilityPercent,
                reportingPeriods, null);
    }
}
