package io.seire.kernel.programme;

import java.math.BigDecimal;
import java.util.List;

/**
 * Register a programme: the currency its projects keep their books in, the currency and ceiling of what it claims
 * from its funder, its funding sources, components and indicators.
 */
public record RegisterProgramme(String programmeId, String name, String currency, String claimCurrency,
                                BigDecimal ceiling, List<FundingSource> fundingSources,
                                List<ProgrammeComponent> components, List<ProgrammeIndicator> indicators)
        implements ProgrammeCommand {
}
