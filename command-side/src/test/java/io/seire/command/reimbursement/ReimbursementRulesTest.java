package io.seire.command.reimbursement;

import static io.seire.command.project.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.seire.command.programme.ClaimTerms;
import io.seire.command.programme.InMemoryProgrammeRegister;
import io.seire.command.project.Project;
import io.seire.kernel.CurrencyCode;
import io.seire.kernel.Recorded;
import io.seire.kernel.RuleViolation.Outcome;
import io.seire.kernel.finance.CancelExpenditure;
import io.seire.kernel.finance.CorrectExpenditure;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureDetails;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.finance.RecordExpenditure;
import io.seire.kernel.programme.FundingSource;
import io.seire.kernel.reimbursement.ApproveReimbursementRequest;
import io.seire.kernel.reimbursement.ClaimLine;
import io.seire.kernel.reimbursement.ExchangeRate;
import io.seire.kernel.reimbursement.Exclusion;
import io.seire.kernel.reimbursement.RecordReimbursementPayment;
import io.seire.kernel.reimbursement.ReimbursementPaymentRecorded;
import io.seire.kernel.reimbursement.ReimbursementRequestApproved;
import io.seire.kernel.reimbursement.ReimbursementRequestReturned;
import io.seire.kernel.reimbursement.ReimbursementRequested;
import io.seire.kernel.reimbursement.ReturnReimbursementRequest;
import io.seire.kernel.reimbursement.SubmitReimbursementRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of reimbursement requests, each named: what a request includes, non-overlapping windows, the ceiling,
 * approval with exclusions, return, payment, and claimed money locked like a reported period. The project (in the
 * Swiss–Estonian programme: CHF, ceiling 1000.00, Swiss 85 % claimed, national 15 %) plans STAFF on line S,
 * SERVICES on line V and a 15 % flat rate of STAFF on line IND.
 */
class ReimbursementRulesTest {

    static final ClaimTerms TERMS = new ClaimTerms(PROGRAMME, new CurrencyCode("CHF"), new BigDecimal("1000.00"),
            List.of(new FundingSource("CH", "Šveitsi toetus", new BigDecimal("85"), true),
                    new FundingSource("EE", "Riiklik kaasfinantseering", new BigDecimal("15"), false)));
    static final ExchangeRate RATE = new ExchangeRate(new BigDecimal("0.9412"), date("2025-07-01"), "ECB");

