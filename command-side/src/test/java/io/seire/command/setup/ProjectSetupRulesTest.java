package io.seire.command.setup;

import static io.seire.command.project.Fixtures.*;

import io.seire.command.project.Project;
import io.seire.kernel.Recorded;
import io.seire.kernel.setup.AddBudgetLine;
import io.seire.kernel.setup.AddSubActivity;
import io.seire.kernel.setup.Aggregation;
import io.seire.kernel.setup.BudgetLineRevised;
import io.seire.kernel.setup.DefineIndicator;
import io.seire.kernel.setup.FlatRate;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.IndicatorKind;
import io.seire.kernel.setup.Measure;
import io.seire.kernel.setup.Milestone;
import io.seire.kernel.setup.RegisterProject;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.ReviseBudgetLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of project setup, each named, as given / when / expect. */
class ProjectSetupRulesTest {

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = projectFixture();
    }

    private static RegisterProject register(LocalDate from, LocalDate to, List<ReportingPeriod> periods, String currency) {
        return new RegisterProject(PROJECT, "Kodanikuühiskonna pädevuse suurendamine", PROGRAMME,
                "SA Kodanikuühiskonna Sihtkapital", currency, from, to, BigDecimal.TEN, periods);
    }

    @Test
    void a_valid_project_is_registered() {
        fixture.givenNoPriorActivity()
                .when(register(FROM, TO, List.of(P2024, P2025, P2026), "EUR"), as(ADMIN))
                .expectEvents(registered())
                .expectResultMessagePayload(new Recorded(PROJECT, 0));
    }

    @Test
    void eligibility_end_after_start() {
        fixture.givenNoPriorActivity()
                .when(register(TO, FROM, List.of(), "EUR"), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("eligibility-end-after-start"));
    }

    @Test
    void reporting_periods_inside_the_eligibility_period() {
        ReportingPeriod early = new ReportingPeriod("2023", date("2023-06-01"), date("2024-06-30"));
        fixture.givenNoPriorActivity()
                .when(register(FROM, TO, List.of(early), "EUR"), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("reporting-periods-inside-eligibility"));
    }

    @Test
    void reporting_periods_do_not_overlap() {
        ReportingPeriod overlapping = new ReportingPeriod("2024b", date("2024-12-01"), date("2025-03-31"));
        fixture.givenNoPriorActivity()
                .when(register(FROM, TO, List.of(P2024, overlapping), "EUR"), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("reporting-periods-do-not-overlap"));
    }

    @Test
    void a_reporting_period_ends_after_it_starts() {
        ReportingPeriod backwards = new ReportingPeriod("x", date("2025-03-01"), date("2025-02-01"));
        fixture.givenNoPriorActivity()
                .when(register(FROM, TO, List.of(backwards), "EUR"), as(ADMIN))
                .expectException(violates("reporting-period-end-after-start"));
    }

    @Test
    void reporting_period_ids_unique() {
        ReportingPeriod again = new ReportingPeriod("2024", date("2025-01-01"), date("2025-06-30"));
        fixture.givenNoPriorActivity()
                .when(register(FROM, TO, List.of(P2024, again), "EUR"), as(ADMIN))
                .expectException(violates("codes-unique"));
    }

    @Test
    void currency_is_an_iso_4217_code() {
        fixture.givenNoPriorActivity()
                .when(register(FROM, TO, List.of(), "EURO"), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("currency-iso-4217"));
    }

    @Test
    void a_project_code_is_registered_once() {
        fixture.given(registered())
                .when(register(FROM, TO, List.of(), "EUR"), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("project-id-unique"));
    }

    @Test
    void only_an_administrator_registers_projects() {
        fixture.givenNoPriorActivity()
                .when(register(FROM, TO, List.of(), "EUR"), as(MANAGER))
                .expectException(violates("role-allows-write"));
    }

    @Test
    void sub_activity_codes_unique_within_the_project() {
        fixture.given(registered(), subActivity("1"))
                .when(new AddSubActivity(PROJECT, "1", "Teine"), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("codes-unique"));
    }

    @Test
    void budget_line_codes_unique_within_the_project() {
        fixture.given(registered(), subActivity("1"), line("L1", "1", "STAFF", "100.00"))
                .when(new AddBudgetLine(PROJECT, "L1", "1", "SERVICES", eur("5.00"), null), as(ADMIN))
                .expectException(violates("codes-unique"));
    }

    @Test
    void a_budget_line_belongs_to_an_existing_sub_activity() {
        fixture.given(registered(), subActivity("1"))
                .when(new AddBudgetLine(PROJECT, "L1", "7", "STAFF", eur("100.00"), null), as(ADMIN))
                .expectException(violates("sub-activity-exists"));
    }

    @Test
    void amounts_positive_with_at_most_the_currencys_minor_digits() {
        fixture.given(registered(), subActivity("1"))
                .when(new AddBudgetLine(PROJECT, "L1", "1", "STAFF", eur("100.001"), null), as(ADMIN))
                .expectException(violates("amount-positive-with-minor-digits"));
        fixture.given(registered(), subActivity("1"))
                .when(new AddBudgetLine(PROJECT, "L1", "1", "STAFF", eur("-5.00"), null), as(ADMIN))
                .expectException(violates("amount-positive-with-minor-digits"));
        fixture.given(registered(), subActivity("1"))
                .when(new AddBudgetLine(PROJECT, "L1", "1", "STAFF", eur("100.10"), null), as(ADMIN))
                .expectEvents(line("L1", "1", "STAFF", "100.10"));
    }

    @Test
    void a_flat_rate_refers_to_a_cost_category() {
        fixture.given(registered(), subActivity("1"), line("L1", "1", "STAFF", "1000.00"))
                .when(new AddBudgetLine(PROJECT, "IND", "1", "INDIRECT", null,
                        new FlatRate(eur("15"), "SERVICES")), as(ADMIN))
                .expectException(violates("flat-rate-refers-to-cost-category"));
        fixture.given(registered(), subActivity("1"), line("L1", "1", "STAFF", "1000.00"))
                .when(new AddBudgetLine(PROJECT, "IND", "1", "INDIRECT", null,
                        new FlatRate(eur("15"), "STAFF")), as(ADMIN))
                .expectEvents(flatRate("IND", "1", "INDIRECT", "15", "STAFF"));
    }

    @Test
    void a_line_has_a_planned_amount_or_a_flat_rate() {
        fixture.given(registered(), subActivity("1"), line("L1", "1", "STAFF", "1000.00"))
                .when(new AddBudgetLine(PROJECT, "IND", "1", "INDIRECT", eur("10.00"),
                        new FlatRate(eur("15"), "STAFF")), as(ADMIN))
                .expectException(violates("planned-or-flat-rate"));
    }

    @Test
    void a_revision_keeps_the_original_and_needs_a_reason_inside_eligibility() {
        fixture.given(registered(), subActivity("1"), line("L1", "1", "STAFF", "1000.00"))
                .when(new ReviseBudgetLine(PROJECT, "L1", eur("900.00"), date("2025-01-01"), "Muudatus", "nr 1"), as(ADMIN))
                .expectEvents(new BudgetLineRevised(PROJECT, "L1", eur("900.00"), date("2025-01-01"), "Muudatus", "nr 1"));
        fixture.given(registered(), subActivity("1"), line("L1", "1", "STAFF", "1000.00"))
                .when(new ReviseBudgetLine(PROJECT, "L1", eur("900.00"), date("2029-01-01"), "Muudatus", null), as(ADMIN))
                .expectException(violates("revision-inside-eligibility"));
        fixture.given(registered(), subActivity("1"), line("L1", "1", "STAFF", "1000.00"))
                .when(new ReviseBudgetLine(PROJECT, "NOPE", eur("900.00"), date("2025-01-01"), "Muudatus", null), as(ADMIN))
                .expectException(violates("budget-line-exists"));
    }

    @Test
    void a_flat_rate_line_is_not_revised() {
        fixture.given(registered(), subActivity("1"), line("L1", "1", "STAFF", "1000.00"),
                        flatRate("IND", "1", "INDIRECT", "15", "STAFF"))
                .when(new ReviseBudgetLine(PROJECT, "IND", eur("900.00"), date("2025-01-01"), "Muudatus", null), as(ADMIN))
                .expectException(violates("flat-rate-line-not-revised"));
    }

    @Test
    void milestones_inside_the_eligibility_period() {
        fixture.given(registered())
                .when(new DefineIndicator(PROJECT, "O1", "Nõustatud organisatsioonid", "tk", IndicatorKind.OUTPUT,
                        Measure.NUMBER, Aggregation.SUM, true, eur("0"),
                        List.of(new Milestone(date("2030-12-31"), eur("20"))), eur("150")), as(ADMIN))
                .expectException(violates("milestones-inside-eligibility"));
    }

    @Test
    void indicator_codes_unique_and_percentages_within_0_to_100() {
        IndicatorDefined o1 = new IndicatorDefined(PROJECT, "O1", "Nõustatud", "tk", IndicatorKind.OUTPUT,
                Measure.NUMBER, Aggregation.SUM, true, eur("0"), List.of(), eur("150"));
        fixture.given(registered(), o1)
                .when(new DefineIndicator(PROJECT, "O1", "Teine", "tk", IndicatorKind.OUTPUT, Measure.NUMBER,
                        Aggregation.SUM, true, eur("0"), List.of(), eur("10")), as(ADMIN))
                .expectException(violates("codes-unique"));
        fixture.given(registered())
                .when(new DefineIndicator(PROJECT, "R1", "Teadlikkus", "%", IndicatorKind.RESULT, Measure.PERCENTAGE,
                        Aggregation.LATEST, true, eur("12.5"), List.of(), eur("130")), as(ADMIN))
                .expectException(violates("percentage-range"));
    }

    @Test
    void a_project_you_may_not_see_does_not_exist_for_you() {
        fixture.given(registered())
                .when(new AddSubActivity(PROJECT, "1", "Nõustamine"), as(STRANGER))
                .expectException(violates("not-found"));
        fixture.given(registered())
                .when(new AddSubActivity(PROJECT, "1", "Nõustamine"), as(MANAGER))
                .expectException(violates("role-allows-write"));
    }
}
