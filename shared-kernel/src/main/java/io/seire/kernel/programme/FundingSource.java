package io.seire.kernel.programme;

import java.math.BigDecimal;

/**
 * Who pays a share of every eligible cost (e.g. the Swiss contribution, 85 %, and the national co-financing, 15 %),
 * and whether that share is claimed back from the programme's funder.
 */
public record FundingSource(String code, String name, BigDecimal share, boolean claimable) {
}
