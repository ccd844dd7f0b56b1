package io.seire.kernel.setup;

import java.time.LocalDate;

/** A reporting period: reports are cumulative from the project's first day to its end. */
public record ReportingPeriod(String id, LocalDate from, LocalDate to) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    public boolean overlaps(ReportingPeriod other) {
        return !to.isBefore(other.from) && !other.to.isBefore(from);
    }
}
