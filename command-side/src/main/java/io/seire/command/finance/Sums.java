package io.seire.command.finance;

import io.seire.kernel.finance.ExpenditureDetails;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** Spending per budget line and cost category, as the budget rules read it. */
interface Sums {

    BigDecimal line(String code);

    BigDecimal category(String category);

    BigDecimal allLines();

    /** These sums with one expenditure more ({@code sign} 1) or less (-1), without copying anything large. */
    default Sums with(ExpenditureDetails d, String costCategory, int sign) {
        return new Adjusted(this).with(d, costCategory, sign);
    }

    /** A small change on top of other sums. */
    final class Adjusted implements Sums {
        private final Sums base;
        private final Map<String, BigDecimal> lines = new HashMap<>();
        private final Map<String, BigDecimal> categories = new HashMap<>();
        private BigDecimal all = BigDecimal.ZERO;

        Adjusted(Sums base) {
            this.base = base;
        }

        @Override
        public Sums with(ExpenditureDetails d, String costCategory, int sign) {
            BigDecimal amount = sign > 0 ? d.amount() : d.amount().negate();
            lines.merge(d.budgetLine(), amount, BigDecimal::add);
            categories.merge(costCategory, amount, BigDecimal::add);
            all = all.add(amount);
            return this;
        }

        @Override
        public BigDecimal line(String code) {
            return base.line(code).add(lines.getOrDefault(code, BigDecimal.ZERO));
        }

        @Override
        public BigDecimal category(String category) {
            return base.category(category).add(categories.getOrDefault(category, BigDecimal.ZERO));
        }

        @Override
        public BigDecimal allLines() {
            return base.allLines().add(all);
        }
    }
}
