package io.seire.command.reporting;

import static io.seire.command.project.Fixtures.*;

import io.seire.command.project.Project;
import io.seire.kernel.finance.CancelExpenditure;
import io.seire.kernel.finance.CorrectExpenditure;
import io.seire.kernel.finance.ExpenditureDetails;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.finance.RecordExpenditure;
import io.seire.kernel.progress.ProgressStatus;
import io.seire.kernel.progress.ReportActivityProgress;
import io.seire.kernel.reporting.ApproveReport;
import io.seire.kernel.reporting.ReportApproved;
import io.seire.kernel.reporting.ReportKind;
import io.seire.kernel.reporting.ReportReturned;
import io.seire.kernel.reporting.ReportSubmitted;
import io.seire.kernel.reporting.ReturnReport;
import io.seire.kernel.reporting.SubmitReport;
import io.seire.kernel.results.IndicatorValueRecorded;
import io.seire.kernel.results.RecordIndicatorValue;
import io.seire.kernel.setup.Aggregation;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.IndicatorKind;
import io.seire.kernel.setup.Measure;
import io.seire.kernel.setup.ReviseBudgetLine;
import io.seire.kernel.staffing.HireStaff;
import io.seire.kernel.staffing.PositionOpened;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reports lock their period; liaisons approve or return them. Each rule named. */
class ReportRulesTest {

