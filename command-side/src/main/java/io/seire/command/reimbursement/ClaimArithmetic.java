package io.seire.command.reimbursement;

import io.seire.command.setup.BudgetLine;
import io.seire.kernel.CurrencyCode;
import io.seire.kernel.Money;
import io.seire.kernel.programme.FundingShares;
import io.seire.kernel.programme.FundingSource;
import io.seire.kernel.reimbursement.ClaimFigures;
import io.seire.kernel.reimbursement.ClaimLine;
import io.seire.kernel.reimbursement.ClaimSource;
import io.seire.kernel.reimbursement.ClaimedExpenditure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a reimbursement request, by the contract's rules, from the expenditures it claims:
 * <ul>
 * <li>a budget line's {@code eligible} is the sum of its claimed amounts; a flat-rate line's is its rate × the
 * eligible amount of its base cost category in this request, HALF_UP to the minor unit; a line is listed when it has
 * a claimed amount, a flat-rate line when its base category has one;</li>
 * <li>{@code eligibleTotal} is the sum of the lines;</li>
 * <li>each funding source's amount is eligibleTotal × share / 100, HALF_UP, the last source taking the remainder
 * ({@link FundingShares}, as in the programme's {@code bySource});</li>
 * <li>{@code claimed} is the sum of the claimable sources' amounts; {@code claimedInClaimCurrency} is claimed ×
 * rate, HALF_UP to the claim currency's minor unit (from the rounded claimed amount).</li>
 * </ul>
 * Approval recomputes the same way without the excluded expenditures, with the same rate and shares.
 */
public final class ClaimArithmetic {

    /** A funding source's share, and whether it is claimed from the funder. */
    public record Share(String source, BigDecimal share, boolean claimable) {
        public static Share of(FundingSource s) {
            return new Share(s.code(), s.share(), s.claimable());
        }

        public static Share of(ClaimSource s) {
            return new Share(s.source(), s.share(), s.claimable());
        }
    }

    private ClaimArithmetic() {
    }

    public static List<Share> shares(List<FundingSource> sources) {
        return sources.stream().map(Share::of).toList();
    }

    public static ClaimFigures figures(List<ClaimedExpenditure> claimed, Collection<BudgetLine> budgetLines,
                                       List<Share> shares, BigDecimal rate, CurrencyCode currency,
                                       CurrencyCode claimCurrency) {
        int digits = currency.minorDigits();
        Map<String, BigDecimal> byLine = new HashMap<>();
        for (ClaimedExpenditure c : claimed) {
            byLine.merge(c.budgetLine(), c.amount(), BigDecimal::add);
        }
        Map<String, BigDecimal> byCategory = new HashMap<>();
        for (BudgetLine line : budgetLines) {
            BigDecimal amount = byLine.get(line.code());
            if (amount != null && !line.isFlatRate()) {
                byCategory.merge(line.costCategory(), amount, BigDecimal::add);
            }
        }
        List<ClaimLine> lines = new ArrayList<>();
        BigDecimal eligibleTotal = BigDecimal.ZERO.setScale(digits);
        for (BudgetLine line : budgetLines) {
            BigDecimal eligible;
            if (line.isFlatRate()) {
                BigDecimal base = byCategory.get(line.flatRate().ofCostCategory());
                if (base == null) {
                    continue;
                }
                eligible = Money.of(base, currency).percent(line.flatRate().percent()).amount();
            } else {
                eligible = byLine.get(line.code());
                if (eligible == null) {
                    continue;
                }
                eligible = eligible.setScale(digits, RoundingMode.UNNECESSARY);
            }
            lines.add(new ClaimLine(line.code(), line.costCategory(), eligible));
            eligibleTotal = eligibleTotal.add(eligible);
        }
        List<BigDecimal> split = FundingShares.split(eligibleTotal, shares.stream().map(Share::share).toList(), digits);
        List<ClaimSource> sources = new ArrayList<>();
        BigDecimal claimedAmount = BigDecimal.ZERO.setScale(digits);
        for (int i = 0; i < shares.size(); i++) {
            Share s = shares.get(i);
            sources.add(new ClaimSource(s.source(), s.share(), s.claimable(), split.get(i)));
            if (s.claimable()) {
                claimedAmount = claimedAmount.add(split.get(i));
            }
        }
        BigDecimal inClaimCurrency = claimedAmount.multiply(rate)
                .setScale(claimCurrency.minorDigits(), RoundingMode.HALF_UP);
        return new ClaimFigures(claimed.stream().map(ClaimedExpenditure::expenditure).toList(), lines, eligibleTotal,
                sources, claimedAmount, inClaimCurrency);
    }
}
