package io.seire.kernel.programme;

import io.seire.kernel.EventVersion;
import java.math.BigDecimal;
import java.util.List;

/** A programme was registered. */
@EventVersion("1")
public record ProgrammeRegistered(String programmeId, String name, String currency, String claimCurrency,
                                  BigDecimal ceiling, List<FundingSource> fundingSources,
                                  List<ProgrammeComponent> components, List<ProgrammeIndicator> indicators)
        implements ProgrammeEvent {
}