    static final String HEAD = "ab".repeat(32);
    static final IndicatorDefined O1 = new IndicatorDefined(PROJECT, "O1", "Näitaja", "tk", IndicatorKind.OUTPUT,
            Measure.NUMBER, Aggregation.SUM, true, eur("0"), List.of(), eur("10"));
    static final ExpenditureDetails E1 = new ExpenditureDetails("S", eur("100.00"), date("2024-07-01"),
            date("2024-07-01"), "OÜ", "A-1", "kulu");

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = projectFixture();
        fixture.registerInjectableResource((ChainHeads) (project, sequence) -> HEAD);
    }

    private TestExecutor<Project> given(Object... more) {
        List<Object> events = new ArrayList<>(List.of(registered(), subActivity("1"), line("S", "1", "STAFF", "1000.00"),
                O1, new ExpenditureRecorded(PROJECT, "E1", "S", eur("100.00"), date("2024-07-01"), date("2024-07-01"),
                        "OÜ", "A-1", "kulu", false, null),
                new PositionOpened(PROJECT, "PJ", "Projektijuht", List.of("1"), date("2024-06-01"))));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    static final ReportSubmitted SUBMITTED_2024 = new ReportSubmitted(PROJECT, "R-2024", "2024", ReportKind.INTERIM,
            "Eesmärgid täideti", 5, HEAD);

    @Test
    void a_report_pins_its_history_and_the_chain_head() {
        given().when(new SubmitReport(PROJECT, "R-2024", "2024", ReportKind.INTERIM, "Eesmärgid täideti"), as(MANAGER))
                .expectEvents(SUBMITTED_2024);
    }

    @Test
    void a_report_needs_an_assessment_and_an_existing_period() {
        given().when(new SubmitReport(PROJECT, "R", "2024", ReportKind.INTERIM, " "), as(MANAGER))
                .expectException(violates("field-required"));
        given().when(new SubmitReport(PROJECT, "R", "1999", ReportKind.INTERIM, "x"), as(MANAGER))
                .expectException(violates("period-exists"));
    }

    @Test
    void one_open_report_per_period() {
        given(SUBMITTED_2024).when(new SubmitReport(PROJECT, "R-2", "2024", ReportKind.INTERIM, "x"), as(MANAGER))
                .expectException(violates("one-open-report-per-period"));
        given(SUBMITTED_2024, new ReportReturned(PROJECT, "R-2024", "Paranda"))
                .when(new SubmitReport(PROJECT, "R-2", "2024", ReportKind.INTERIM, "x"), as(MANAGER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_locked_period_refuses_every_write_that_would_change_its_figures() {
        given(SUBMITTED_2024).when(new RecordExpenditure(PROJECT, "E2", new ExpenditureDetails("S", eur("5.00"),
                date("2024-08-01"), null, null, null, null), false, null), as(FINANCE))
                .expectNoEvents().expectException(violates("period-not-locked"));
        given(SUBMITTED_2024).when(new CorrectExpenditure(PROJECT, "E1", null, eur("90.00"), null, null, null, null,
                null, false, "vale summa"), as(FINANCE)).expectException(violates("period-not-locked"));
        given(SUBMITTED_2024).when(new CorrectExpenditure(PROJECT, "E1", null, null, date("2025-01-10"), null, null,
                null, null, false, "vale kuupäev"), as(FINANCE)).expectException(violates("period-not-locked"));
        given(SUBMITTED_2024).when(new CancelExpenditure(PROJECT, "E1", "topelt"), as(FINANCE))
                .expectException(violates("period-not-locked"));
        given(SUBMITTED_2024).when(new RecordIndicatorValue(PROJECT, "O1", "V", "2024", "3", null, null), as(MANAGER))
                .expectException(violates("period-not-locked"));
        given(SUBMITTED_2024).when(new ReportActivityProgress(PROJECT, "1", "2024", ProgressStatus.ON_TRACK, "x",
                null, null, null), as(MANAGER)).expectException(violates("period-not-locked"));
        given(SUBMITTED_2024).when(new HireStaff(PROJECT, "PJ", "S1", "Evelyn Valtin", date("2024-06-01"), eur("100")),
                as(MANAGER)).expectException(violates("period-not-locked"));
        given(SUBMITTED_2024).when(new ReviseBudgetLine(PROJECT, "S", eur("900.00"), date("2024-12-31"), "x", null),
                as(ADMIN)).expectException(violates("period-not-locked"));
        given(SUBMITTED_2024).when(new ReviseBudgetLine(PROJECT, "S", eur("900.00"), date("2025-01-01"), "x", null),
                as(ADMIN)).expectSuccessfulHandlerExecution();
        given(SUBMITTED_2024, new IndicatorValueRecorded(PROJECT, "O1", "V", "2025", "3", null, null))
                .when(new RecordIndicatorValue(PROJECT, "O1", "V2", "2025", "3", null, null), as(MANAGER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_locked_periods_spending_is_adjusted_in_an_open_period_naming_what_it_corrects() {
        ExpenditureDetails adjustment = new ExpenditureDetails("S", eur("-10.00"), date("2025-02-01"), null, "OÜ",
                "A-1", "Arve A-1 summa parandus");
        given(SUBMITTED_2024).when(new RecordExpenditure(PROJECT, "ADJ-1", adjustment, false, "E1"), as(FINANCE))
                .expectEvents(new ExpenditureRecorded(PROJECT, "ADJ-1", "S", eur("-10.00"), date("2025-02-01"), null,
                        "OÜ", "A-1", "Arve A-1 summa parandus", false, "E1"));
        given().when(new RecordExpenditure(PROJECT, "ADJ-1", adjustment, false, "E1"), as(FINANCE))
                .expectException(violates("adjustment-only-for-locked-periods"));
        given(SUBMITTED_2024).when(new RecordExpenditure(PROJECT, "ADJ-1", adjustment, false, "E9"), as(FINANCE))
                .expectException(violates("adjustment-names-an-expenditure"));
        given(SUBMITTED_2024).when(new RecordExpenditure(PROJECT, "NEG", adjustment, false, null), as(FINANCE))
                .expectException(violates("amount-positive-with-minor-digits"));
    }

    @Test
    void a_liaison_approves_or_returns_a_submitted_report_and_returning_opens_the_period() {
        given(SUBMITTED_2024).when(new ApproveReport(PROJECT, "R-2024", null), as(LIAISON))
                .expectEvents(new ReportApproved(PROJECT, "R-2024", null));
        given(SUBMITTED_2024).when(new ReturnReport(PROJECT, "R-2024", "Lisa lisa 5"), as(LIAISON))
                .expectEvents(new ReportReturned(PROJECT, "R-2024", "Lisa lisa 5"));
        given(SUBMITTED_2024).when(new ReturnReport(PROJECT, "R-2024", ""), as(LIAISON))
                .expectException(violates("field-required"));
        given(SUBMITTED_2024, new ReportApproved(PROJECT, "R-2024", null))
                .when(new ReturnReport(PROJECT, "R-2024", "hilja"), as(LIAISON))
                .expectException(violates("report-awaits-decision"));
        given(SUBMITTED_2024).when(new ApproveReport(PROJECT, "R-2024", null), as(MANAGER))
                .expectException(violates("role-allows-write"));
        given(SUBMITTED_2024).when(new ApproveReport(PROJECT, "R-9", null), as(LIAISON))
                .expectException(violates("report-exists"));
        given(SUBMITTED_2024, new ReportReturned(PROJECT, "R-2024", "Paranda"))
                .when(new CorrectExpenditure(PROJECT, "E1", null, eur("90.00"), null, null, null, null, null, false,
                        "vale summa"), as(FINANCE))
                .expectSuccessfulHandlerExecution();
    }
}
