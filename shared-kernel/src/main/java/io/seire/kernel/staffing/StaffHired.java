package io.seire.kernel.staffing;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A person was hired into a position. */
@EventVersion("1")
public record StaffHired(String projectId, String position, String staffId, String name, LocalDate startDate,
                         BigDecimal workloadPercent) implements ProjectEvent {

    @Override
    public String toString() {
        return "StaffHired[projectId=" + projectId + ", position=" + position + ", staffId=" + staffId + "]";
    }
}
