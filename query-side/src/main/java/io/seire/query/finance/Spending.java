package io.seire.query.finance;

import io.seire.query.read.Horizon;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sums of what a project spent per budget line, over the expenditures in force at a horizon: cancelled ones do not
 * count, a corrected one counts with its corrected fields.
 */
public class Spending {

    /** Spending of one budget line: within [from, to], cumulatively up to {@code to}, and before {@code from}. */
    public record LineSums(BigDecimal inPeriod, BigDecimal cumulative, BigDecimal before) {
        static final LineSums ZERO = new LineSums(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static final String IN_FORCE_NOW = "superseded_position IS NULL AND status = 'RECORDED'";
    private static final String IN_FORCE_AT = "position <= ? AND (superseded_position IS NULL OR superseded_position > ?) "
            + "AND status = 'RECORDED'";

    public static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

    private final JdbcTemplate jdbc;

    public Spending(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per budget line, in one pass: spent with incurredOn in [from, to], with incurredOn ≤ to, and before from
     * (flat-rate lines need the last two of their base category).
     */
    public Map<String, LineSums> byLine(String projectId, Horizon horizon, LocalDate from, LocalDate to) {
        Map<String, LineSums> sums = new HashMap<>();
        String sql = "SELECT budget_line, coalesce(sum(amount) FILTER (WHERE incurred_on >= ?), 0), coalesce(sum(amount), 0), "
                + "coalesce(sum(amount) FILTER (WHERE incurred_on < ?), 0) "
                + "FROM expenditure_version WHERE project_id = ? AND incurred_on <= ? AND "
                + (horizon.isNow() ? IN_FORCE_NOW : IN_FORCE_AT) + " GROUP BY budget_line";
        Object[] args = horizon.isNow() ? new Object[] {from, from, projectId, to}
                : new Object[] {from, from, projectId, to, horizon.maxPosition(), horizon.maxPosition()};
        jdbc.query(sql, rs -> {
            sums.put(rs.getString(1), new LineSums(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
        }, args);
        return sums;
    }

    /** Per cost category: spent with incurredOn ≤ date (the base of flat-rate lines). */
    public Map<String, BigDecimal> byCategoryUpTo(String projectId, Horizon horizon, LocalDate date) {
        Map<String, BigDecimal> sums = new HashMap<>();
        String sql = "SELECT cost_category, sum(amount) FROM expenditure_version WHERE project_id = ? AND incurred_on <= ? AND "
                + (horizon.isNow() ? IN_FORCE_NOW : IN_FORCE_AT) + " GROUP BY cost_category";
        Object[] args = horizon.isNow() ? new Object[] {projectId, date}
                : new Object[] {projectId, date, horizon.maxPosition(), horizon.maxPosition()};
        jdbc.query(sql, rs -> {
            sums.put(rs.getString(1), rs.getBigDecimal(2));
        }, args);
        return sums;
    }

    /** All spending of the project, flat-rate amounts included (a flat rate of all its base spending). */
    public BigDecimal total(String projectId, Horizon horizon, BudgetPlan plan) {
        Map<String, BigDecimal> byCategory = byCategoryUpTo(projectId, horizon, END_OF_TIME);
        BigDecimal total = byCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (BudgetPlan.Line line : plan.lines()) {
            if (line.isFlatRate()) {
                total = total.add(plan.flatRate(byCategory.getOrDefault(line.flatRateOf(), BigDecimal.ZERO),
                        line.flatRatePercent()));
            }
        }
        return total;
    }
}
