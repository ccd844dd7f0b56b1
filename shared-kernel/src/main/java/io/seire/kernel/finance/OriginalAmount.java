package io.seire.kernel.finance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an invoice in another currency said, and the rate used to turn it into the project currency:
 * {@code rate} is project currency per one unit of {@code currency}. {@code rateSource} is optional.
 */
public record OriginalAmount(BigDecimal amount, String currency, BigDecimal rate, LocalDate rateDate,
                             String rateSource) {
}
