package io.seire.query.finance;

import io.seire.query.read.Horizon;
import io.seire.query.read.ProjectBatch;
import io.seire.query.read.ProjectScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sums of what a project spent per budget line, over the expenditures in force at a horizon: cancelled ones do not
 * count, a corrected one counts with its corrected fields.
 */
public class Spending {

    /** Spending of one budget line: within [from, to], cumulatively up to {@code to}, and before {@code from}. */
    public record LineSums(BigDecimal inPeriod, BigDecimal cumulative, BigDecimal before) {
        static final LineSums ZERO = new LineSums(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Now: the per-day sums of the versions in force (kept by the database, see V8). Parameters: project, up to. */
    private static final String IN_FORCE_NOW = "spending_day WHERE project_id = :projectId AND incurred_on <= :to";
    /** At a past horizon: the versions in force then. Parameters: project, up to, the horizon. */
    private static final String IN_FORCE_AT = "expenditure_version WHERE project_id = :projectId AND incurred_on <= :to "
            + "AND position <= :maxPosition AND (superseded_position IS NULL OR superseded_position > :maxPosition) "
            + "AND status = 'RECORDED'";

    public static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

    private final JdbcClient jdbc;

    public Spending(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per budget line, in one pass: spent with incurredOn in [from, to], with incurredOn ≤ to, and before from
     * (flat-rate lines need the last two of their base category).
     */
    public Map<String, LineSums> byLine(String projectId, Horizon horizon, LocalDate from, LocalDate to) {
        Map<String, LineSums> sums = new HashMap<>();
        String sql = "SELECT budget_line, coalesce(sum(amount) FILTER (WHERE incurred_on >= :from), 0) AS in_range, "
                + "coalesce(sum(amount), 0) AS cumulative, coalesce(sum(amount) FILTER (WHERE incurred_on < :from), 0) AS before "
                + "FROM " + inForce(horizon) + " GROUP BY budget_line";
        inForce(jdbc.sql(sql), horizon, projectId, to).param("from", from).query(rs -> {
            sums.put(rs.getString("budget_line"), new LineSums(rs.getBigDecimal("in_range"), rs.getBigDecimal("cumulative"),
                    rs.getBigDecimal("before")));
        });
        return sums;
    }

    /**
     * Per project and budget line: spent with incurredOn ≤ {@code to}, each project at its own horizon, in one
     * query (the roll-ups of a programme). The projects are all read now, or all at past horizons.
     */
    public Map<String, Map<String, BigDecimal>> cumulativeByLine(List<ProjectScope> projects, LocalDate to) {
        Map<String, Map<String, BigDecimal>> sums = new HashMap<>();
        projects.forEach(p -> sums.put(p.id(), new HashMap<>()));
        if (projects.isEmpty()) {
            return sums;
        }
        ProjectBatch batch = ProjectBatch.of(projects);
        // now: the per-day sums the database keeps (V8), probed by the primary key for each project
        String sql = batch.isNow()
                ? "SELECT project_id, budget_line, sum(amount) AS spent FROM spending_day WHERE project_id = ANY(:projectIds) "
                        + "AND incurred_on <= :to GROUP BY project_id, budget_line"
                : "SELECT v.project_id, budget_line, sum(amount) AS spent FROM expenditure_version v " + batch.join("v")
                        + " WHERE " + batch.inForce("v") + " AND incurred_on <= :to AND v.status = 'RECORDED' "
                        + "GROUP BY v.project_id, budget_line";
        jdbc.sql(sql).params(batch.params()).param("to", to).query(rs -> {
            sums.get(rs.getString("project_id")).put(rs.getString("budget_line"), rs.getBigDecimal("spent"));
        });
        return sums;
    }

    /** Per cost category: spent with incurredOn ≤ date (the base of flat-rate lines). */
    public Map<String, BigDecimal> byCategoryUpTo(String projectId, Horizon horizon, LocalDate date) {
        Map<String, BigDecimal> sums = new HashMap<>();
        String sql = "SELECT cost_category, sum(amount) AS spent FROM " + inForce(horizon) + " GROUP BY cost_category";
        inForce(jdbc.sql(sql), horizon, projectId, date).query(rs -> {
            sums.put(rs.getString("cost_category"), rs.getBigDecimal("spent"));
        });
        return sums;
    }

    /** The rows spending is summed over: the project's up to a date, in force at the horizon. */
    private static String inForce(Horizon horizon) {
        return horizon.isNow() ? IN_FORCE_NOW : IN_FORCE_AT;
    }

    /** The parameters of {@link #inForce(Horizon)}: the project, the date, and the horizon when it is in the past. */
    private static JdbcClient.StatementSpec inForce(JdbcClient.StatementSpec statement, Horizon horizon,
                                                    String projectId, LocalDate to) {
        statement.param("projectId", projectId).param("to", to);
        return horizon.isNow() ? statement : statement.param("maxPosition", horizon.maxPosition());
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
