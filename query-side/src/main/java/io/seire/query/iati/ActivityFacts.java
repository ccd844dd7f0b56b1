package io.seire.query.iati;

import io.seire.query.finance.BudgetPlan;
import io.seire.query.read.Decimals;
import io.seire.query.read.Periods;
import io.seire.query.read.ProjectBatch;
import io.seire.query.read.ProjectScope;
import io.seire.query.results.ResultsFramework;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * What an IATI activity says about a project besides its transactions, read for a batch of projects at once, each
 * at its own horizon: sub-activities, indicators and, per reporting period, the project's own results framework;
 * when its first expenditure still standing was incurred, when its history last changed, the end of the period
 * of its approved final report, and the yearly budgets of its approved work plans. The number of queries grows with the batch's longest list of reporting periods,
 * not with the number of projects.
 */
record ActivityFacts(ProjectScope scope, List<Periods.Period> periods, List<String> subActivities,
                     List<Indicator> indicators, List<Map<String, ResultsFramework.Row>> resultsByPeriod,
                     LocalDate firstSpent, Instant lastUpdated, LocalDate closedOn, List<Budget> budgets) {

    /**
     * A year's budget from its approved work plan: the original (the first version approved) or the revised one (the
     * version in force, when a later version was approved), with what the plan's lines and the flat-rate lines come to.
     */
    record Budget(int year, boolean revised, BigDecimal total) {
    }

    /** An indicator as defined at the horizon. */
    record Indicator(String code, String name, String unit, String kind, String measure, boolean ascending,
                     String baseline) {
    }

    /** The results framework row of an indicator for the reporting period at {@code index} (in date order), or null. */
    ResultsFramework.Row result(int index, String indicator) {
        return index < resultsByPeriod.size() ? resultsByPeriod.get(index).get(indicator) : null;
    }

    private record Dates(LocalDate firstSpent, Instant lastUpdated, LocalDate closedOn) {
    }

    static List<ActivityFacts> load(JdbcClient jdbc, ResultsFramework resultsFramework, List<ProjectScope> batch) {
        ProjectBatch projects = ProjectBatch.of(batch);
        Map<String, List<Periods.Period>> periods = Periods.ofAll(jdbc, batch.stream().map(ProjectScope::id).toList());

        Map<String, List<String>> subActivities = new HashMap<>();
        jdbc.sql("SELECT s.project_id, s.code, s.name FROM sub_activity s " + projects.join("s") + " WHERE "
                        + projects.visible("s") + " ORDER BY s.project_id, s.position")
                .params(projects.params())
                .query(rs -> {
                    subActivities.computeIfAbsent(rs.getString("project_id"), k -> new ArrayList<>())
                            .add(rs.getString("code") + ". " + rs.getString("name"));
                });

        Map<String, List<Indicator>> indicators = new HashMap<>();
        jdbc.sql("SELECT i.project_id, i.code, i.name, coalesce(i.unit, '') AS unit, i.kind, i.measure, i.ascending, "
                        + "i.baseline FROM indicator i " + projects.join("i") + " WHERE " + projects.visible("i")
                        + " ORDER BY i.project_id, i.position")
                .params(projects.params())
                .query(rs -> {
                    indicators.computeIfAbsent(rs.getString("project_id"), k -> new ArrayList<>()).add(new Indicator(
                            rs.getString("code"), rs.getString("name"), rs.getString("unit"), rs.getString("kind"),
                            rs.getString("measure"), rs.getBoolean("ascending"), Decimals.plain(rs.getBigDecimal("baseline"))));
                });

        // the k-th reporting period of every project that has one and indicators, through the results framework's own
        // view: no rule of it has a second copy here (ADR 0022)
        Map<String, List<Map<String, ResultsFramework.Row>>> results = new HashMap<>();
        int longest = periods.values().stream().mapToInt(List::size).max().orElse(0);
        for (int k = 0; k < longest; k++) {
            Map<ProjectScope, Periods.Period> kth = new LinkedHashMap<>();
            for (ProjectScope scope : batch) {
                List<Periods.Period> own = periods.get(scope.id());
                if (k < own.size() && indicators.containsKey(scope.id())) {
                    kth.put(scope, own.get(k));
                }
            }
            if (kth.isEmpty()) {
                break;
            }
            resultsFramework.views(kth).forEach((project, rows) -> {
                Map<String, ResultsFramework.Row> byCode = new HashMap<>();
                rows.forEach(row -> byCode.put(row.code(), row));
                results.computeIfAbsent(project, p -> new ArrayList<>()).add(byCode);
            });
        }

        Map<String, Dates> dates = new HashMap<>();
        jdbc.sql("SELECT h.project_id, "
                        + "(SELECT e.incurred_on FROM expenditure_version e WHERE e.project_id = h.project_id "
                        + "AND e.status = 'RECORDED' AND e.position <= h.max_position "
                        + "AND (e.superseded_position IS NULL OR e.superseded_position > h.max_position) "
                        + "ORDER BY e.incurred_on LIMIT 1) AS first_expenditure, "
                        + "(SELECT a.recorded_at FROM audit_entry a WHERE a.project_id = h.project_id "
                        + "AND a.position <= h.max_position ORDER BY a.position DESC LIMIT 1) AS last_updated, "
                        + "(SELECT max(p.date_to) FROM report r "
                        + "JOIN report_decision d ON d.project_id = r.project_id AND d.report_id = r.report_id "
                        + "JOIN reporting_period p ON p.project_id = r.project_id AND p.period_id = r.period_id "
                        + "WHERE r.project_id = h.project_id AND r.kind = 'FINAL' AND d.decision = 'APPROVED' "
                        + "AND d.position <= h.max_position) AS completed "
                        + "FROM unnest(:projectIds::text[], :maxPositions::bigint[]) AS h(project_id, max_position)")
                // the horizons serve the subqueries
                .param("projectIds", new SqlArrayValue("text", (Object[]) ProjectScope.ids(batch)))
                .param("maxPositions", new SqlArrayValue("bigint", (Object[]) ProjectScope.maxPositions(batch)))
                .query(rs -> {
                    java.sql.Timestamp updated = rs.getTimestamp("last_updated");
                    dates.put(rs.getString("project_id"), new Dates(rs.getObject("first_expenditure", LocalDate.class),
                            updated == null ? null : updated.toInstant(), rs.getObject("completed", LocalDate.class)));
                });

        Map<String, List<Budget>> budgets = budgets(jdbc, batch);

        List<ActivityFacts> facts = new ArrayList<>();
        for (ProjectScope scope : batch) {
            Dates d = dates.getOrDefault(scope.id(), new Dates(null, null, null));
            facts.add(new ActivityFacts(scope, periods.get(scope.id()), subActivities.getOrDefault(scope.id(), List.of()),
                    indicators.getOrDefault(scope.id(), List.of()), results.getOrDefault(scope.id(), List.of()),
                    d.firstSpent(), d.lastUpdated(), d.closedOn(), budgets.getOrDefault(scope.id(), List.of())));
        }
        return facts;
    }

    private record Approval(int year, int version, Map<String, BigDecimal> amounts) {
    }

    /**
     * Per project and year with an approved work plan at the horizon: the original budget (the first version
     * approved) and, when a later version was approved, the revised one (the version in force; the versions approved
     * in between are superseded and left out, so that no two budgets of one type cover the same year). A budget's
     * total is the sum of the plan's amounts and of each flat-rate line's rate of the year's planned base category,
     * rounded as every flat-rate amount is (ADR 0024).
     */
    private static Map<String, List<Budget>> budgets(JdbcClient jdbc, List<ProjectScope> batch) {
        Map<String, Map<Integer, List<Approval>>> approvals = new HashMap<>();
        ProjectBatch projects = ProjectBatch.of(batch);
        jdbc.sql("SELECT s.project_id, s.year, s.version, v.budget::text AS budget FROM work_plan_step s " + projects.join("s")
                        + " JOIN work_plan_version v ON v.project_id = s.project_id AND v.year = s.year AND v.version = s.version "
                        + "WHERE s.status = 'APPROVED' AND " + projects.visible("s") + " "
                        + "ORDER BY s.project_id, s.year, s.position")
                .params(projects.params())
                .query(rs -> {
                    approvals.computeIfAbsent(rs.getString("project_id"), k -> new java.util.TreeMap<>())
                            .computeIfAbsent(rs.getInt("year"), k -> new ArrayList<>())
                            .add(new Approval(rs.getInt("year"), rs.getInt("version"), amounts(rs.getString("budget"))));
                });
        if (approvals.isEmpty()) {
            return Map.of();
        }
        Map<String, BudgetPlan> plans = BudgetPlan.loadAll(jdbc, batch.stream()
                .filter(scope -> approvals.containsKey(scope.id())).toList());
        Map<String, List<Budget>> budgets = new HashMap<>();
        approvals.forEach((project, years) -> {
            BudgetPlan plan = plans.get(project);
            List<Budget> ofProject = new ArrayList<>();
            years.forEach((year, approved) -> {
                Approval first = approved.get(0);
                Approval inForce = approved.get(approved.size() - 1);
                ofProject.add(new Budget(year, false, total(plan, first.amounts())));
                if (approved.size() > 1) {
                    ofProject.add(new Budget(year, true, total(plan, inForce.amounts())));
                }
            });
            budgets.put(project, ofProject);
        });
        return budgets;
    }

    private static BigDecimal total(BudgetPlan plan, Map<String, BigDecimal> amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (BudgetPlan.Line line : plan.lines()) {
            if (!line.isFlatRate()) {
                total = total.add(amounts.getOrDefault(line.code(), BigDecimal.ZERO));
                continue;
            }
            BigDecimal base = plan.lines().stream()
                    .filter(l -> !l.isFlatRate() && l.costCategory().equals(line.flatRateOf()))
                    .map(l -> amounts.getOrDefault(l.code(), BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            total = total.add(plan.flatRate(base, line.flatRatePercent()));
        }
        return total;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = io.seire.platform.eventstore.StoredJson.mapper();

    /** A work plan version's budget, {@code [{"budgetLine","planned"}]}, by line. */
    private static Map<String, BigDecimal> amounts(String json) {
        try {
            Map<String, BigDecimal> byLine = new HashMap<>();
            for (Map<String, String> row : JSON.readValue(json,
                    new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, String>>>() {
                    })) {
                byLine.put(row.get("budgetLine"), new BigDecimal(row.get("planned")));
            }
            return byLine;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A work plan's budget that cannot be read: " + json, e);
        }
    }
}
