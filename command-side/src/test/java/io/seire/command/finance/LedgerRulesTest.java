package io.seire.command.finance;

import static io.seire.command.project.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.command.project.Project;
import io.seire.kernel.Recorded;
import io.seire.kernel.finance.CancelExpenditure;
import io.seire.kernel.finance.CorrectExpenditure;
import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureDetails;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.finance.ImportExpenditures;
import io.seire.kernel.finance.ImportRejected;
import io.seire.kernel.finance.ImportResult;
import io.seire.kernel.finance.ExpendituresImported;
import io.seire.kernel.finance.ImportRow;
import io.seire.kernel.finance.RecordExpenditure;
import io.seire.kernel.setup.BudgetLineRevised;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The finance rules, each named. The project plans STAFF 1000.00 (line S), SERVICES 500.00 (line V) and a 15 %
 * flat rate of STAFF (line IND, planned 150.00): 1650.00 in all, with 10 % line flexibility.
 */
class LedgerRulesTest {

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = projectFixture();
    }

    private TestExecutor<Project> given(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(registered(), subActivity("1"),
                line("S", "1", "STAFF", "1000.00"), line("V", "1", "SERVICES", "500.00"),
                flatRate("IND", "1", "INDIRECT", "15", "STAFF")));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private TestExecutor<Project> givenStrict(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(registered(BigDecimal.ZERO), subActivity("1"),
                line("S", "1", "STAFF", "1000.00"), line("V", "1", "SERVICES", "500.00")));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    static ExpenditureDetails spend(String line, String amount, String incurred) {
        return new ExpenditureDetails(line, eur(amount), date(incurred), date(incurred), "OÜ Tarnija", null, "Arve");
    }

    static ExpenditureDetails invoice(String line, String amount, String incurred, String supplier, String invoice) {
        return new ExpenditureDetails(line, eur(amount), date(incurred), date(incurred), supplier, invoice, "Arve");
    }

    static RecordExpenditure record(String id, ExpenditureDetails d) {
        return new RecordExpenditure(PROJECT, id, d, false, null);
    }

    static ExpenditureRecorded recorded(String id, ExpenditureDetails d) {
        return new ExpenditureRecorded(PROJECT, id, d.budgetLine(), d.amount(), d.incurredOn(), d.paidOn(),
                d.supplier(), d.invoice(), d.description(), false, null);
    }

    @Test
    void an_expenditure_within_every_rule_is_recorded() {
        given().when(record("E1", spend("S", "100.00", "2024-07-01")), as(FINANCE))
                .expectEvents(recorded("E1", spend("S", "100.00", "2024-07-01")))
                .expectResultMessagePayload(new Recorded("E1", 5));
    }

    @Test
    void incurred_and_paid_dates_inside_the_eligibility_period() {
        given().when(record("E1", spend("S", "100.00", "2024-05-31")), as(FINANCE))
                .expectNoEvents().expectException(violates("dates-inside-eligibility"));
        ExpenditureDetails paidLate = new ExpenditureDetails("S", eur("100.00"), date("2024-07-01"),
                date("2028-08-01"), null, null, null);
        given().when(record("E1", paidLate), as(FINANCE))
                .expectNoEvents().expectException(violates("dates-inside-eligibility"));
    }

    @Test
    void the_budget_line_exists() {
        given().when(record("E1", spend("NOPE", "100.00", "2024-07-01")), as(FINANCE))
                .expectNoEvents().expectException(violates("budget-line-exists"));
    }

    @Test
    void a_flat_rate_line_is_computed_never_recorded() {
        given().when(record("E1", spend("IND", "10.00", "2024-07-01")), as(FINANCE))
                .expectNoEvents().expectException(violates("flat-rate-line-computed"));
    }

    @Test
    void amount_positive_with_at_most_the_currencys_minor_digits() {
        given().when(record("E1", spend("S", "0.00", "2024-07-01")), as(FINANCE))
                .expectException(violates("amount-positive-with-minor-digits"));
        given().when(record("E1", spend("S", "-10.00", "2024-07-01")), as(FINANCE))
                .expectException(violates("amount-positive-with-minor-digits"));
        given().when(record("E1", spend("S", "10.005", "2024-07-01")), as(FINANCE))
                .expectException(violates("amount-positive-with-minor-digits"));
    }

    @Test
    void a_line_may_overshoot_its_plan_by_the_projects_flexibility_at_most() {
        // 1000.00 planned + 10 % = 1100.00 allowed
        given(recorded("E1", spend("S", "1000.00", "2024-07-01")))
                .when(record("E2", spend("S", "100.00", "2024-07-02")), as(FINANCE))
                .expectSuccessfulHandlerExecution();
        given(recorded("E1", spend("S", "1000.00", "2024-07-01")))
                .when(record("E2", spend("S", "100.01", "2024-07-02")), as(FINANCE))
                .expectNoEvents().expectException(violates("line-within-flexibility"));
    }

    @Test
    void with_zero_flexibility_a_line_may_not_overshoot_at_all() {
        givenStrict(recorded("E1", spend("S", "1000.00", "2024-07-01")))
                .when(record("E2", spend("S", "0.01", "2024-07-02")), as(FINANCE))
                .expectException(violates("line-within-flexibility"));
    }

    @Test
    void the_project_total_is_never_exceeded_flat_rate_included() {
        // S 1100.00 (+165.00 flat rate) + V 385.00 = 1650.00 = the total planned; one cent more is refused
        given(recorded("E1", spend("S", "1100.00", "2024-07-01")), recorded("E2", spend("V", "385.00", "2024-07-01")))
                .when(record("E3", spend("V", "0.01", "2024-07-02")), as(FINANCE))
                .expectNoEvents().expectException(violates("project-total-not-exceeded"));
        given(recorded("E1", spend("S", "1100.00", "2024-07-01")), recorded("E2", spend("V", "384.99", "2024-07-01")))
                .when(record("E3", spend("V", "0.01", "2024-07-02")), as(FINANCE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void budget_rules_use_the_plan_in_force_on_the_incurred_date() {
        BudgetLineRevised lowered = new BudgetLineRevised(PROJECT, "S", eur("500.00"), date("2025-01-01"), "Muudatus", null);
        given(lowered, recorded("E1", spend("S", "500.00", "2024-07-01")))
                .when(record("E2", spend("S", "100.00", "2025-02-01")), as(FINANCE))
                .expectException(violates("line-within-flexibility"));
        given(lowered, recorded("E1", spend("S", "500.00", "2024-07-01")))
                .when(record("E2", spend("S", "100.00", "2024-12-31")), as(FINANCE))
                .expectSuccessfulHandlerExecution();
    }

    /** An import checks every row against the plan in force on that row's date, however many rows share a date. */
    @Test
    void an_import_checks_each_row_against_the_plan_in_force_on_its_own_date() {
        BudgetLineRevised lowered = new BudgetLineRevised(PROJECT, "V", eur("100.00"), date("2025-01-01"), "Muudatus", null);
        // 1650.00 planned in 2024, 1250.00 from 2025: the third row takes spending (flat rate included) to 1346.50
        ImportExpenditures file = new ImportExpenditures(PROJECT, "CSV import", List.of(
                new ImportRow(2, "R1", spend("S", "900.00", "2024-07-01")),
                new ImportRow(3, "R2", spend("V", "300.00", "2024-12-31")),
                new ImportRow(4, "R3", spend("S", "10.00", "2025-02-01")),
                new ImportRow(5, "R4", spend("V", "1.00", "2024-12-31"))), List.of());
        given(lowered).when(file, as(FINANCE)).expectNoEvents().expectException(rejectedRows("4:amount"));
    }

    @Test
    void a_duplicate_invoice_of_the_same_supplier_is_refused_unless_flagged() {
        ExpenditureDetails first = invoice("V", "10.00", "2024-07-01", "OÜ Õun", "A-1");
        ExpenditureDetails second = invoice("V", "20.00", "2024-07-05", "OÜ Õun", "A-1");
        given(recorded("E1", first)).when(record("E2", second), as(FINANCE))
                .expectNoEvents().expectException(violates("invoice-not-duplicated"));
        given(recorded("E1", first)).when(new RecordExpenditure(PROJECT, "E2", second, true, null), as(FINANCE))
                .expectSuccessfulHandlerExecution();
        given(recorded("E1", first)).when(record("E2", invoice("V", "20.00", "2024-07-05", "AS Pirn", "A-1")), as(FINANCE))
                .expectSuccessfulHandlerExecution();
        given(recorded("E1", first), new ExpenditureCancelled(PROJECT, "E1", "topelt"))
                .when(record("E2", second), as(FINANCE)).expectSuccessfulHandlerExecution();
    }

    @Test
    void the_same_id_with_the_same_content_records_once_and_answers_the_same() {
        given(recorded("E1", spend("S", "100.00", "2024-07-01")))
                .when(record("E1", spend("S", "100.00", "2024-07-01")), as(FINANCE))
                .expectNoEvents().expectResultMessagePayload(new Recorded("E1", 5));
        given(recorded("E1", spend("S", "100.00", "2024-07-01")))
                .when(record("E1", spend("S", "100.0", "2024-07-01")), as(FINANCE))
                .expectNoEvents().expectResultMessagePayload(new Recorded("E1", 5));
        given(recorded("E1", spend("S", "100.00", "2024-07-01")))
                .when(record("E1", spend("S", "200.00", "2024-07-01")), as(FINANCE))
                .expectNoEvents().expectException(violates("expenditure-id-unique"));
    }

    @Test
    void a_correction_needs_a_reason_and_is_a_new_event_with_every_field() {
        given(recorded("E1", spend("S", "100.00", "2024-07-01")))
                .when(new CorrectExpenditure(PROJECT, "E1", null, eur("120.00"), null, null, null, null, null, false, "Arve parandatud"), as(FINANCE))
                .expectEvents(new ExpenditureCorrected(PROJECT, "E1", "S", eur("120.00"), date("2024-07-01"),
                        date("2024-07-01"), "OÜ Tarnija", null, "Arve", "Arve parandatud"));
        given(recorded("E1", spend("S", "100.00", "2024-07-01")))
                .when(new CorrectExpenditure(PROJECT, "E1", null, eur("120.00"), null, null, null, null, null, false, " "), as(FINANCE))
                .expectException(violates("reason-required"));
        given(recorded("E1", spend("S", "100.00", "2024-07-01")))
                .when(new CorrectExpenditure(PROJECT, "E1", null, eur("100.00"), null, null, null, null, null, false, "sama"), as(FINANCE))
                .expectException(violates("correction-changes-something"));
        given().when(new CorrectExpenditure(PROJECT, "E9", null, eur("1.00"), null, null, null, null, null, false, "x"), as(FINANCE))
                .expectException(violates("expenditure-exists"));
    }

    @Test
    void a_write_that_lowers_spending_is_never_refused_by_a_budget_rule() {
        // the line is over its flexibility after a revision; lowering it further is still allowed
        BudgetLineRevised lowered = new BudgetLineRevised(PROJECT, "S", eur("100.00"), date("2024-06-01"), "Kärbe", null);
        given(recorded("E1", spend("S", "900.00", "2024-07-01")), lowered)
                .when(new CorrectExpenditure(PROJECT, "E1", null, eur("800.00"), null, null, null, null, null, false, "Vähem"), as(FINANCE))
                .expectSuccessfulHandlerExecution();
        given(recorded("E1", spend("S", "900.00", "2024-07-01")), lowered)
                .when(new CancelExpenditure(PROJECT, "E1", "Vale projekt"), as(FINANCE))
                .expectEvents(new ExpenditureCancelled(PROJECT, "E1", "Vale projekt"));
        given(recorded("E1", spend("S", "900.00", "2024-07-01")), lowered)
                .when(new CorrectExpenditure(PROJECT, "E1", null, eur("950.00"), null, null, null, null, null, false, "Rohkem"), as(FINANCE))
                .expectException(violates("line-within-flexibility"));
    }

    @Test
    void a_correction_follows_the_budget_rules_of_the_line_it_moves_to() {
        given(recorded("E1", spend("V", "500.00", "2024-07-01")), recorded("E2", spend("S", "1000.00", "2024-07-01")))
                .when(new CorrectExpenditure(PROJECT, "E1", "S", null, null, null, null, null, null, false, "Vale rida"), as(FINANCE))
                .expectException(violates("line-within-flexibility"));
    }

    @Test
    void a_cancellation_needs_a_reason_and_happens_once() {
        given(recorded("E1", spend("S", "100.00", "2024-07-01")), new ExpenditureCancelled(PROJECT, "E1", "topelt"))
                .when(new CancelExpenditure(PROJECT, "E1", "uuesti"), as(FINANCE))
                .expectNoEvents().expectException(violates("expenditure-not-cancelled"));
        given(recorded("E1", spend("S", "100.00", "2024-07-01")))
                .when(new CancelExpenditure(PROJECT, "E1", ""), as(FINANCE))
                .expectException(violates("reason-required"));
    }

    @Test
    void only_finance_staff_of_the_project_record_expenditures() {
        given().when(record("E1", spend("S", "100.00", "2024-07-01")), as(MANAGER))
                .expectException(violates("role-allows-write"));
        given().when(record("E1", spend("S", "100.00", "2024-07-01")), as(STRANGER))
                .expectException(violates("not-found"));
    }

    @Test
    void an_import_records_all_rows_or_none_and_lists_every_bad_row() {
        ImportExpenditures file = new ImportExpenditures(PROJECT, "CSV import kuu.csv", List.of(
                new ImportRow(2, "R1", spend("S", "100.00", "2024-07-01")),
                new ImportRow(3, "R2", spend("NOPE", "10.00", "2024-07-01")),
                new ImportRow(4, "R3", spend("S", "10.00", "2030-01-01")),
                new ImportRow(6, "R1", spend("V", "10.00", "2024-07-01"))),
                List.of(new ImportRejected.BadRow(5, "amount", "'x' is not an amount")));
        given().when(file, as(FINANCE))
                .expectNoEvents()
                .expectException(rejectedRows("3:budgetLine", "4:incurredOn", "5:amount", "6:id"));
    }

    /** Matches an {@link ImportRejected} listing exactly these bad rows, as {@code line:column}. */
    private static org.hamcrest.Matcher<Throwable> rejectedRows(String... rows) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof ImportRejected r && r.badRows().stream()
                        .map(b -> b.row() + ":" + b.column()).toList().equals(List.of(rows));
            }

            @Override
            public void describeTo(org.hamcrest.Description d) {
                d.appendText("an import rejected for rows ").appendValueList("[", ", ", "]", rows);
            }
        };
    }

    @Test
    void an_import_applies_the_budget_rules_to_the_rows_together() {
        ImportExpenditures file = new ImportExpenditures(PROJECT, "CSV import", List.of(
                new ImportRow(2, "R1", spend("S", "600.00", "2024-07-01")),
                new ImportRow(3, "R2", spend("S", "600.00", "2024-07-02"))), List.of());
        given().when(file, as(FINANCE)).expectNoEvents().expectException(ImportRejected.class);
    }

    @Test
    void importing_the_same_file_again_records_nothing_new() {
        ImportExpenditures file = new ImportExpenditures(PROJECT, "CSV import", List.of(
                new ImportRow(2, "R1", spend("S", "100.00", "2024-07-01")),
                new ImportRow(3, "R2", spend("V", "50.00", "2024-07-02"))), List.of());
        ExpendituresImported imported = new ExpendituresImported(PROJECT, List.of(
                recorded("R1", spend("S", "100.00", "2024-07-01")), recorded("R2", spend("V", "50.00", "2024-07-02"))));
        given().when(file, as(FINANCE))
                .expectEventsMatching(imports(imported.rows()))
                .expectResultMessagePayload(new ImportResult(2, 0, 5));
        given(imported)
                .when(file, as(FINANCE))
                .expectNoEvents()
                .expectResultMessagePayload(new ImportResult(0, 2, 5));
    }

    /**
     * Exactly these import events, each with these rows: their sealed descriptions aside, as the fixture compares a
     * single record's (Fixtures).
     */
    @SafeVarargs
    private static org.hamcrest.Matcher<List<org.axonframework.eventhandling.EventMessage<?>>> imports(
            List<ExpenditureRecorded>... events) {
        List<org.hamcrest.Matcher<? super Object>> each = new java.util.ArrayList<>();
        for (List<ExpenditureRecorded> rows : events) {
            each.add(new org.hamcrest.CustomTypeSafeMatcher<>("an import of " + rows.size() + " rows") {
                @Override
                protected boolean matchesSafely(Object item) {
                    return item instanceof ExpendituresImported e && e.projectId().equals(PROJECT)
                            && undescribed(e.rows()).equals(undescribed(rows));
                }
            });
        }
        each.add(org.axonframework.test.matchers.Matchers.andNoMore());
        return org.axonframework.test.matchers.Matchers.payloadsMatching(
                org.axonframework.test.matchers.Matchers.exactSequenceOf(each.toArray(org.hamcrest.Matcher[]::new)));
    }

    private static List<ExpenditureRecorded> undescribed(List<ExpenditureRecorded> rows) {
        return rows.stream().map(e -> new ExpenditureRecorded(e.projectId(), e.expenditureId(), e.budgetLine(),
                e.amount(), e.incurredOn(), e.paidOn(), e.supplier(), e.invoice(), null, e.allowDuplicateInvoice(),
                e.corrects(), e.original())).toList();
    }

    @Test
    void an_import_records_its_rows_together_in_events_of_at_most_a_thousand_rows() {
        List<ImportRow> rows = new java.util.ArrayList<>();
        List<ExpenditureRecorded> recorded = new java.util.ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            ExpenditureDetails d = spend("S", "0.01", "2024-07-01");
            rows.add(new ImportRow(i + 2, "R" + i, d));
            recorded.add(recorded("R" + i, d));
        }
        given().when(new ImportExpenditures(PROJECT, "CSV import suur.csv", rows, List.of()), as(FINANCE))
                .expectEventsMatching(imports(recorded.subList(0, 1000), recorded.subList(1000, 2000),
                        recorded.subList(2000, 2500)))
                .expectResultMessagePayload(new ImportResult(2500, 0, 7));
        // the rows are the ledger's like any recorded expenditure: corrected, counted against the budget
        given(ExpendituresImported.of(PROJECT, recorded).toArray())
                .when(new CorrectExpenditure(PROJECT, "R2499", null, eur("0.02"), null, null, null, null, null, false,
                        "Parandus"), as(FINANCE))
                .expectSuccessfulHandlerExecution();
        assertThatThrownBy(() -> new ExpendituresImported(PROJECT, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpendituresImported(PROJECT, recorded.subList(0, 1001)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recorded_amounts_keep_exactly_the_currencys_minor_digits() {
        given().when(record("E1", spend("S", "100.5", "2024-07-01")), as(FINANCE))
                .expectEvents(recorded("E1", spend("S", "100.50", "2024-07-01")));
    }

    @SuppressWarnings("unused")
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
