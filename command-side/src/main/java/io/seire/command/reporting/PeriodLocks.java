package io.seire.command.reporting;

import io.seire.command.setup.ProjectSetup;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.setup.ReportingPeriod;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;

/**
 * The reporting periods whose report is submitted or approved: nothing recorded may change a figure of theirs.
 * Corrections go in an open period with a reference to what they correct.
 */
public class PeriodLocks {

    public static final String RULE = "period-not-locked";

    private LinkedHashSet<String> locked = new LinkedHashSet<>();

    public void lock(String periodId) {
        locked.add(periodId);
    }

    public void unlock(String periodId) {
        locked.remove(periodId);
    }

    public boolean isLocked(String periodId) {
        return locked.contains(periodId);
    }

    /** The locked period a business date falls in, if any. */
    public Optional<ReportingPeriod> lockedPeriodOf(LocalDate date, ProjectSetup setup) {
        return setup.periodContaining(date).filter(p -> locked.contains(p.id()));
    }

    /** Refuses a write whose business date falls in a locked period. */
    public void checkOpen(LocalDate date, ProjectSetup setup, String field, String what) {
        lockedPeriodOf(date, setup).ifPresent(p -> {
            throw RuleViolation.conflict(RULE, field, what + " falls in reporting period '" + p.id() + "' ("
                    + p.from() + " to " + p.to() + "), whose report has been submitted; the period is locked. "
                    + "Record the change in an open period instead, naming what it corrects.");
        });
    }

    /** Refuses a change that takes effect on or before the end of a locked period (budget revisions). */
    public void checkNotBeforeLockedEnd(LocalDate effectiveFrom, ProjectSetup setup, String field, String what) {
        setup.periods().stream()
                .filter(p -> locked.contains(p.id()) && !effectiveFrom.isAfter(p.to()))
                .findFirst()
                .ifPresent(p -> {
                    throw RuleViolation.conflict(RULE, field, what + " takes effect on " + effectiveFrom
                            + ", which would change reporting period '" + p.id() + "' (up to " + p.to()
                            + "), whose report has been submitted; the period is locked.");
                });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodLocks other && Objects.equals(locked, other.locked);
    }

    @Override
    public int hashCode() {
        return Objects.hash(locked);
    }
}
