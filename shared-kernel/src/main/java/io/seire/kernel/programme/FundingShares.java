package io.seire.kernel.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an amount among funding sources by their shares: each source's amount is amount × share / 100, rounded
 * HALF_UP to the minor unit, except the last (in list order), which takes what is left, so the amounts always add
 * up to the amount exactly.
 */
public final class FundingShares {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FundingShares() {
    }

    public static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> shares, int minorDigits) {
        List<BigDecimal> amounts = new ArrayList<>();
        BigDecimal rest = amount.setScale(minorDigits, RoundingMode.UNNECESSARY);
        for (int i = 0; i < shares.size(); i++) {
            if (i == shares.size() - 1) {
                amounts.add(rest);
            } else {
                BigDecimal part = amount.multiply(shares.get(i)).divide(HUNDRED)
                        .setScale(minorDigits, RoundingMode.HALF_UP);
                amounts.add(part);
                rest = rest.subtract(part);
            }
        }
        return amounts;
    }
}
