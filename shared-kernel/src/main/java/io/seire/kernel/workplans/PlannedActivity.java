package io.seire.kernel.workplans;

import java.time.LocalDate;

/** What a work plan plans to do in a sub-activity, and when within its year. */
public record PlannedActivity(String subActivity, LocalDate from, LocalDate to, String description) {
}