    private InMemoryProgrammeRegister programmes;
    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        programmes = new InMemoryProgrammeRegister().claimTerms(TERMS);
        fixture = projectFixture(programmes);
    }

    /** The project with its lines and the given events, then the given commands (sent by an administrator). */
    private TestExecutor<Project> given(List<Object> events, Object... commands) {
        List<Object> all = new ArrayList<>(List.of(registered(), subActivity("1"),
                line("S", "1", "STAFF", "100000.00"), line("V", "1", "SERVICES", "50000.00"),
                flatRate("IND", "1", "INDIRECT", "15", "STAFF")));
        all.addAll(events);
        TestExecutor<Project> executor = fixture.given(all);
        if (commands.length > 0) {
            executor = executor.andGivenCommands(Arrays.stream(commands)
                    .map(c -> GenericCommandMessage.asCommandMessage(c).andMetaData(as(ADMIN))).toList());
        }
        return executor;
    }

    private TestExecutor<Project> given(Object... events) {
        return given(List.of(events));
    }

    static ExpenditureRecorded paid(String id, String line, String amount, String paidOn) {
        return new ExpenditureRecorded(PROJECT, id, line, eur(amount), date(paidOn), date(paidOn), "OÜ Tarnija",
                "A-" + id, "Arve", false, null);
    }

    static ExpenditureRecorded unpaid(String id, String line, String amount, String incurredOn) {
        return new ExpenditureRecorded(PROJECT, id, line, eur(amount), date(incurredOn), null, "OÜ Tarnija",
                "A-" + id, "Arve", false, null);
    }

    static SubmitReimbursementRequest request(String id, String from, String to) {
        return new SubmitReimbursementRequest(PROJECT, id, date(from), date(to), RATE);
    }

    static RecordExpenditure adjustment(String id, String corrects, String amount, String paidOn) {
        return adjustment(id, corrects, "S", amount, paidOn);
    }

    static RecordExpenditure adjustment(String id, String corrects, String line, String amount, String paidOn) {
        return new RecordExpenditure(PROJECT, id, new ExpenditureDetails(line, eur(amount), date("2025-08-01"),
                paidOn == null ? null : date(paidOn), "OÜ Tarnija", "A-" + corrects, "Parandus"), false, corrects);
    }

    /** Matches any events, keeping them for assertions. */
    static final class Captured extends BaseMatcher<List<? super EventMessage<?>>> {
        List<?> events = List.of();

        @Override
        public boolean matches(Object item) {
            events = (List<?>) item;
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("any events");
        }

        <T> T only(Class<T> type) {
            assertThat(events).hasSize(1);
            return type.cast(((EventMessage<?>) events.get(0)).getPayload());
        }
    }

    static <T> T event(ResultValidator<Project> result, Class<T> type) {
        Captured captured = new Captured();
        result.expectEventsMatching(captured);
        return captured.only(type);
    }

    // ---------------------------------------------------------------- what a request includes

    @Test
    void a_request_includes_every_expenditure_paid_in_its_window_that_is_not_cancelled() {
        ReimbursementRequested e = event(given(List.of(paid("E1", "S", "100.00", "2025-01-01"),
                        paid("E2", "V", "40.00", "2025-06-30"), paid("E3", "S", "7.00", "2024-12-31"),
                        paid("E4", "S", "8.00", "2025-07-01"), unpaid("E5", "S", "9.00", "2025-03-01"),
                        paid("E6", "S", "10.00", "2025-03-01"),
                        new io.seire.kernel.finance.ExpenditureCancelled(PROJECT, "E6", "topelt")))
                .when(request("R1", "2025-01-01", "2025-06-30"), as(FINANCE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new Recorded("R1", 12)), ReimbursementRequested.class);
        assertThat(e.included()).extracting(c -> c.expenditure()).containsExactly("E1", "E2");
        assertThat(e.programme()).isEqualTo(PROGRAMME);
        assertThat(e.claimCurrency()).isEqualTo("CHF");
        assertThat(e.figures().lines()).containsExactly(new ClaimLine("S", "STAFF", eur("100.00")),
                new ClaimLine("V", "SERVICES", eur("40.00")), new ClaimLine("IND", "INDIRECT", eur("15.00")));
        assertThat(e.figures().eligibleTotal()).isEqualTo(eur("155.00"));
        assertThat(e.figures().claimed()).isEqualTo(eur("131.75"));
        // 131.75 × 0.9412 = 124.0031
        assertThat(e.figures().claimedInClaimCurrency()).isEqualTo(eur("124.00"));
    }

    @Test
    void requests_only_for_projects_of_a_registered_programme() {
        fixture = projectFixture(new InMemoryProgrammeRegister());
        given(paid("E1", "S", "100.00", "2025-01-01"))
                .when(request("R1", "2025-01-01", "2025-06-30"), as(FINANCE))
                .expectNoEvents()
                .expectException(violates("requests-only-in-a-registered-programme", Outcome.UNPROCESSABLE));
    }

    @Test
    void a_request_claims_something() {
        given(paid("E1", "S", "100.00", "2025-07-01"))
                .when(request("R1", "2025-01-01", "2025-06-30"), as(FINANCE))
                .expectNoEvents()
                .expectException(violates("request-claims-something", Outcome.UNPROCESSABLE));
    }

    @Test
    void an_expenditure_in_an_earlier_request_that_is_not_returned_is_not_claimed_again() {
        // E1 is claimed by R1; A1 (adjusting it) falls into R2; R3 finds nothing left of either
        given(List.of(paid("E1", "S", "100.00", "2025-03-01")), request("R1", "2025-01-01", "2025-06-30"),
                adjustment("A1", "E1", "-10.00", null), request("R2", "2025-07-01", "2025-12-31"))
                .when(request("R3", "2026-01-01", "2026-06-30"), as(FINANCE))
                .expectNoEvents()
                .expectException(violates("request-claims-something"));
    }

    @Test
    void a_returned_request_releases_its_expenditures() {
        ReimbursementRequested again = event(given(List.of(paid("E1", "S", "100.00", "2025-03-01")),
                        request("R1", "2025-01-01", "2025-06-30"),
                        new ReturnReimbursementRequest(PROJECT, "R1", "Kursi allikas puudub"))
                .when(request("R2", "2025-01-01", "2025-06-30"), as(FINANCE)), ReimbursementRequested.class);
        assertThat(again.included()).extracting(c -> c.expenditure()).containsExactly("E1");
    }

    @Test
    void windows_of_requests_that_are_not_returned_do_not_overlap() {
        given(List.of(paid("E1", "S", "100.00", "2025-03-01"), paid("E2", "S", "50.00", "2025-08-01")),
                request("R1", "2025-01-01", "2025-06-30"))
                .when(request("R2", "2025-06-30", "2025-12-31"), as(FINANCE))
                .expectNoEvents()
                .expectException(violates("request-windows-do-not-overlap", Outcome.CONFLICT));
        given(List.of(paid("E1", "S", "100.00", "2025-03-01"), paid("E2", "S", "50.00", "2025-08-01")),
                request("R1", "2025-01-01", "2025-06-30"),
                new ReturnReimbursementRequest(PROJECT, "R1", "Vale aken"))
                .when(request("R2", "2025-06-01", "2025-12-31"), as(FINANCE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void expenditures_excluded_at_an_approval_are_claimed_again_whatever_their_paid_date() {
        ReimbursementRequested second = event(given(List.of(paid("E1", "S", "100.00", "2025-03-01"),
                        paid("E2", "V", "40.00", "2025-04-01"), paid("E3", "V", "5.00", "2025-08-01")),
                request("R1", "2025-01-01", "2025-06-30"),
                new ApproveReimbursementRequest(PROJECT, "R1", List.of(new Exclusion("E2", "Arve puudub")), null))
                .when(request("R2", "2025-07-01", "2025-12-31"), as(FINANCE)), ReimbursementRequested.class);
        assertThat(second.included()).extracting(c -> c.expenditure()).containsExactly("E2", "E3");
    }

    @Test
    void adjustments_of_claimed_expenditures_fall_into_the_next_request_whatever_their_paid_date() {
        ReimbursementRequested second = event(given(List.of(paid("E1", "S", "100.00", "2025-03-01"),
                        paid("E2", "S", "30.00", "2025-09-01")),
                request("R1", "2025-01-01", "2025-06-30"), adjustment("A1", "E1", "-10.00", "2024-10-01"),
                adjustment("A2", "E1", "4.00", null))
                .when(request("R2", "2025-07-01", "2025-12-31"), as(FINANCE)), ReimbursementRequested.class);
        assertThat(second.included()).extracting(c -> c.expenditure()).containsExactly("E2", "A1", "A2");
        assertThat(second.figures().lines()).containsExactly(new ClaimLine("S", "STAFF", eur("24.00")),
                new ClaimLine("IND", "INDIRECT", eur("3.60")));
    }

    @Test
    void a_requests_window_starts_before_it_ends_and_its_rate_has_at_most_six_decimals_a_date_and_a_source() {
        given(paid("E1", "S", "100.00", "2025-03-01"))
                .when(request("R1", "2025-07-01", "2025-06-30"), as(FINANCE))
                .expectException(violates("request-window-in-order", Outcome.UNPROCESSABLE));
        given(paid("E1", "S", "100.00", "2025-03-01"))
                .when(new SubmitReimbursementRequest(PROJECT, "R1", date("2025-01-01"), date("2025-06-30"),
                        new ExchangeRate(new BigDecimal("0.9412345"), date("2025-07-01"), "ECB")), as(FINANCE))
                .expectException(violates("rate-positive-up-to-six-decimals", Outcome.BAD_REQUEST));
        given(paid("E1", "S", "100.00", "2025-03-01"))
                .when(new SubmitReimbursementRequest(PROJECT, "R1", date("2025-01-01"), date("2025-06-30"),
                        new ExchangeRate(BigDecimal.ZERO, date("2025-07-01"), "ECB")), as(FINANCE))
                .expectException(violates("rate-positive-up-to-six-decimals", Outcome.BAD_REQUEST));
        given(paid("E1", "S", "100.00", "2025-03-01"))
                .when(new SubmitReimbursementRequest(PROJECT, "R1", date("2025-01-01"), date("2025-06-30"),
                        new ExchangeRate(BigDecimal.ONE, date("2025-07-01"), " ")), as(FINANCE))
                .expectException(violates("field-required", Outcome.BAD_REQUEST));
    }

    @Test
    void a_request_id_is_used_once() {
        given(List.of(paid("E1", "S", "100.00", "2025-03-01"), paid("E2", "S", "100.00", "2025-09-01")),
                request("R1", "2025-01-01", "2025-06-30"))
                .when(request("R1", "2025-07-01", "2025-12-31"), as(FINANCE))
                .expectException(violates("request-id-unique", Outcome.CONFLICT));
    }

    // ---------------------------------------------------------------- the ceiling

    @Test
    void the_programmes_claims_together_stay_within_its_ceiling_checked_under_its_lock() {
        // claims 1000.00 EUR × 85 % = 850.00 EUR → 800.02 CHF
        programmes.claimed(PROGRAMME, new BigDecimal("199.99"));
        given(paid("E1", "V", "1000.00", "2025-03-01"))
                .when(request("R1", "2025-01-01", "2025-06-30"), as(FINANCE))
                .expectNoEvents()
                .expectException(violates("claims-within-the-ceiling", Outcome.UNPROCESSABLE));
        assertThat(programmes.locked).containsExactly(PROGRAMME);

        programmes.claimed(PROGRAMME, new BigDecimal("199.98"));
        ReimbursementRequested exactly = event(given(paid("E1", "V", "1000.00", "2025-03-01"))
                .when(request("R1", "2025-01-01", "2025-06-30"), as(FINANCE)), ReimbursementRequested.class);
        assertThat(exactly.figures().claimedInClaimCurrency()).isEqualTo(eur("800.02"));
    }

    @Test
    void leaving_out_a_negative_adjustment_at_approval_must_still_fit_the_ceiling() {
        // R1 claims E1 (900.00 EUR → 720.02 CHF); R2 holds E2 (+900.00) and A1 (−900.00 of E1): it claims 0.00 CHF,
        // and 720.02 CHF without A1
        List<Object> events = List.of(paid("E1", "V", "900.00", "2025-03-01"), paid("E2", "V", "900.00", "2025-08-01"));
        Object[] requests = {request("R1", "2025-01-01", "2025-06-30"), adjustment("A1", "E1", "V", "-900.00", null),
                request("R2", "2025-07-01", "2025-12-31")};
        ApproveReimbursementRequest withoutA1 = new ApproveReimbursementRequest(PROJECT, "R2",
                List.of(new Exclusion("A1", "Kreeditarve puudub")), null);

        TestExecutor<Project> overTheCeiling = given(events, requests);
        programmes.claimed(PROGRAMME, new BigDecimal("720.02"));
        overTheCeiling.when(withoutA1, as(LIAISON))
                .expectNoEvents()
                .expectException(violates("claims-within-the-ceiling", Outcome.UNPROCESSABLE));

        programmes.claimTerms(new ClaimTerms(PROGRAMME, TERMS.claimCurrency(), new BigDecimal("1440.04"),
                TERMS.fundingSources()));
        programmes.claimed(PROGRAMME, BigDecimal.ZERO);
        TestExecutor<Project> exactlyTheCeiling = given(events, requests);
        programmes.claimed(PROGRAMME, new BigDecimal("720.02"));
        ReimbursementRequestApproved approved = event(exactlyTheCeiling.when(withoutA1, as(LIAISON)),
                ReimbursementRequestApproved.class);
        assertThat(approved.approved().claimedInClaimCurrency()).isEqualTo(eur("720.02"));
    }

    // ---------------------------------------------------------------- approval, return, payment

    @Test
    void approval_recomputes_the_figures_without_the_excluded_expenditures() {
        ReimbursementRequestApproved approved = event(given(List.of(paid("E1", "S", "100.00", "2025-03-01"),
                        paid("E2", "V", "40.00", "2025-04-01")), request("R1", "2025-01-01", "2025-06-30"))
                .when(new ApproveReimbursementRequest(PROJECT, "R1", List.of(new Exclusion("E1", "Palgaleht puudub")),
                        "Kinnitatud osaliselt"), as(LIAISON)), ReimbursementRequestApproved.class);
        assertThat(approved.approved().expenditures()).containsExactly("E2");
        assertThat(approved.approved().lines()).containsExactly(new ClaimLine("V", "SERVICES", eur("40.00")));
        assertThat(approved.approved().eligibleTotal()).isEqualTo(eur("40.00"));
        assertThat(approved.approved().claimed()).isEqualTo(eur("34.00"));
        // same rate: 34.00 × 0.9412 = 32.0008
        assertThat(approved.approved().claimedInClaimCurrency()).isEqualTo(eur("32.00"));
        assertThat(approved.comment()).isEqualTo("Kinnitatud osaliselt");
    }

    @Test
    void only_expenditures_of_the_request_are_excluded_each_once_with_a_reason() {
        given(List.of(paid("E1", "S", "100.00", "2025-03-01"), paid("E2", "S", "5.00", "2025-08-01")),
                request("R1", "2025-01-01", "2025-06-30"))
                .when(new ApproveReimbursementRequest(PROJECT, "R1", List.of(new Exclusion("E2", "x")), null),
                        as(LIAISON))
                .expectException(violates("excluded-expenditure-in-the-request", Outcome.UNPROCESSABLE));
        given(List.of(paid("E1", "S", "100.00", "2025-03-01")), request("R1", "2025-01-01", "2025-06-30"))
                .when(new ApproveReimbursementRequest(PROJECT, "R1", List.of(new Exclusion("E1", "x"),
                        new Exclusion("E1", "y")), null), as(LIAISON))
                .expectException(violates("exclusion-named-once", Outcome.BAD_REQUEST));
        given(List.of(paid("E1", "S", "100.00", "2025-03-01")), request("R1", "2025-01-01", "2025-06-30"))
                .when(new ApproveReimbursementRequest(PROJECT, "R1", List.of(new Exclusion("E1", "")), null),
                        as(LIAISON))
                .expectException(violates("field-required", Outcome.BAD_REQUEST));
    }

    @Test
    void only_a_submitted_request_is_approved_or_returned_and_a_return_says_why() {
        Object[] submittedAndApproved = {request("R1", "2025-01-01", "2025-06-30"),
                new ApproveReimbursementRequest(PROJECT, "R1", List.of(), null)};
        given(List.of(paid("E1", "S", "100.00", "2025-03-01")), submittedAndApproved)
                .when(new ApproveReimbursementRequest(PROJECT, "R1", List.of(), null), as(LIAISON))
                .expectException(violates("request-awaits-decision", Outcome.CONFLICT));
        given(List.of(paid("E1", "S", "100.00", "2025-03-01")), submittedAndApproved)
                .when(new ReturnReimbursementRequest(PROJECT, "R1", "Hilja"), as(LIAISON))
                .expectException(violates("request-awaits-decision", Outcome.CONFLICT));
        given(List.of(paid("E1", "S", "100.00", "2025-03-01")), request("R1", "2025-01-01", "2025-06-30"))
                .when(new ReturnReimbursementRequest(PROJECT, "R1", " "), as(LIAISON))
                .expectException(violates("field-required", Outcome.BAD_REQUEST));
        given(List.of(paid("E1", "S", "100.00", "2025-03-01")), request("R1", "2025-01-01", "2025-06-30"))
                .when(new ReturnReimbursementRequest(PROJECT, "R1", "Kurss on vale"), as(LIAISON))
                .expectEvents(new ReimbursementRequestReturned(PROJECT, "R1", "Kurss on vale"));
        given().when(new ApproveReimbursementRequest(PROJECT, "R9", List.of(), null), as(LIAISON))
                .expectException(violates("request-exists", Outcome.NOT_FOUND));
    }

    @Test
    void only_an_approved_request_is_paid_once_and_not_more_than_approved() {
        // approved: 100.00 + 15.00 flat rate = 115.00 × 85 % = 97.75 EUR × 0.9412 = 92.00 CHF
        Object[] approved = {request("R1", "2025-01-01", "2025-06-30"),
                new ApproveReimbursementRequest(PROJECT, "R1", List.of(), null)};
        List<Object> spent = List.of(paid("E1", "S", "100.00", "2025-03-01"));
        given(spent, approved)
                .when(new RecordReimbursementPayment(PROJECT, "R1", date("2025-09-15"), eur("92.00")), as(LIAISON))
                .expectEvents(new ReimbursementPaymentRecorded(PROJECT, "R1", date("2025-09-15"), eur("92.00"), "CHF"));
        given(spent, approved)
                .when(new RecordReimbursementPayment(PROJECT, "R1", date("2025-09-15"), eur("92.01")), as(ADMIN))
                .expectException(violates("payment-within-the-approved-amount", Outcome.UNPROCESSABLE));
        given(spent, approved)
                .when(new RecordReimbursementPayment(PROJECT, "R1", date("2025-09-15"), eur("92.001")), as(ADMIN))
                .expectException(violates("amount-positive-with-minor-digits", Outcome.BAD_REQUEST));
        given(spent, request("R1", "2025-01-01", "2025-06-30"))
                .when(new RecordReimbursementPayment(PROJECT, "R1", date("2025-09-15"), eur("92.00")), as(ADMIN))
                .expectException(violates("only-approved-requests-are-paid", Outcome.CONFLICT));
        given(spent, approved[0], approved[1],
                new RecordReimbursementPayment(PROJECT, "R1", date("2025-09-15"), eur("92.00")))
                .when(new RecordReimbursementPayment(PROJECT, "R1", date("2025-09-16"), eur("1.00")), as(ADMIN))
                .expectException(violates("only-approved-requests-are-paid", Outcome.CONFLICT));
    }

    @Test
    void finance_staff_submit_liaisons_decide_and_liaisons_or_administrators_record_payments() {
        List<Object> spent = List.of(paid("E1", "S", "100.00", "2025-03-01"));
        given(spent).when(request("R1", "2025-01-01", "2025-06-30"), as(MANAGER))
                .expectException(violates("role-allows-write", Outcome.FORBIDDEN));
        given(spent).when(request("R1", "2025-01-01", "2025-06-30"), as(LIAISON))
                .expectException(violates("role-allows-write", Outcome.FORBIDDEN));
        given(spent, request("R1", "2025-01-01", "2025-06-30"))
                .when(new ApproveReimbursementRequest(PROJECT, "R1", List.of(), null), as(FINANCE))
                .expectException(violates("role-allows-write", Outcome.FORBIDDEN));
        given(spent, request("R1", "2025-01-01", "2025-06-30"))
                .when(new ReturnReimbursementRequest(PROJECT, "R1", "Ei"), as(FINANCE))
                .expectException(violates("role-allows-write", Outcome.FORBIDDEN));
        given(spent, request("R1", "2025-01-01", "2025-06-30"),
                new ApproveReimbursementRequest(PROJECT, "R1", List.of(), null))
                .when(new RecordReimbursementPayment(PROJECT, "R1", date("2025-09-15"), eur("1.00")), as(FINANCE))
                .expectException(violates("role-allows-write", Outcome.FORBIDDEN));
        given(spent).when(request("R1", "2025-01-01", "2025-06-30"), as(STRANGER))
                .expectException(violates("not-found", Outcome.NOT_FOUND));
    }

    // ---------------------------------------------------------------- claimed money is locked

    @Test
    void a_claimed_expenditure_is_neither_corrected_nor_cancelled_directly() {
        List<Object> spent = List.of(paid("E1", "S", "100.00", "2025-03-01"));
        given(spent, request("R1", "2025-01-01", "2025-06-30"))
                .when(new CorrectExpenditure(PROJECT, "E1", null, eur("90.00"), null, null, null, null, null, false,
                        "Kreeditarve"), as(FINANCE))
                .expectNoEvents()
                .expectException(violates("claimed-expenditure-changes-by-adjustment", Outcome.CONFLICT));
        given(spent, request("R1", "2025-01-01", "2025-06-30"),
                new ApproveReimbursementRequest(PROJECT, "R1", List.of(), null))
                .when(new CancelExpenditure(PROJECT, "E1", "Topelt"), as(FINANCE))
                .expectNoEvents()
                .expectException(violates("claimed-expenditure-changes-by-adjustment", Outcome.CONFLICT));
    }

    @Test
    void an_expenditure_excluded_or_returned_is_no_longer_claimed_and_is_corrected_directly() {
        List<Object> spent = List.of(paid("E1", "S", "100.00", "2025-03-01"));
        ExpenditureCorrected corrected = new ExpenditureCorrected(PROJECT, "E1", "S", eur("90.00"), date("2025-03-01"),
                date("2025-03-01"), "OÜ Tarnija", "A-E1", "Arve", "Kreeditarve");
        CorrectExpenditure correct = new CorrectExpenditure(PROJECT, "E1", null, eur("90.00"), null, null, null, null,
                null, false, "Kreeditarve");
        given(spent, request("R1", "2025-01-01", "2025-06-30"),
                new ApproveReimbursementRequest(PROJECT, "R1", List.of(new Exclusion("E1", "Arve puudub")), null))
                .when(correct, as(FINANCE)).expectEvents(corrected);
        given(spent, request("R1", "2025-01-01", "2025-06-30"),
                new ReturnReimbursementRequest(PROJECT, "R1", "Vale kurss"))
                .when(correct, as(FINANCE)).expectEvents(corrected);
    }

    @Test
    void corrects_may_name_a_claimed_expenditure_with_a_negative_amount_but_not_an_unclaimed_one_of_an_open_period() {
        List<Object> spent = List.of(paid("E1", "S", "100.00", "2025-03-01"), paid("E2", "S", "10.00", "2025-08-01"));
        given(spent, request("R1", "2025-01-01", "2025-06-30"))
                .when(adjustment("A1", "E1", "-25.00", null), as(FINANCE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new Recorded("A1", 8));
        given(spent, request("R1", "2025-01-01", "2025-06-30"))
                .when(adjustment("A1", "E2", "-5.00", null), as(FINANCE))
                .expectNoEvents()
                .expectException(violates("adjustment-only-for-locked-periods", Outcome.UNPROCESSABLE));
    }
}
