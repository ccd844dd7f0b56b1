package io.seire.command.finance;

import io.seire.kernel.finance.ExpenditureDetails;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Running sums of what is spent (non-cancelled expenditures, over all dates) per budget line and cost category, and
 * how many non-cancelled expenditures carry each (supplier, invoice). The budget rules need nothing else, so a
 * write costs the same whatever the history.
 */
public class Totals implements Sums {

    private Map<String, BigDecimal> byLine = new HashMap<>();
    private Map<String, BigDecimal> byCategory = new HashMap<>();
    private Map<String, Integer> invoices = new HashMap<>();
    private BigDecimal allLines = BigDecimal.ZERO;

    Totals copy() {
        Totals copy = new Totals();
        copy.byLine = new HashMap<>(byLine);
        copy.byCategory = new HashMap<>(byCategory);
        copy.invoices = new HashMap<>(invoices);
        copy.allLines = allLines;
        return copy;
    }

    void add(ExpenditureDetails d, String costCategory) {
        change(d, costCategory, 1);
    }

    void remove(ExpenditureDetails d, String costCategory) {
        change(d, costCategory, -1);
    }

    private void change(ExpenditureDetails d, String costCategory, int sign) {
        BigDecimal amount = sign > 0 ? d.amount() : d.amount().negate();
        byLine.merge(d.budgetLine(), amount, BigDecimal::add);
        byCategory.merge(costCategory, amount, BigDecimal::add);
        allLines = allLines.add(amount);
        String key = invoiceKey(d);
        if (key != null) {
            invoices.merge(key, sign, Integer::sum);
            if (invoices.get(key) <= 0) {
                invoices.remove(key);
            }
        }
    }

    @Override
    public BigDecimal line(String code) {
        return byLine.getOrDefault(code, BigDecimal.ZERO);
    }

    @Override
    public BigDecimal category(String category) {
        return byCategory.getOrDefault(category, BigDecimal.ZERO);
    }

    @Override
    public BigDecimal allLines() {
        return allLines;
    }

    /** How many non-cancelled expenditures carry this one's (supplier, invoice), leaving {@code except} out. */
    int invoiceCount(ExpenditureDetails d, ExpenditureDetails except) {
        int count = invoiceCount(d);
        return except != null && java.util.Objects.equals(invoiceKey(d), invoiceKey(except)) ? count - 1 : count;
    }

    int invoiceCount(ExpenditureDetails d) {
        String key = invoiceKey(d);
        return key == null ? 0 : invoices.getOrDefault(key, 0);
    }

    static String invoiceKey(ExpenditureDetails d) {
        if (d.supplier() == null || d.invoice() == null || d.supplier().isBlank() || d.invoice().isBlank()) {
            return null;
        }
        return d.supplier().strip().toLowerCase(java.util.Locale.ROOT) + '\u0000' + d.invoice().strip();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Totals other && Objects.equals(byLine, other.byLine)
                && Objects.equals(byCategory, other.byCategory) && Objects.equals(invoices, other.invoices)
                && allLines.compareTo(other.allLines) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(byLine, byCategory, invoices);
    }
}
