package io.seire.query.workplans;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.setup.BudgetLineAdded;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.SubActivityAdded;
import io.seire.kernel.workplans.PlannedActivity;
import io.seire.kernel.workplans.PlannedAmount;
import io.seire.kernel.workplans.WorkPlanApproved;
import io.seire.kernel.workplans.WorkPlanDrafted;
import io.seire.kernel.workplans.WorkPlanReturned;
import io.seire.kernel.workplans.WorkPlanSubmitted;
import io.seire.query.ProjectionHarness;
import io.seire.query.read.Horizon;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The work plan projection: replays leave the same rows, and the version in force follows the approvals. */
class WorkPlanProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final String project = "plan-" + UUID.randomUUID();

    private List<Object> history() {
        List<PlannedActivity> activities = List.of(new PlannedActivity("1", LocalDate.of(2025, 2, 1),
                LocalDate.of(2025, 6, 30), "Nõustamised"));
        return List.of(
                new ProjectRegistered(project, "Aastaplaan", "P", "B", "EUR", LocalDate.of(2024, 6, 1),
                        LocalDate.of(2028, 7, 31), BigDecimal.TEN, List.of(new ReportingPeriod("2025",
                        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))),
                new SubActivityAdded(project, "1", "Üks"),
                new BudgetLineAdded(project, "S", "1", "STAFF", new BigDecimal("1000.00"), null),
                new WorkPlanDrafted(project, 2025, 1, List.of(new PlannedAmount("S", new BigDecimal("600.00"))),
                        activities),
                new WorkPlanSubmitted(project, 2025, 1),
                new WorkPlanApproved(project, 2025, 1, null, null),
                new WorkPlanDrafted(project, 2025, 2, List.of(new PlannedAmount("S", new BigDecimal("500.00"))),
                        List.of()),
                new WorkPlanSubmitted(project, 2025, 2),
                new WorkPlanReturned(project, 2025, 2, "Paranda"),
                new WorkPlanDrafted(project, 2025, 3, List.of(new PlannedAmount("S", new BigDecimal("700.00"))),
                        List.of()),
                new WorkPlanSubmitted(project, 2025, 3),
                new WorkPlanApproved(project, 2025, 3, 1, "Kinnitatud"));
    }

    @Test
    void replaying_the_same_events_twice_gives_the_same_rows() {
        List<Object> events = history();
        List<Long> positions = new ArrayList<>();
        events.forEach(e -> positions.add(harness.feed(e)));
        List<Map<String, Object>> first = rows();
        for (int i = 0; i < events.size(); i++) {
            harness.feed(events.get(i), positions.get(i));
        }
        assertThat(rows()).isEqualTo(first);
        assertThat(first).hasSize(3 + 9 + 9);
    }

    @Test
    void the_version_in_force_is_the_one_approved_last_up_to_the_horizon() {
        List<Object> events = history();
        List<Long> positions = new ArrayList<>();
        events.forEach(e -> positions.add(harness.feed(e)));

        assertThat(WorkPlanView.approvedBudget(ProjectionHarness.client(), project, 2025, new Horizon(positions.get(4)))).isEmpty();
        for (int i = 5; i <= 10; i++) {
            assertThat(WorkPlanView.approvedBudget(ProjectionHarness.client(), project, 2025, new Horizon(positions.get(i))))
                    .as("after event " + i).isEqualTo(Optional.of(Map.of("S", new BigDecimal("600.00"))));
        }
        assertThat(WorkPlanView.approvedBudget(ProjectionHarness.client(), project, 2025, Horizon.NOW))
                .isEqualTo(Optional.of(Map.of("S", new BigDecimal("700.00"))));
        assertThat(WorkPlanView.approvedBudget(ProjectionHarness.client(), project, 2026, Horizon.NOW)).isEmpty();

        WorkPlanView view = new WorkPlanView(ProjectionHarness.client());
        ProjectRow row = ProjectRow.find(ProjectionHarness.client(), project);
        WorkPlanView.WorkPlan returned = view.plan(new ProjectScope(row, new Horizon(positions.get(8))), 2025);
        assertThat(returned.status()).isEqualTo("RETURNED");
        assertThat(returned.version()).isEqualTo(2);
        assertThat(returned.approved().version()).isEqualTo(1);
        assertThat(returned.approved().budget()).containsExactly(new WorkPlanView.PlannedAmount("S", "600.00"));
        assertThat(returned.history()).hasSize(6);
        WorkPlanView.WorkPlan now = view.plan(new ProjectScope(row, Horizon.NOW), 2025);
        assertThat(now.status()).isEqualTo("APPROVED");
        assertThat(now.approved().version()).isEqualTo(3);
        assertThat(now.history().get(now.history().size() - 1).comment()).isEqualTo("Kinnitatud");
    }

    private List<Map<String, Object>> rows() {
        var jdbc = ProjectionHarness.jdbc();
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbc.queryForList("SELECT position, year, version, budget::text, activities::text "
                + "FROM work_plan_version WHERE project_id = ? ORDER BY position", project));
        rows.addAll(jdbc.queryForList("SELECT position, year, version, status, recorded_at, actor, comment "
                + "FROM work_plan_step WHERE project_id = ? ORDER BY position", project));
        rows.addAll(jdbc.queryForList("SELECT position, type, summary, reason, business_date FROM audit_entry "
                + "WHERE project_id = ? AND type LIKE 'WorkPlan%' ORDER BY position", project));
        return rows;
    }
}
