package io.seire.command.finance;

import io.seire.command.setup.BudgetLine;
import io.seire.command.setup.ProjectSetup;
import io.seire.kernel.Money;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.finance.ExpenditureDetails;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The budget limits, decided at the moment of a write with the planned amounts in force on the expenditure's
 * incurred date: a line may overshoot its plan by the project's flexibility at most, and the project's total
 * spending (flat-rate amounts included) may never exceed its total plan. A write that lowers spending is never
 * refused by these rules.
 */
final class BudgetRules {

    static final String LINE_FLEXIBILITY = "line-within-flexibility";
    static final String PROJECT_TOTAL = "project-total-not-exceeded";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ProjectSetup setup;
    /** The total planned on each date asked: the setup does not change while one command is decided. */
    private final java.util.Map<LocalDate, BigDecimal> totalsPlanned = new java.util.HashMap<>();

    /** The rules for one command: an import checks all its rows with one instance. */
    BudgetRules(ProjectSetup setup) {
        this.setup = setup;
    }

    void check(Sums before, Sums after, ExpenditureDetails written) {
        LocalDate on = written.incurredOn();
        BudgetLine line = setup.line(written.budgetLine());
        BigDecimal lineAfter = after.line(line.code());
        if (lineAfter.compareTo(before.line(line.code())) > 0) {
            BigDecimal planned = line.plannedOn(on);
            BigDecimal allowed = planned.multiply(BigDecimal.ONE.add(setup.flexibilityPercent().divide(HUNDRED)));
            if (lineAfter.compareTo(allowed) > 0) {
                throw RuleViolation.unprocessable(LINE_FLEXIBILITY, "amount", "Budget line '" + line.code()
                        + "' would reach " + money(lineAfter) + ", more than its planned " + money(planned)
                        + flexibilityText(allowed) + " on " + on + ". Nothing was recorded.");
            }
        }
        BigDecimal totalAfter = spending(after);
        if (totalAfter.compareTo(spending(before)) > 0) {
            BigDecimal totalPlanned = totalPlannedOn(on);
            if (totalAfter.compareTo(totalPlanned) > 0) {
                throw RuleViolation.unprocessable(PROJECT_TOTAL, "amount", "The project's spending, flat-rate costs "
                        + "included, would reach " + money(totalAfter) + ", more than its total planned budget of "
                        + money(totalPlanned) + " on " + on + ". Nothing was recorded.");
            }
        }
    }

    /** All spending: ordinary lines plus each flat-rate line's share of its base category. */
    BigDecimal spending(Sums totals) {
        BigDecimal total = totals.allLines();
        for (BudgetLine line : setup.budgetLines()) {
            if (line.isFlatRate()) {
                total = total.add(flatRate(totals.category(line.flatRate().ofCostCategory()), line.flatRate().percent()));
            }
        }
        return total;
    }

    BigDecimal totalPlannedOn(LocalDate date) {
        return totalsPlanned.computeIfAbsent(date, this::sumPlannedOn);
    }

    private BigDecimal sumPlannedOn(LocalDate date) {
        BigDecimal total = BigDecimal.ZERO;
        for (BudgetLine line : setup.budgetLines()) {
            total = total.add(plannedOn(line, date));
        }
        return total;
    }

    private BigDecimal plannedOn(BudgetLine line, LocalDate date) {
        if (!line.isFlatRate()) {
            return line.plannedOn(date);
        }
        BigDecimal base = BigDecimal.ZERO;
        for (BudgetLine other : setup.budgetLines()) {
            if (!other.isFlatRate() && other.costCategory().equals(line.flatRate().ofCostCategory())) {
                base = base.add(other.plannedOn(date));
            }
        }
        return flatRate(base, line.flatRate().percent());
    }

    private BigDecimal flatRate(BigDecimal base, BigDecimal percent) {
        return Money.of(base, setup.currency()).percent(percent).amount();
    }

    private String flexibilityText(BigDecimal allowed) {
        return setup.flexibilityPercent().signum() == 0 ? " (the project allows no overshoot)"
                : " plus the " + setup.flexibilityPercent().stripTrailingZeros().toPlainString()
                + " % flexibility the project allows (" + money(allowed) + ")";
    }

    private String money(BigDecimal amount) {
        return amount.setScale(setup.currency().minorDigits(), java.math.RoundingMode.HALF_UP).toPlainString() + " "
                + setup.currency();
    }
}
