package io.seire.command.programme;

import io.seire.kernel.CurrencyCode;
import io.seire.kernel.programme.FundingSource;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a reimbursement request of a project needs from its programme: the currency claims are made in, the ceiling
 * all of the programme's claims together stay within, and the funding sources whose shares split each claim.
 */
public record ClaimTerms(String programmeId, CurrencyCode claimCurrency, BigDecimal ceiling,
                         List<FundingSource> fundingSources) {

    public ClaimTerms {
        fundingSources = List.copyOf(fundingSources);
    }
}
