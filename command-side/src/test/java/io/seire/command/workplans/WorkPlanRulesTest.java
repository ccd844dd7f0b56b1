package io.seire.command.workplans;

import static io.seire.command.project.Fixtures.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.seire.command.project.Project;
import io.seire.kernel.RuleViolation.Outcome;
import io.seire.kernel.setup.BudgetLineRevised;
import io.seire.kernel.workplans.ApproveWorkPlan;
import io.seire.kernel.workplans.DraftWorkPlan;
import io.seire.kernel.workplans.PlannedActivity;
import io.seire.kernel.workplans.PlannedAmount;
import io.seire.kernel.workplans.ReturnWorkPlan;
import io.seire.kernel.workplans.SubmitWorkPlan;
import io.seire.kernel.workplans.WorkPlanApproved;
import io.seire.kernel.workplans.WorkPlanDrafted;
import io.seire.kernel.workplans.WorkPlanRecorded;
import io.seire.kernel.workplans.WorkPlanReturned;
import io.seire.kernel.workplans.WorkPlanSubmitted;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The work plan rules, each named. The project is eligible from 2024-06-01 to 2028-07-31 and plans STAFF 1000.00
 * (line S), SERVICES 500.00 (line V) and a 15 % flat rate of STAFF (line IND) in sub-activity 1.
 */
