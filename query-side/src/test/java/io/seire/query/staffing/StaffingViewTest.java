package io.seire.query.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.PersonalText;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.SubActivityAdded;
import io.seire.kernel.staffing.PositionOpened;
import io.seire.kernel.staffing.RecruitmentFailed;
import io.seire.kernel.staffing.StaffDeparted;
import io.seire.kernel.staffing.StaffHired;
import io.seire.query.ProjectionHarness;
import io.seire.query.read.Horizon;
import io.seire.query.read.Periods;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Staffing on a day (holders and FTE, two decimals HALF_UP) and the changes in a period, as of any position. */
class StaffingViewTest {

    private final ProjectionHarness harness = new ProjectionHarness("liaison");
    private final StaffingView view = new StaffingView(ProjectionHarness.client());
    private final String project = "staff-" + UUID.randomUUID();
    private long departure;

    private void history() {
        harness.feed(new ProjectRegistered(project, "Personal", "P", "B", "EUR", LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31), BigDecimal.TEN, List.of(
                new ReportingPeriod("2024H1", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)),
                new ReportingPeriod("2024H2", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31))), null, null,
                List.of()));
        harness.feed(new SubActivityAdded(project, "1", "Üks"));
        harness.feed(new PositionOpened(project, "PM", "Projektijuht", List.of("1"), LocalDate.of(2024, 1, 1)));
        harness.feed(new PositionOpened(project, "EX", "Ekspert", List.of("1"), LocalDate.of(2024, 3, 1)));
        harness.feed(new RecruitmentFailed(project, "EX", LocalDate.of(2024, 3, 10), "keegi ei kandideerinud"));
        harness.feed(new StaffHired(project, "PM", "s1", PersonalText.recordedInClear("Mari Maasikas"),
                LocalDate.of(2024, 2, 1), new BigDecimal("60")));
        harness.feed(new StaffHired(project, "EX", "s2", PersonalText.recordedInClear("Jaan Tamm"),
                LocalDate.of(2024, 3, 15), new BigDecimal("62.5")));
        departure = harness.feed(new StaffDeparted(project, "s1", "PM", LocalDate.of(2024, 6, 30), "lahkus"));
    }

    private ProjectScope scope(Horizon horizon) {
        return new ProjectScope(ProjectRow.find(ProjectionHarness.client(), project), horizon);
    }

    @Test
    void fte_on_a_day_adds_each_holders_workload_until_the_day_they_leave() {
        history();

        StaffingView.OnDay january = view.on(scope(Horizon.NOW), LocalDate.of(2024, 1, 15));
        assertThat(january.positions()).extracting(StaffingView.PositionOnDay::code).containsExactly("PM");
        assertThat(january.positions().get(0).holder()).isNull();
        assertThat(january.fte()).isEqualTo("0.00");

        StaffingView.OnDay april = view.on(scope(Horizon.NOW), LocalDate.of(2024, 4, 1));
        assertThat(april.positions()).extracting(StaffingView.PositionOnDay::fte).containsExactly("0.60", "0.63");
        assertThat(april.positions().get(0).holder().name()).isEqualTo("Mari Maasikas");
        assertThat(april.positions().get(1).holder().workloadPercent()).isEqualTo("62.5");
        assertThat(april.fte()).isEqualTo("1.23");

        assertThat(view.on(scope(Horizon.NOW), LocalDate.of(2024, 6, 30)).fte()).isEqualTo("1.23"); // her last day
        StaffingView.OnDay july = view.on(scope(Horizon.NOW), LocalDate.of(2024, 7, 1));
        assertThat(july.positions().get(0).holder()).isNull();
        assertThat(july.fte()).isEqualTo("0.63");

        // as of the position before the departure was recorded, she still holds the post in July
        assertThat(view.on(scope(new Horizon(departure - 1)), LocalDate.of(2024, 7, 1)).fte()).isEqualTo("1.23");
    }

    @Test
    void the_changes_of_a_period_are_the_ones_dated_in_it_in_date_order_with_the_hired_persons_names() {
        history();
        var jdbc = ProjectionHarness.jdbc();

        StaffingView.InPeriod first = view.changes(scope(Horizon.NOW), Periods.required(ProjectionHarness.client(), project, "2024H1"));
        assertThat(first.changes()).extracting(StaffingView.Change::type).containsExactly("POSITION_OPENED",
                "HIRED", "POSITION_OPENED", "RECRUITMENT_FAILED", "HIRED", "DEPARTED");
        assertThat(first.changes().get(5).name()).isEqualTo("Mari Maasikas"); // the departure names whom it concerns
        assertThat(first.changes().get(5).reason()).isEqualTo("lahkus");

        assertThat(view.changes(scope(Horizon.NOW), Periods.required(ProjectionHarness.client(), project, "2024H2")).changes()).isEmpty();
        assertThat(view.changes(scope(new Horizon(departure - 1)), Periods.required(ProjectionHarness.client(), project, "2024H1"))
                .changes()).hasSize(5);
    }
}
