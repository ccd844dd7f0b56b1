package io.seire.command.setup;

import io.seire.kernel.setup.FlatRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A budget line as the rules need it: its original plan and the amendments that change it from their dates. */
public class BudgetLine {

    private String code;
    private String subActivity;
    private String costCategory;
    private BigDecimal originalPlanned;
    private FlatRate flatRate;
    private TreeMap<LocalDate, BigDecimal> revisions = new TreeMap<>();

    BudgetLine() {
    }

    BudgetLine(String code, String subActivity, String costCategory, BigDecimal originalPlanned, FlatRate flatRate) {
        this.code = code;
        this.subActivity = subActivity;
        this.costCategory = costCategory;
        this.originalPlanned = originalPlanned;
        this.flatRate = flatRate;
    }

    void revise(LocalDate effectiveFrom, BigDecimal planned) {
        revisions.put(effectiveFrom, planned);
    }

    public String code() {
        return code;
    }

    public String subActivity() {
        return subActivity;
    }

    public String costCategory() {
        return costCategory;
    }

    public FlatRate flatRate() {
        return flatRate;
    }

    public boolean isFlatRate() {
        return flatRate != null;
    }

    /** The planned amount in force on a date: the latest amendment effective on or before it, else the original. */
    public BigDecimal plannedOn(LocalDate date) {
        Map.Entry<LocalDate, BigDecimal> revision = revisions.floorEntry(date);
        return revision == null ? originalPlanned : revision.getValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BudgetLine other && Objects.equals(code, other.code)
                && Objects.equals(subActivity, other.subActivity) && Objects.equals(costCategory, other.costCategory)
                && Objects.equals(originalPlanned, other.originalPlanned) && Objects.equals(flatRate, other.flatRate)
                && Objects.equals(revisions, other.revisions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, subActivity, costCategory, originalPlanned, flatRate, revisions);
    }
}
