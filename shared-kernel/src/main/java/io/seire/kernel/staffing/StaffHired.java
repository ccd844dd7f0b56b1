package io.seire.kernel.staffing;

import io.seire.kernel.EventVersion;
import io.seire.kernel.PersonalText;
import io.seire.kernel.ProjectEvent;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A person was hired into a position. The name is personal data: the event carries it only sealed under the staff
 * member's own data key (version 2; version 1 carried it in the clear and is upcast, ADR 0035).
 */
@EventVersion("2")
public record StaffHired(String projectId, String position, String staffId, PersonalText name, LocalDate startDate,
                         BigDecimal workloadPercent) implements ProjectEvent {

    /** The personal-data subject whose key seals a staff member's name. */
    public static String subject(String staffId) {
        return "staff/" + staffId;
    }

    @Override
    public String toString() {
        return "StaffHired[projectId=" + projectId + ", position=" + position + ", staffId=" + staffId + "]";
    }
}