class WorkPlanRulesTest {

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = projectFixture();
    }

    /** The project, then the given events (an array among them stands for its events). */
    private TestExecutor<Project> given(Object... more) {
        List<Object> events = new ArrayList<>(List.of(registered(), subActivity("1"), subActivity("2"),
                line("S", "1", "STAFF", "1000.00"), line("V", "1", "SERVICES", "500.00"),
                flatRate("IND", "1", "INDIRECT", "15", "STAFF")));
        for (Object e : more) {
            events.addAll(e instanceof Object[] several ? List.of(several) : List.of(e));
        }
        return fixture.given(events);
    }

    static PlannedAmount amount(String line, String planned) {
        return new PlannedAmount(line, eur(planned));
    }

    static PlannedActivity activity(String sub, String from, String to) {
        return new PlannedActivity(sub, date(from), date(to), "Nõustamised");
    }

    static DraftWorkPlan draft(int year, PlannedAmount... budget) {
        return new DraftWorkPlan(PROJECT, year, List.of(budget), List.of(activity("1", year + "-07-01", year + "-10-31")));
    }

    static WorkPlanDrafted drafted(int year, int version, PlannedAmount... budget) {
        return new WorkPlanDrafted(PROJECT, year, version, List.of(budget),
                List.of(activity("1", year + "-07-01", year + "-10-31")));
    }

    static WorkPlanSubmitted submitted(int year, int version) {
        return new WorkPlanSubmitted(PROJECT, year, version);
    }

    static WorkPlanApproved approved(int year, int version, Integer replaces) {
        return new WorkPlanApproved(PROJECT, year, version, replaces, null);
    }

    /** A year's plan drafted, submitted and approved as version 1. */
    static Object[] approvedPlan(int year, PlannedAmount... budget) {
        return new Object[] {drafted(year, 1, budget), submitted(year, 1), approved(year, 1, null)};
    }

    @Test
    void every_draft_is_a_new_version_of_the_years_plan() {
        given().when(draft(2025, amount("S", "300.00"), amount("V", "0.00")), as(MANAGER))
                .expectEvents(drafted(2025, 1, amount("S", "300.00"), amount("V", "0.00")))
                .expectResultMessagePayload(new WorkPlanRecorded("2025", 1, 6));
        given(drafted(2025, 1, amount("S", "300.00")))
                .when(draft(2025, amount("S", "250.00")), as(FINANCE))
                .expectEvents(drafted(2025, 2, amount("S", "250.00")));
        given(approvedPlan(2025, amount("S", "300.00")))
                .when(draft(2025, amount("S", "350.00")), as(MANAGER))
                .expectEvents(drafted(2025, 2, amount("S", "350.00")));
        given().when(new DraftWorkPlan(PROJECT, 2025, List.of(), List.of()), as(MANAGER))
                .expectEvents(new WorkPlanDrafted(PROJECT, 2025, 1, List.of(), List.of()));
    }

    @Test
    void managers_and_finance_staff_draft_managers_submit_liaisons_of_the_programme_decide() {
        given().when(draft(2025, amount("S", "300.00")), as(LIAISON))
                .expectNoEvents().expectException(violates("role-allows-write", Outcome.FORBIDDEN));
        given().when(draft(2025, amount("S", "300.00")), as(STRANGER))
                .expectNoEvents().expectException(violates("not-found", Outcome.NOT_FOUND));
        given(drafted(2025, 1)).when(new SubmitWorkPlan(PROJECT, 2025, null), as(FINANCE))
                .expectNoEvents().expectException(violates("role-allows-write", Outcome.FORBIDDEN));
        given(drafted(2025, 1), submitted(2025, 1)).when(new ApproveWorkPlan(PROJECT, 2025, null, null), as(MANAGER))
                .expectNoEvents().expectException(violates("role-allows-write", Outcome.FORBIDDEN));
        given(drafted(2025, 1), submitted(2025, 1)).when(new ReturnWorkPlan(PROJECT, 2025, null, "x"), as(FINANCE))
                .expectNoEvents().expectException(violates("role-allows-write", Outcome.FORBIDDEN));
        given(drafted(2025, 1)).when(new SubmitWorkPlan(PROJECT, 2025, null), as(MANAGER))
                .expectEvents(submitted(2025, 1));
        given(drafted(2025, 1), submitted(2025, 1)).when(new ApproveWorkPlan(PROJECT, 2025, null, "Kinnitatud"),
                as(LIAISON)).expectEvents(new WorkPlanApproved(PROJECT, 2025, 1, null, "Kinnitatud"));
    }

    @Test
    void the_year_overlaps_the_eligibility_period() {
        given().when(draft(2023), as(MANAGER))
                .expectNoEvents().expectException(violates("work-plan-year-overlaps-eligibility", Outcome.UNPROCESSABLE));
        given().when(draft(2029), as(MANAGER))
                .expectNoEvents().expectException(violates("work-plan-year-overlaps-eligibility", Outcome.UNPROCESSABLE));
        // the first and the last year are only partly eligible, and still overlap it
        given().when(new DraftWorkPlan(PROJECT, 2024, List.of(), List.of(activity("1", "2024-06-01", "2024-12-31"))),
                as(MANAGER)).expectSuccessfulHandlerExecution();
        given().when(new DraftWorkPlan(PROJECT, 2028, List.of(), List.of(activity("1", "2028-01-01", "2028-07-31"))),
                as(MANAGER)).expectSuccessfulHandlerExecution();
    }

    @Test
    void activities_lie_inside_the_plans_year() {
        given().when(new DraftWorkPlan(PROJECT, 2025, List.of(), List.of(activity("1", "2025-12-01", "2026-01-31"))),
                        as(MANAGER))
                .expectNoEvents().expectException(violates("activities-inside-the-year", Outcome.UNPROCESSABLE));
        given().when(new DraftWorkPlan(PROJECT, 2025, List.of(), List.of(activity("1", "2024-12-31", "2025-01-31"))),
                        as(MANAGER))
                .expectNoEvents().expectException(violates("activities-inside-the-year", Outcome.UNPROCESSABLE));
    }

    @Test
    void activities_lie_inside_the_eligibility_period() {
        given().when(new DraftWorkPlan(PROJECT, 2024, List.of(), List.of(activity("1", "2024-05-01", "2024-06-30"))),
                        as(MANAGER))
                .expectNoEvents().expectException(violates("activities-inside-eligibility", Outcome.UNPROCESSABLE));
        given().when(new DraftWorkPlan(PROJECT, 2028, List.of(), List.of(activity("1", "2028-07-01", "2028-08-31"))),
                        as(MANAGER))
                .expectNoEvents().expectException(violates("activities-inside-eligibility", Outcome.UNPROCESSABLE));
    }

    @Test
    void an_activity_ends_after_it_starts() {
        given().when(new DraftWorkPlan(PROJECT, 2025, List.of(), List.of(activity("1", "2025-06-30", "2025-02-01"))),
                        as(MANAGER))
                .expectNoEvents().expectException(violates("activity-ends-after-it-starts", Outcome.UNPROCESSABLE));
    }

    @Test
    void a_flat_rate_line_cannot_be_planned_directly() {
        given().when(draft(2025, amount("S", "300.00"), amount("IND", "45.00")), as(MANAGER))
                .expectNoEvents()
                .expectException(violates("flat-rate-line-not-planned-directly", Outcome.UNPROCESSABLE));
    }

    @Test
    void a_plan_names_the_projects_own_lines_and_sub_activities() {
        given().when(draft(2025, amount("NOPE", "300.00")), as(MANAGER))
                .expectNoEvents().expectException(violates("budget-line-exists", Outcome.UNPROCESSABLE));
        given().when(new DraftWorkPlan(PROJECT, 2025, List.of(), List.of(activity("9", "2025-02-01", "2025-03-01"))),
                        as(MANAGER))
                .expectNoEvents().expectException(violates("sub-activity-exists", Outcome.UNPROCESSABLE));
    }

    @Test
    void a_plan_gives_each_line_one_amount_not_negative_in_the_minor_unit() {
        given().when(draft(2025, amount("S", "300.00"), amount("S", "100.00")), as(MANAGER))
                .expectNoEvents().expectException(violates("budget-line-once-per-plan", Outcome.BAD_REQUEST));
        given().when(draft(2025, amount("S", "-1.00")), as(MANAGER))
                .expectNoEvents().expectException(violates("amount-positive-with-minor-digits", Outcome.BAD_REQUEST));
        given().when(draft(2025, amount("S", "1.005")), as(MANAGER))
                .expectNoEvents().expectException(violates("amount-positive-with-minor-digits", Outcome.BAD_REQUEST));
        given().when(new DraftWorkPlan(PROJECT, 2025, null, List.of()), as(MANAGER))
                .expectNoEvents().expectException(violates("field-required", Outcome.BAD_REQUEST));
    }

    @Test
    void the_years_in_force_fit_each_lines_planned_amount() {
        // S is planned at 1000.00: 600.00 approved for 2024 leaves 400.00 for 2025
        given(approvedPlan(2024, amount("S", "600.00")))
                .when(draft(2025, amount("S", "400.01")), as(MANAGER))
                .expectNoEvents()
                .expectException(violates("yearly-plans-within-the-line", Outcome.UNPROCESSABLE))
                .expectExceptionMessage(allOf(containsString("'S'"), containsString("1000.00"),
                        containsString("1000.01"), containsString("2024: 600.00 approved")));
        given(approvedPlan(2024, amount("S", "600.00")))
                .when(draft(2025, amount("S", "400.00")), as(MANAGER))
                .expectEvents(drafted(2025, 1, amount("S", "400.00")));
        // a new version of 2024 counts instead of the approved one, not beside it
        given(approvedPlan(2024, amount("S", "600.00")))
                .when(draft(2024, amount("S", "1000.00")), as(MANAGER))
                .expectSuccessfulHandlerExecution();
        // a draft of another year that is not approved does not count
        given(drafted(2024, 1, amount("S", "900.00")))
                .when(draft(2025, amount("S", "1000.00")), as(MANAGER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_lines_planned_amount_is_the_one_after_every_recorded_amendment() {
        given(approvedPlan(2024, amount("S", "600.00")),
                new BudgetLineRevised(PROJECT, "S", eur("1200.00"), date("2026-01-01"), "Muudatus", null))
                .when(draft(2025, amount("S", "600.00")), as(MANAGER))
                .expectSuccessfulHandlerExecution();
        given(approvedPlan(2024, amount("S", "600.00")),
                new BudgetLineRevised(PROJECT, "S", eur("800.00"), date("2026-01-01"), "Muudatus", null))
                .when(draft(2025, amount("S", "300.00")), as(MANAGER))
                .expectException(violates("yearly-plans-within-the-line"));
    }

    @Test
    void the_years_in_force_are_checked_again_at_submission_and_approval() {
        // drafted when 2024 had no approved plan; 2024 was approved with 600.00 since
        given(drafted(2025, 1, amount("S", "500.00")), drafted(2024, 1, amount("S", "600.00")))
                .when(new SubmitWorkPlan(PROJECT, 2025, null), as(MANAGER))
                .expectSuccessfulHandlerExecution();
        given(drafted(2025, 1, amount("S", "500.00")), approvedPlan(2024, amount("S", "600.00")))
                .when(new SubmitWorkPlan(PROJECT, 2025, null), as(MANAGER))
                .expectNoEvents().expectException(violates("yearly-plans-within-the-line", Outcome.UNPROCESSABLE));
        given(drafted(2025, 1, amount("S", "500.00")), submitted(2025, 1), approvedPlan(2024, amount("S", "600.00")))
                .when(new ApproveWorkPlan(PROJECT, 2025, null, null), as(LIAISON))
                .expectNoEvents().expectException(violates("yearly-plans-within-the-line", Outcome.UNPROCESSABLE));
    }

    @Test
    void only_the_latest_version_can_be_submitted() {
        given(drafted(2025, 1, amount("S", "300.00")), drafted(2025, 2, amount("S", "200.00")))
                .when(new SubmitWorkPlan(PROJECT, 2025, 1), as(MANAGER))
                .expectNoEvents().expectException(violates("only-the-latest-version-is-submitted", Outcome.CONFLICT));
        given(drafted(2025, 1, amount("S", "300.00")), drafted(2025, 2, amount("S", "200.00")))
                .when(new SubmitWorkPlan(PROJECT, 2025, 2), as(MANAGER))
                .expectEvents(submitted(2025, 2));
        given(drafted(2025, 1, amount("S", "300.00")), drafted(2025, 2, amount("S", "200.00")))
                .when(new SubmitWorkPlan(PROJECT, 2025, null), as(MANAGER))
                .expectEvents(submitted(2025, 2));
        given(drafted(2025, 1)).when(new SubmitWorkPlan(PROJECT, 2025, 3), as(MANAGER))
                .expectNoEvents().expectException(violates("work-plan-version-exists", Outcome.NOT_FOUND));
        given(drafted(2025, 1)).when(new SubmitWorkPlan(PROJECT, 2026, null), as(MANAGER))
                .expectNoEvents().expectException(violates("work-plan-exists", Outcome.NOT_FOUND));
    }

    @Test
    void only_a_draft_is_submitted() {
        given(drafted(2025, 1), submitted(2025, 1)).when(new SubmitWorkPlan(PROJECT, 2025, null), as(MANAGER))
                .expectNoEvents().expectException(violates("only-a-draft-is-submitted", Outcome.CONFLICT));
        given(drafted(2025, 1), submitted(2025, 1), new WorkPlanReturned(PROJECT, 2025, 1, "Paranda"))
                .when(new SubmitWorkPlan(PROJECT, 2025, null), as(MANAGER))
                .expectNoEvents().expectException(violates("only-a-draft-is-submitted", Outcome.CONFLICT));
        given(approvedPlan(2025)).when(new SubmitWorkPlan(PROJECT, 2025, null), as(MANAGER))
                .expectNoEvents().expectException(violates("only-a-draft-is-submitted", Outcome.CONFLICT));
    }

    @Test
    void only_a_submitted_version_is_approved_or_returned() {
        given(drafted(2025, 1)).when(new ApproveWorkPlan(PROJECT, 2025, null, null), as(LIAISON))
                .expectNoEvents().expectException(violates("only-a-submitted-version-is-decided", Outcome.CONFLICT));
        given(drafted(2025, 1)).when(new ReturnWorkPlan(PROJECT, 2025, null, "Paranda"), as(LIAISON))
                .expectNoEvents().expectException(violates("only-a-submitted-version-is-decided", Outcome.CONFLICT));
        given(approvedPlan(2025)).when(new ApproveWorkPlan(PROJECT, 2025, null, null), as(LIAISON))
                .expectNoEvents().expectException(violates("only-a-submitted-version-is-decided", Outcome.CONFLICT));
        given(drafted(2025, 1), submitted(2025, 1), new WorkPlanReturned(PROJECT, 2025, 1, "Paranda"))
                .when(new ApproveWorkPlan(PROJECT, 2025, null, null), as(LIAISON))
                .expectNoEvents().expectException(violates("only-a-submitted-version-is-decided", Outcome.CONFLICT));
        given(approvedPlan(2025), drafted(2025, 2), submitted(2025, 2))
                .when(new ApproveWorkPlan(PROJECT, 2025, 1, null), as(LIAISON))
                .expectNoEvents().expectException(violates("only-a-submitted-version-is-decided", Outcome.CONFLICT));
        given(drafted(2025, 1), submitted(2025, 1))
                .when(new ReturnWorkPlan(PROJECT, 2025, null, "Lisa tegevused"), as(LIAISON))
                .expectEvents(new WorkPlanReturned(PROJECT, 2025, 1, "Lisa tegevused"));
    }

    @Test
    void a_return_says_why() {
        given(drafted(2025, 1), submitted(2025, 1)).when(new ReturnWorkPlan(PROJECT, 2025, null, " "), as(LIAISON))
                .expectNoEvents().expectException(violates("field-required", Outcome.BAD_REQUEST));
    }

    @Test
    void no_new_version_is_drafted_while_one_awaits_the_liaisons_decision() {
        given(drafted(2025, 1), submitted(2025, 1)).when(draft(2025, amount("S", "100.00")), as(MANAGER))
                .expectNoEvents().expectException(violates("no-new-draft-while-submitted", Outcome.CONFLICT));
        given(drafted(2025, 1), submitted(2025, 1), new WorkPlanReturned(PROJECT, 2025, 1, "Paranda"))
                .when(draft(2025, amount("S", "100.00")), as(MANAGER))
                .expectEvents(drafted(2025, 2, amount("S", "100.00")));
    }

    @Test
    void an_approved_version_stays_in_force_until_a_later_version_of_the_year_is_approved() {
        // version 1 (600.00) is in force; version 2 (100.00) was returned: 2026 may plan only what version 1 leaves
        Object[] history = {drafted(2025, 1, amount("S", "600.00")), submitted(2025, 1), approved(2025, 1, null),
                drafted(2025, 2, amount("S", "100.00")), submitted(2025, 2),
                new WorkPlanReturned(PROJECT, 2025, 2, "Liiga vähe")};
        given((Object) history).when(draft(2026, amount("S", "400.01")), as(MANAGER))
                .expectException(violates("yearly-plans-within-the-line"));
        given((Object) history).when(draft(2026, amount("S", "400.00")), as(MANAGER))
                .expectSuccessfulHandlerExecution();
        // version 3 approved in its place
        List<Object> later = new ArrayList<>(List.of(history));
        later.addAll(List.of(drafted(2025, 3, amount("S", "100.00")), submitted(2025, 3)));
        given((Object) later.toArray()).when(new ApproveWorkPlan(PROJECT, 2025, 3, "Uus versioon"), as(LIAISON))
                .expectEvents(new WorkPlanApproved(PROJECT, 2025, 3, 1, "Uus versioon"));
        later.add(new WorkPlanApproved(PROJECT, 2025, 3, 1, "Uus versioon"));
        given((Object) later.toArray()).when(draft(2026, amount("S", "900.00")), as(MANAGER))
                .expectSuccessfulHandlerExecution();
    }
}
