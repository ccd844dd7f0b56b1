package io.seire.kernel.setup;

import io.seire.kernel.ProjectCommand;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Register a project under its official code. {@code component} (optional) names one of the components of the
 * project's programme, when that programme is registered; {@code contractNumber} (optional) is the administrative
 * contract's number and {@code partners} its partner organisations (none when null).
 */
public record RegisterProject(String projectId, String name, String programme, String beneficiary, String currency,
                              LocalDate eligibleFrom, LocalDate eligibleTo, BigDecimal flexibilityPercent,
                              List<ReportingPeriod> reportingPeriods, String component, String contractNumber,
                              List<Partner> partners) implements ProjectCommand {

    /** A project that names no contract number and no partners. */
    public RegisterProject(String projectId, String name, String programme, String beneficiary, String currency,
                           LocalDate eligibleFrom, LocalDate eligibleTo, BigDecimal flexibilityPercent,
                           List<ReportingPeriod> reportingPeriods, String component) {
        this(projectId, name, programme, beneficiary, currency, eligibleFrom, eligibleTo, flexibilityPercent,
                reportingPeriods, component, null, List.of());
    }

    /** A project that names no component. */
    public RegisterProject(String projectId, String name, String programme, String beneficiary, String currency,
                           LocalDate eligibleFrom, LocalDate eligibleTo, BigDecimal flexibilityPercent,
                           List<ReportingPeriod> reportingPeriods) {
        this(projectId, name, programme, beneficiary, currency, eligibleFrom, eligibleTo, flexibilityPercent,
                reportingPeriods, null);
    }
}
