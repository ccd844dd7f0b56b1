package io.seire.kernel.setup;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An interim value an indicator should reach by a date. */
public record Milestone(LocalDate date, BigDecimal value) {
}
