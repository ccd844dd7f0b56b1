package io.seire.kernel.staffing;

import io.seire.kernel.ProjectCommand;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Hire a person into a position. The name is personal data: it never goes into logs or messages. */
public record HireStaff(String projectId, String position, String staffId, String name, LocalDate startDate,
                        BigDecimal workloadPercent) implements ProjectCommand {

    @Override
    public String toString() {
        return "HireStaff[projectId=" + projectId + ", position=" + position + ", staffId=" + staffId + "]";
    }
}
