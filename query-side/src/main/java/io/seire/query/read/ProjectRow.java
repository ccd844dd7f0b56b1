package io.seire.query.read;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A project's registration as the views need it. */
public record ProjectRow(String id, String name, String programme, String beneficiary, String currency,
                         int minorDigits, LocalDate eligibleFrom, LocalDate eligibleTo, BigDecimal flexibilityPercent,
                         long position) {
}
