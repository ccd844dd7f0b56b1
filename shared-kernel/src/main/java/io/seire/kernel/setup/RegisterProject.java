package io.seire.kernel.setup;

import io.seire.kernel.ProjectCommand;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Register a project under its official code. */
public record RegisterProject(String projectId, String name, String programme, String beneficiary, String currency,
                              LocalDate eligibleFrom, LocalDate eligibleTo, BigDecimal flexibilityPercent,
                              List<ReportingPeriod> reportingPeriods) implements ProjectCommand {
}
