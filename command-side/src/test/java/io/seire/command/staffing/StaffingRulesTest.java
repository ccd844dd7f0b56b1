package io.seire.command.staffing;

import static io.seire.command.project.Fixtures.*;

import io.seire.command.project.Project;
import io.seire.kernel.staffing.HireStaff;
import io.seire.kernel.staffing.OpenPosition;
import io.seire.kernel.staffing.PositionOpened;
import io.seire.kernel.staffing.RecordDeparture;
import io.seire.kernel.staffing.RecordRecruitmentFailure;
import io.seire.kernel.staffing.RecruitmentFailed;
import io.seire.kernel.staffing.StaffDeparted;
import io.seire.kernel.staffing.StaffHired;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The staffing rules, each named. */
class StaffingRulesTest {

    static final PositionOpened COORDINATOR = new PositionOpened(PROJECT, "KOORD", "Alategevuste koordinaator",
            List.of("3", "4", "5"), date("2024-09-01"));

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = projectFixture();
    }

    private TestExecutor<Project> given(Object... more) {
        List<Object> events = new ArrayList<>(List.of(registered(), subActivity("3"), subActivity("4"), subActivity("5"),
                subActivity("6"), COORDINATOR));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    static HireStaff hire(String staffId, String start, String workload) {
        return new HireStaff(PROJECT, "KOORD", staffId, "Elmo Puidet", date(start), eur(workload));
    }

    static StaffHired hired(String staffId, String start, String workload) {
        return new StaffHired(PROJECT, "KOORD", staffId, "Elmo Puidet", date(start), eur(workload));
    }

    @Test
    void a_position_is_opened_for_existing_sub_activities() {
        given().when(new OpenPosition(PROJECT, "IT", "IT-spetsialist", List.of("6"), date("2024-08-01")), as(MANAGER))
                .expectEvents(new PositionOpened(PROJECT, "IT", "IT-spetsialist", List.of("6"), date("2024-08-01")));
        given().when(new OpenPosition(PROJECT, "IT", "IT-spetsialist", List.of("7"), date("2024-08-01")), as(MANAGER))
                .expectException(violates("sub-activity-exists"));
        given().when(new OpenPosition(PROJECT, "KOORD", "Teine", List.of("6"), date("2024-08-01")), as(MANAGER))
                .expectException(violates("codes-unique"));
    }

    @Test
    void a_failed_recruitment_is_recorded_with_its_reason() {
        given().when(new RecordRecruitmentFailure(PROJECT, "KOORD", date("2024-10-15"), "Sobivat kandidaati ei leitud"), as(MANAGER))
                .expectEvents(new RecruitmentFailed(PROJECT, "KOORD", date("2024-10-15"), "Sobivat kandidaati ei leitud"));
        given().when(new RecordRecruitmentFailure(PROJECT, "NOPE", date("2024-10-15"), "x"), as(MANAGER))
                .expectException(violates("position-exists"));
    }

    @Test
    void no_hire_before_the_position_opens() {
        given().when(hire("S1", "2024-08-31", "100"), as(MANAGER)).expectNoEvents()
                .expectException(violates("not-before-position-opens"));
    }

    @Test
    void no_hire_outside_eligibility() {
        given().when(hire("S1", "2028-08-01", "100"), as(MANAGER)).expectNoEvents()
                .expectException(violates("hire-inside-eligibility"));
    }

    @Test
    void workload_from_1_to_100_percent() {
        given().when(hire("S1", "2024-11-01", "0.5"), as(MANAGER)).expectException(violates("workload-1-to-100"));
        given().when(hire("S1", "2024-11-01", "101"), as(MANAGER)).expectException(violates("workload-1-to-100"));
        given().when(hire("S1", "2024-11-01", "50"), as(MANAGER)).expectEvents(hired("S1", "2024-11-01", "50"));
    }

    @Test
    void a_position_has_one_holder_at_a_time() {
        given(hired("S1", "2024-11-01", "100")).when(hire("S2", "2025-01-01", "100"), as(MANAGER))
                .expectNoEvents().expectException(violates("one-holder-at-a-time"));
        given(hired("S1", "2024-11-01", "100"), new StaffDeparted(PROJECT, "S1", "KOORD", date("2025-03-31"), "lahkus"))
                .when(hire("S2", "2025-03-31", "100"), as(MANAGER)).expectException(violates("one-holder-at-a-time"));
        given(hired("S1", "2024-11-01", "100"), new StaffDeparted(PROJECT, "S1", "KOORD", date("2025-03-31"), "lahkus"))
                .when(hire("S2", "2025-04-01", "100"), as(MANAGER)).expectEvents(hired("S2", "2025-04-01", "100"));
    }

    @Test
    void no_departure_before_the_hire() {
        given(hired("S1", "2024-11-01", "100"))
                .when(new RecordDeparture(PROJECT, "S1", date("2024-10-31"), "x"), as(MANAGER))
                .expectNoEvents().expectException(violates("no-departure-before-hire"));
        given(hired("S1", "2024-11-01", "100"))
                .when(new RecordDeparture(PROJECT, "S1", date("2024-11-01"), "Lahkus omal soovil"), as(MANAGER))
                .expectEvents(new StaffDeparted(PROJECT, "S1", "KOORD", date("2024-11-01"), "Lahkus omal soovil"));
        given(hired("S1", "2024-11-01", "100"), new StaffDeparted(PROJECT, "S1", "KOORD", date("2024-12-01"), null))
                .when(new RecordDeparture(PROJECT, "S1", date("2024-12-15"), "x"), as(MANAGER))
                .expectException(violates("departs-once"));
        given().when(new RecordDeparture(PROJECT, "S9", date("2024-12-15"), "x"), as(MANAGER))
                .expectException(violates("staff-member-exists"));
    }

    @Test
    void names_never_appear_in_messages() {
        given(hired("S1", "2024-11-01", "100")).when(hire("S2", "2025-01-01", "100"), as(MANAGER))
                .expectException(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasToString(
                        org.hamcrest.Matchers.containsString("Elmo"))));
    }
}
