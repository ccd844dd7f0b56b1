package io.seire.kernel.setup;

import java.math.BigDecimal;

/** A budget line whose spending is computed: percent % of what the project spends in another cost category. */
public record FlatRate(BigDecimal percent, String ofCostCategory) {
}
