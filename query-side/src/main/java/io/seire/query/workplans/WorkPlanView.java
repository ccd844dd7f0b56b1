package io.seire.query.workplans;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.kernel.RuleViolation;
import io.seire.platform.eventstore.StoredJson;
import io.seire.query.read.Horizon;
import io.seire.query.read.ProjectScope;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A year's work plan as recorded up to a horizon: its latest version with its status, the version in force (the
 * one approved last) and every step of every version.
 */
@Component
public class WorkPlanView {

    public record PlannedAmount(String budgetLine, String planned) {
    }

    public record PlannedActivity(String subActivity, LocalDate from, LocalDate to, String description) {
    }

    /** The version in force: the year's plan and budget. */
    public record ApprovedWorkPlan(int version, List<PlannedAmount> budget, List<PlannedActivity> activities) {
    }

    public record WorkPlanStep(int version, String status, Instant at, String actor,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String comment) {
    }

    /** The year's latest version (status, number, budget, activities), the version in force, and the history. */
    public record WorkPlan(int year, String status, int version, List<PlannedAmount> budget,
                           List<PlannedActivity> activities, ApprovedWorkPlan approved, List<WorkPlanStep> history) {
    }

    private static final ObjectMapper JSON = StoredJson.mapper();
    private static final TypeReference<List<Map<String, String>>> ROWS = new TypeReference<>() {
    };

    private record Version(int number, List<Map<String, String>> budget, List<Map<String, String>> activities) {
    }

    private final JdbcClient jdbc;

    public WorkPlanView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public WorkPlan plan(ProjectScope scope, int year) {
        Map<Integer, Version> versions = new LinkedHashMap<>();
        jdbc.sql("SELECT version, budget::text AS budget, activities::text AS activities FROM work_plan_version "
                        + "WHERE project_id = :projectId AND year = :year AND position <= :maxPosition ORDER BY version")
                .param("projectId", scope.id()).param("year", year).param("maxPosition", scope.maxPosition())
                .query(rs -> {
                    versions.put(rs.getInt("version"), new Version(rs.getInt("version"), rows(rs.getString("budget")),
                            rows(rs.getString("activities"))));
                });
        if (versions.isEmpty()) {
            throw RuleViolation.notFound("work-plan-exists", "The project has no work plan for " + year + ".");
        }
        List<WorkPlanStep> history = jdbc.sql("SELECT version, status, recorded_at, actor, comment FROM work_plan_step "
                        + "WHERE project_id = :projectId AND year = :year AND position <= :maxPosition ORDER BY position")
                .param("projectId", scope.id()).param("year", year).param("maxPosition", scope.maxPosition())
                .query((rs, i) -> new WorkPlanStep(rs.getInt("version"), rs.getString("status"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"), rs.getString("comment")))
                .list();
        Version latest = versions.values().stream().reduce((a, b) -> b).orElseThrow();
        String status = "DRAFT";
        Integer inForce = null;
        for (WorkPlanStep step : history) {
            if (step.version() == latest.number()) {
                status = step.status();
            }
            if (step.status().equals("APPROVED")) {
                inForce = step.version();
            }
        }
        ApprovedWorkPlan approved = null;
        if (inForce != null) {
            Version v = versions.get(inForce);
            approved = new ApprovedWorkPlan(v.number(), budget(scope, v), activities(v));
        }
        return new WorkPlan(year, status, latest.number(), budget(scope, latest), activities(latest), approved, history);
    }

    /**
     * The budget of the year's version in force at the horizon, by budget line; empty when no version of the year was
     * approved by then.
     */
    public static Optional<Map<String, BigDecimal>> approvedBudget(JdbcClient jdbc, String projectId, int year,
                                                                   Horizon horizon) {
        List<String> budget = jdbc.sql("SELECT v.budget::text FROM work_plan_version v WHERE v.project_id = :projectId "
                        + "AND v.year = :year AND v.version = (SELECT s.version FROM work_plan_step s "
                        + "WHERE s.project_id = :projectId AND s.year = :year AND s.status = 'APPROVED' "
                        + "AND s.position <= :maxPosition ORDER BY s.position DESC LIMIT 1)")
                .param("projectId", projectId).param("year", year).param("maxPosition", horizon.maxPosition())
                .query(String.class).list();
        if (budget.isEmpty()) {
            return Optional.empty();
        }
        Map<String, BigDecimal> byLine = new LinkedHashMap<>();
        rows(budget.get(0)).forEach(r -> byLine.put(r.get("budgetLine"), new BigDecimal(r.get("planned"))));
        return Optional.of(byLine);
    }

    private static List<PlannedAmount> budget(ProjectScope scope, Version v) {
        List<PlannedAmount> amounts = new ArrayList<>();
        v.budget().forEach(r -> amounts.add(new PlannedAmount(r.get("budgetLine"),
                scope.money(new BigDecimal(r.get("planned"))))));
        return amounts;
    }

    private static List<PlannedActivity> activities(Version v) {
        return v.activities().stream().map(r -> new PlannedActivity(r.get("subActivity"),
                LocalDate.parse(r.get("from")), LocalDate.parse(r.get("to")), r.get("description"))).toList();
    }

    private static List<Map<String, String>> rows(String json) {
        try {
            return JSON.readValue(json, ROWS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
