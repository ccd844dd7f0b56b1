package io.seire.query.reimbursement;

import static io.seire.query.reimbursement.ReimbursementProjectionTest.figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.seire.kernel.access.Role;
import io.seire.kernel.programme.FundingSource;
import io.seire.kernel.programme.ProgrammeRegistered;
import io.seire.kernel.reimbursement.ClaimedExpenditure;
import io.seire.kernel.reimbursement.ExchangeRate;
import io.seire.kernel.reimbursement.ReimbursementPaymentRecorded;
import io.seire.kernel.reimbursement.ReimbursementRequestApproved;
import io.seire.kernel.reimbursement.ReimbursementRequestReturned;
import io.seire.kernel.reimbursement.ReimbursementRequested;
import io.seire.query.ViewFixture;
import io.seire.query.programme.ProgrammeGate;
import io.seire.query.programme.ProgrammeRow;
import io.seire.query.programme.ProgrammeScope;
import io.seire.query.read.Horizon;
import io.seire.query.read.Paging;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A project's reimbursement requests listed by their window's start (then by position), paged, each with the status
 * its steps give it; a returned request's history; and the programme's claims against its ceiling summed across its
 * projects to the cent, a returned request counting nothing and an approved one its approved claim (ADR 0025).
 */
class ReimbursementViewsTest {

    private static final ExchangeRate RATE = new ExchangeRate(new BigDecimal("0.9412"), LocalDate.of(2025, 7, 1), "ECB");

    private final ViewFixture fixture = new ViewFixture("reimbursement-test");
    private final ReimbursementViews views = new ReimbursementViews(ViewFixture.client());
    private final String programme = ViewFixture.unique("claims");
    private final String a = ViewFixture.unique("claims-a");
    private final String b = ViewFixture.unique("claims-b");

    private static ReimbursementRequested requested(String project, String request, String programme, LocalDate from,
                                                    String eligible, String claimed, String chf) {
        return new ReimbursementRequested(project, request, programme, from, from.plusMonths(6).minusDays(1), RATE,
                "CHF", List.of(new ClaimedExpenditure("E-" + request, "S", new BigDecimal(eligible))),
                figures(List.of("E-" + request), eligible, claimed, chf));
    }

    /** A: R2 (July, pending) submitted before R1 (January, approved and paid); B: R1 returned, R2 pending. */
    private void history() {
        fixture.harness.feed(new ProgrammeRegistered(programme, "Nõuded", "EUR", "CHF", new BigDecimal("1000.00"),
                List.of(new FundingSource("CH", "Šveits", new BigDecimal("85"), true),
                        new FundingSource("EE", "Eesti", new BigDecimal("15"), false)), List.of(), List.of()));
        fixture.project(a, programme, null, "S", "1000.00");
        fixture.project(b, programme, null, "S", "1000.00");
        fixture.harness.feed(requested(a, "R2", programme, LocalDate.of(2025, 7, 1), "60.00", "51.00", "50.55"));
        fixture.harness.feed(requested(a, "R1", programme, LocalDate.of(2025, 1, 1), "120.00", "102.00", "96.00"));
        fixture.harness.feed(new ReimbursementRequestApproved(a, "R1", List.of(), "Korras",
                figures(List.of("E-R1"), "100.00", "85.00", "80.00"), "CHF"));
        fixture.harness.feed(new ReimbursementPaymentRecorded(a, "R1", LocalDate.of(2025, 9, 1), new BigDecimal("80.00"),
                "CHF"));
        fixture.harness.feed(requested(b, "R1", programme, LocalDate.of(2025, 1, 1), "40.00", "34.00", "30.33"));
        fixture.harness.feed(new ReimbursementRequestReturned(b, "R1", "Arved puudu"));
        fixture.harness.feed(requested(b, "R2", programme, LocalDate.of(2025, 7, 1), "15.00", "12.75", "12.35"));
    }

    @Test
    void requests_are_listed_by_their_windows_start_with_the_status_their_steps_give_them() {
        history();
        Paging.Page<ReimbursementViews.RequestSummary> page = views.list(ViewFixture.scope(a, Horizon.NOW),
                new Paging(0, 50));

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(ReimbursementViews.RequestSummary::id,
                ReimbursementViews.RequestSummary::status, ReimbursementViews.RequestSummary::claimedInClaimCurrency,
                ReimbursementViews.RequestSummary::approvedClaimedInClaimCurrency).containsExactly(
                tuple("R1", "PAID", "96.00", "80.00"), tuple("R2", "SUBMITTED", "50.55", null));
        assertThat(page.items().get(0).payment())
                .isEqualTo(new ReimbursementViews.PaymentView(LocalDate.of(2025, 9, 1), "80.00"));
        assertThat(page.items().get(0).exchangeRate())
                .isEqualTo(new ReimbursementViews.ExchangeRateView("0.9412", LocalDate.of(2025, 7, 1), "ECB"));

        Paging.Page<ReimbursementViews.RequestSummary> second = views.list(ViewFixture.scope(a, Horizon.NOW),
                new Paging(1, 1));
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.items()).extracting(ReimbursementViews.RequestSummary::id).containsExactly("R2");
    }

    @Test
    void a_returned_request_keeps_its_figures_and_shows_why_in_its_history() {
        history();
        ReimbursementViews.RequestView returned = views.detail(ViewFixture.scope(b, Horizon.NOW), "R1");

        assertThat(returned.status()).isEqualTo("RETURNED");
        assertThat(returned.claimedInClaimCurrency()).isEqualTo("30.33");
        assertThat(returned.eligibleTotal()).isEqualTo("40.00");
        assertThat(returned.approved()).isNull();
        assertThat(returned.history()).extracting(ReimbursementViews.HistoryEntry::status,
                ReimbursementViews.HistoryEntry::comment, ReimbursementViews.HistoryEntry::actor).containsExactly(
                tuple("SUBMITTED", null, "reimbursement-test"), tuple("RETURNED", "Arved puudu", "reimbursement-test"));
    }

    @Test
    void the_programmes_claims_add_up_across_its_projects_to_the_cent_against_the_ceiling() {
        history();
        ProgrammeGate gate = new ProgrammeGate(ViewFixture.client(), ViewFixture.gate());
        ProgrammeReimbursement claims = new ProgrammeReimbursement(ViewFixture.client(), gate, views);
        ProgrammeScope scope = new ProgrammeScope(ProgrammeRow.find(ViewFixture.client(), programme), null,
                ViewFixture.reader(Role.LIAISON, Set.of(), Set.of(programme)), true);

        ProgrammeReimbursement.View view = claims.view(scope);

        assertThat(view.claimCurrency()).isEqualTo("CHF");
        assertThat(view.projects()).extracting(ProgrammeReimbursement.ProjectClaims::project,
                ProgrammeReimbursement.ProjectClaims::claimed, ProgrammeReimbursement.ProjectClaims::approved,
                ProgrammeReimbursement.ProjectClaims::paid).containsExactlyInAnyOrder(
                tuple(a, "146.55", "80.00", "80.00"), tuple(b, "12.35", "0.00", "0.00"));
        assertThat(view.claimed()).isEqualTo("158.90");
        assertThat(view.approved()).isEqualTo("80.00");
        assertThat(view.paid()).isEqualTo("80.00");
        // counted: A's approved 80.00 and pending 50.55, B's pending 12.35 (its returned request counts nothing)
        assertThat(view.remainingCeiling()).isEqualTo("857.10");
    }
}
