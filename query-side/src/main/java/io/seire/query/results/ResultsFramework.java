package io.seire.query.results;

import io.seire.query.read.Decimals;
import io.seire.query.read.Periods;
import io.seire.query.read.ProjectBatch;
import io.seire.query.read.ProjectScope;
import io.seire.query.setup.ProjectViews;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Annex 2, the results framework: per indicator its baseline, the milestone due by the period's end, the target,
 * the value in the period, the cumulative value to the period's end, % of target and status.
 *
 * <p>{@code SUM}: cumulative = baseline + every value up to the period; {@code LATEST}: the latest value up to the
 * period, else the baseline; {@code MAX}: the highest of the baseline and the values. "Reached" is ≥ for ascending
 * and ≤ for descending indicators. Retracted values count as never recorded.
 */
@Component
public class ResultsFramework {

    /** {@code values}: the period's values in force, in the order they were recorded, each with its note and evidence. */
    public record Row(String code, String name, String unit, String measure, String aggregation, boolean ascending,
                      String baseline, String milestone, String target, String valueInPeriod, String cumulative,
                      String percentOfTarget, String status, List<PeriodValue> values) {
    }

    /** One value recorded for the period; {@code note} and {@code evidence} are null when none was given. */
    public record PeriodValue(String id, String value, String note, String evidence) {
    }

    private record Indicator(String code, String name, String unit, String measure, String aggregation,
                             boolean ascending, BigDecimal baseline, BigDecimal target, String milestonesJson) {
    }

    private record Value(String indicator, int ordinal, long position, String value, String id, String note,
                         String evidence) {
    }

    private final JdbcClient jdbc;

