package io.seire.query.finance;

import io.seire.query.read.Horizon;
import io.seire.query.read.ProjectBatch;
import io.seire.query.read.ProjectScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A project's budget lines as known at a horizon, with the planned amount of each on any date. A flat-rate line's
 * planned amount is its rate times the planned amount of its base category, rounded to the minor unit HALF_UP.
 */
public class BudgetPlan {

    public static final class Line {
        private final String code;
        private final String subActivity;
        private final String costCategory;
        private final BigDecimal originalPlanned;
        private final BigDecimal flatRatePercent;
        private final String flatRateOf;
        private final TreeMap<LocalDate, BigDecimal> revisions = new TreeMap<>();

        Line(String code, String subActivity, String costCategory, BigDecimal originalPlanned,
             BigDecimal flatRatePercent, String flatRateOf) {
            this.code = code;
            this.subActivity = subActivity;
            this.costCategory = costCategory;
            this.originalPlanned = originalPlanned;
            this.flatRatePercent = flatRatePercent;
            this.flatRateOf = flatRateOf;
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

        public boolean isFlatRate() {
            return flatRatePercent != null;
        }

        public BigDecimal flatRatePercent() {
            return flatRatePercent;
        }

        public String flatRateOf() {
            return flatRateOf;
        }

        BigDecimal ownPlannedOn(LocalDate date) {
            Map.Entry<LocalDate, BigDecimal> revision = date == null ? null : revisions.floorEntry(date);
            return revision == null ? originalPlanned : revision.getValue();
        }
    }

    private final Map<String, Line> lines;
    private final int minorDigits;

    private BudgetPlan(Map<String, Line> lines, int minorDigits) {
        this.lines = lines;
        this.minorDigits = minorDigits;
    }

    public static BudgetPlan load(JdbcClient jdbc, String projectId, Horizon horizon, int minorDigits) {
        Map<String, Line> lines = new LinkedHashMap<>();
        jdbc.sql("SELECT code, sub_activity, cost_category, planned, flat_rate_percent, flat_rate_of FROM budget_line "
                        + "WHERE project_id = :projectId AND position <= :maxPosition ORDER BY position")
                .param("projectId", projectId).param("maxPosition", horizon.maxPosition())
                .query(rs -> {
                    lines.put(rs.getString("code"), new Line(rs.getString("code"), rs.getString("sub_activity"),
                            rs.getString("cost_category"), rs.getBigDecimal("planned"),
                            rs.getBigDecimal("flat_rate_percent"), rs.getString("flat_rate_of")));
                });
        jdbc.sql("SELECT code, effective_from, planned FROM budget_line_revision WHERE project_id = :projectId "
                        + "AND position <= :maxPosition ORDER BY position")
                .param("projectId", projectId).param("maxPosition", horizon.maxPosition())
                .query(rs -> {
                    Line line = lines.get(rs.getString("code"));
                    if (line != null) {
                        line.revisions.put(rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("planned"));
                    }
                });
        return new BudgetPlan(lines, minorDigits);
    }

    /**
     * The plans of several projects in two queries, each project's as known at its own horizon (a programme's
     * roll-ups read all of its projects at once).
     */
    public static Map<String, BudgetPlan> loadAll(JdbcClient jdbc, List<ProjectScope> projects) {
        Map<String, Map<String, Line>> lines = new LinkedHashMap<>();
        projects.forEach(p -> lines.put(p.id(), new LinkedHashMap<>()));
        ProjectBatch batch = ProjectBatch.of(projects);
        jdbc.sql("SELECT b.project_id, code, sub_activity, cost_category, planned, flat_rate_percent, flat_rate_of "
                        + "FROM budget_line b " + batch.join("b") + " WHERE " + batch.visible("b")
                        + " ORDER BY b.project_id, b.position")
                .params(batch.params())
                .query(rs -> {
                    lines.get(rs.getString("project_id")).put(rs.getString("code"), new Line(rs.getString("code"),
                            rs.getString("sub_activity"), rs.getString("cost_category"), rs.getBigDecimal("planned"),
                            rs.getBigDecimal("flat_rate_percent"), rs.getString("flat_rate_of")));
                });
        jdbc.sql("SELECT r.project_id, code, effective_from, planned FROM budget_line_revision r " + batch.join("r")
                        + " WHERE " + batch.visible("r") + " ORDER BY r.project_id, r.position")
                .params(batch.params())
                .query(rs -> {
                    Line line = lines.get(rs.getString("project_id")).get(rs.getString("code"));
                    if (line != null) {
                        line.revisions.put(rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("planned"));
                    }
                });
        Map<String, BudgetPlan> plans = new LinkedHashMap<>();
        for (ProjectScope p : projects) {
            plans.put(p.id(), new BudgetPlan(lines.get(p.id()), p.project().minorDigits()));
        }
        return plans;
    }

    public List<Line> lines() {
        return new ArrayList<>(lines.values());
    }

    public int minorDigits() {
        return minorDigits;
    }

    /** The planned amount in force on a date; {@code null} date means the original plan. */
    public BigDecimal plannedOn(Line line, LocalDate date) {
        if (!line.isFlatRate()) {
            return line.ownPlannedOn(date);
        }
        BigDecimal base = lines.values().stream()
                .filter(l -> !l.isFlatRate() && l.costCategory().equals(line.flatRateOf()))
                .map(l -> l.ownPlannedOn(date))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return flatRate(base, line.flatRatePercent());
    }

    public BigDecimal originalPlanned(Line line) {
        return plannedOn(line, null);
    }

    public BigDecimal totalPlannedOn(LocalDate date) {
        return lines.values().stream().map(l -> plannedOn(l, date)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** {@code percent} % of an amount, rounded HALF_UP to the currency's minor unit. */
    public BigDecimal flatRate(BigDecimal base, BigDecimal percent) {
        return base.multiply(percent).divide(BigDecimal.valueOf(100)).setScale(minorDigits, RoundingMode.HALF_UP);
    }
}