    public ResultsFramework(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> view(ProjectScope scope, Periods.Period period) {
        return views(Map.of(scope, period)).get(scope.id());
    }

    /**
     * The results frameworks of several projects, each at its own horizon and for its own period, in three queries
     * whatever their number (a programme's results roll-up reads all of its projects at once).
     *
     * <p>Which periods count (those ending by the period's end) is
     * decided here from the projects' periods rather than by joining every value to its period in SQL, which made
     * the database look up a period per value.
     */
    public Map<String, List<Row>> views(Map<ProjectScope, Periods.Period> periods) {
        ProjectBatch batch = ProjectBatch.of(periods.keySet());
        Map<String, List<Indicator>> indicators = new HashMap<>();
        jdbc.sql("SELECT i.project_id, code, name, coalesce(unit, '') AS unit, measure, aggregation, ascending, "
                        + "baseline, target, milestones::text AS milestones FROM indicator i " + batch.join("i")
                        + " WHERE " + batch.visible("i") + " ORDER BY i.project_id, i.position")
                .params(batch.params())
                .query(rs -> {
                    indicators.computeIfAbsent(rs.getString("project_id"), k -> new ArrayList<>()).add(new Indicator(
                            rs.getString("code"), rs.getString("name"), rs.getString("unit"), rs.getString("measure"),
                            rs.getString("aggregation"), rs.getBoolean("ascending"), rs.getBigDecimal("baseline"),
                            rs.getBigDecimal("target"), rs.getString("milestones")));
                });
        Map<String, Map<String, Periods.Period>> periodsById = new HashMap<>();
        Periods.ofAll(jdbc, periods.keySet().stream().map(ProjectScope::id).toList()).forEach((project, list) -> list.forEach(p ->
                periodsById.computeIfAbsent(project, k -> new HashMap<>()).put(p.id(), p)));
        Map<String, Periods.Period> asked = new HashMap<>();
        periods.forEach((scope, period) -> asked.put(scope.id(), period));
        Map<String, Map<String, List<Value>>> values = new HashMap<>();
        jdbc.sql("SELECT v.project_id, v.indicator, v.period_id, v.position, v.value, v.value_id, v.note, v.evidence "
                        + "FROM indicator_value_version v " + batch.join("v") + " WHERE " + batch.inForce("v")
                        + " AND v.status = 'RECORDED'")
                .params(batch.params())
                .query(rs -> {
                    String project = rs.getString("project_id");
                    Periods.Period of = periodsById.getOrDefault(project, Map.of()).get(rs.getString("period_id"));
                    if (of == null || of.to().isAfter(asked.get(project).to())) {
                        return; // a value of a later period than the one asked for
                    }
                    values.computeIfAbsent(project, k -> new HashMap<>())
                            .computeIfAbsent(rs.getString("indicator"), k -> new ArrayList<>())
                            .add(new Value(rs.getString("indicator"), of.ordinal(), rs.getLong("position"),
                                    rs.getString("value"), rs.getString("value_id"), rs.getString("note"),
                                    rs.getString("evidence")));
                });
        Map<String, List<Row>> views = new HashMap<>();
        periods.forEach((scope, period) -> {
            Map<String, List<Value>> ofProject = values.getOrDefault(scope.id(), Map.of());
            List<Row> rows = new ArrayList<>();
            for (Indicator indicator : indicators.getOrDefault(scope.id(), List.of())) {
                rows.add(row(indicator, period, ofProject.getOrDefault(indicator.code(), List.of())));
            }
            views.put(scope.id(), rows);
        });
        return views;
    }

    private static Row row(Indicator ind, Periods.Period period, List<Value> upToPeriod) {
        BigDecimal milestone = null;
        for (ProjectViews.Milestone m : ProjectViews.milestones(ind.milestonesJson())) {
            if (!m.date().isAfter(period.to()) && m.value() != null) {
                milestone = new BigDecimal(m.value());
            }
        }
        List<Value> ordered = new ArrayList<>(upToPeriod);
        ordered.sort(Comparator.comparingInt(Value::ordinal).thenComparingLong(Value::position));
        List<Value> inPeriod = ordered.stream().filter(v -> v.ordinal() == period.ordinal()).toList();
        boolean text = "TEXT".equals(ind.measure());
        List<PeriodValue> values = inPeriod.stream().map(v -> new PeriodValue(v.id(),
                text ? v.value() : Decimals.plain(new BigDecimal(v.value())), v.note(), v.evidence())).toList();
        if (text) {
            return new Row(ind.code(), ind.name(), ind.unit(), ind.measure(), ind.aggregation(), ind.ascending(),
                    Decimals.plain(ind.baseline()), Decimals.plain(milestone), Decimals.plain(ind.target()),
                    last(inPeriod), last(ordered), null, null, values);
        }
        BigDecimal baseline = ind.baseline() == null ? BigDecimal.ZERO : ind.baseline();
        BigDecimal valueInPeriod;
        BigDecimal cumulative;
        switch (ind.aggregation()) {
            case "SUM" -> {
                valueInPeriod = sum(inPeriod);
                cumulative = baseline.add(sum(ordered));
            }
            case "MAX" -> {
                valueInPeriod = inPeriod.stream().map(v -> new BigDecimal(v.value())).max(BigDecimal::compareTo).orElse(null);
                cumulative = ordered.stream().map(v -> new BigDecimal(v.value())).reduce(baseline, BigDecimal::max);
            }
            default -> {
                valueInPeriod = inPeriod.isEmpty() ? null : new BigDecimal(last(inPeriod));
                cumulative = ordered.isEmpty() ? baseline : new BigDecimal(last(ordered));
            }
        }
        BigDecimal target = ind.target();
        String percent = null;
        String status = null;
        if (target != null) {
            BigDecimal span = target.subtract(baseline);
            if (span.signum() != 0) {
                percent = cumulative.subtract(baseline).multiply(BigDecimal.valueOf(100))
                        .divide(span, 2, RoundingMode.HALF_UP).toPlainString();
            }
            if (reached(cumulative, target, ind.ascending())) {
                status = "ACHIEVED";
            } else if (milestone != null) {
                status = reached(cumulative, milestone, ind.ascending()) ? "ON_TRACK" : "BEHIND";
            }
        }
        return new Row(ind.code(), ind.name(), ind.unit(), ind.measure(), ind.aggregation(), ind.ascending(),
                Decimals.plain(ind.baseline()), Decimals.plain(milestone), Decimals.plain(target),
                Decimals.plain(valueInPeriod), Decimals.plain(cumulative), percent, status, values);
    }

    private static boolean reached(BigDecimal value, BigDecimal goal, boolean ascending) {
        return ascending ? value.compareTo(goal) >= 0 : value.compareTo(goal) <= 0;
    }

    private static BigDecimal sum(List<Value> values) {
        return values.stream().map(v -> new BigDecimal(v.value())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String last(List<Value> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1).value();
    }
}
