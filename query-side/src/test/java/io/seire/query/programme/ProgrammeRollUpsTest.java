package io.seire.query.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.seire.kernel.access.Role;
import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.programme.FundingSource;
import io.seire.kernel.programme.ProgrammeComponent;
import io.seire.kernel.programme.ProgrammeRegistered;
import io.seire.query.ViewFixture;
import io.seire.query.finance.BudgetExecution;
import io.seire.query.read.Paging;
import io.seire.query.read.ProjectFigures;
import io.seire.query.results.ResultsFramework;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A programme's budget execution gathered from its projects' own views (ADR 0022), through the real projections:
 * each project's totals, each component's and the programme's sums to the cent with the percentage recomputed
 * (two decimals HALF_UP), and the spending split among the funding sources by share, HALF_UP, the last source
 * taking the remainder; the programme list and detail show it to its liaison with its projects.
 */
class ProgrammeRollUpsTest {

    private static final LocalDate TO = LocalDate.of(2025, 12, 31);

    private final ViewFixture fixture = new ViewFixture("programme-test");
    private final ProgrammeGate gate = new ProgrammeGate(ViewFixture.client(), ViewFixture.gate());
    private final ProgrammeRollUps rollUps = new ProgrammeRollUps(ViewFixture.client(), gate,
            new BudgetExecution(ViewFixture.client()), new ResultsFramework(ViewFixture.client()), new ProjectFigures());
    private final ProgrammeViews programmes = new ProgrammeViews(ViewFixture.client(), gate);
    private final String programme = ViewFixture.unique("roll-up");
    private final String base = ViewFixture.unique("member");

    /** Three projects in two components: 30.03 of 300.30, 0.03 of 0.05 (C1) and 33.24 of 300.00 (C2). */
    private void history() {
        fixture.harness.feed(new ProgrammeRegistered(programme, "Koostööprogramm", "EUR", "CHF",
                new BigDecimal("1000.00"), List.of(new FundingSource("CH", "Šveits", new BigDecimal("85"), true),
                new FundingSource("EE", "Eesti", new BigDecimal("15"), false)),
                List.of(new ProgrammeComponent("C1", "Üks"), new ProgrammeComponent("C2", "Kaks")), List.of()));
        fixture.project(base + "-a", programme, "C1", "S", "100.10", "T", "200.20");
        fixture.project(base + "-b", programme, "C1", "S", "0.05");
        fixture.project(base + "-c", programme, "C2", "S", "300.00");
        fixture.spend(base + "-a", "E1", "S", "10.01", LocalDate.of(2025, 3, 1));
        fixture.spend(base + "-a", "E2", "T", "20.02", LocalDate.of(2025, 9, 1));
        fixture.spend(base + "-b", "E1", "S", "0.03", LocalDate.of(2025, 3, 1));
        fixture.spend(base + "-c", "E1", "S", "33.24", LocalDate.of(2025, 3, 1));
        fixture.spend(base + "-c", "E2", "S", "99.99", LocalDate.of(2025, 3, 2));
        fixture.harness.feed(new ExpenditureCancelled(base + "-c", "E2", "vale projekt"));
    }

    private ProgrammeScope scope(Role role) {
        return new ProgrammeScope(ProgrammeRow.find(ViewFixture.client(), programme), null,
                ViewFixture.reader(role, Set.of(), Set.of(programme)), true);
    }

    @Test
    void components_and_the_programme_add_up_their_projects_to_the_cent() {
        history();
        ProgrammeRollUps.BudgetExecutionView view = rollUps.budgetExecution(scope(Role.LIAISON), TO);

        assertThat(view.currency()).isEqualTo("EUR");
        assertThat(view.projects()).extracting(ProgrammeRollUps.ProjectExecution::project,
                ProgrammeRollUps.ProjectExecution::component, ProgrammeRollUps.ProjectExecution::planned,
                ProgrammeRollUps.ProjectExecution::spentCumulative, ProgrammeRollUps.ProjectExecution::remaining,
                ProgrammeRollUps.ProjectExecution::executionPercent).containsExactly(
                tuple(base + "-a", "C1", "300.30", "30.03", "270.27", "10.00"),
                tuple(base + "-b", "C1", "0.05", "0.03", "0.02", "60.00"),
                tuple(base + "-c", "C2", "300.00", "33.24", "266.76", "11.08"));
        assertThat(view.components()).extracting(ProgrammeRollUps.ComponentExecution::component,
                ProgrammeRollUps.ComponentExecution::planned, ProgrammeRollUps.ComponentExecution::spentCumulative,
                ProgrammeRollUps.ComponentExecution::remaining, ProgrammeRollUps.ComponentExecution::executionPercent)
                .containsExactly(tuple("C1", "300.35", "30.06", "270.29", "10.01"),
                        tuple("C2", "300.00", "33.24", "266.76", "11.08"));
        assertThat(view.totals()).isEqualTo(new ProgrammeRollUps.Execution("600.35", "63.30", "537.05", "10.54"));
    }

    @Test
    void the_programmes_spending_is_split_by_share_half_up_the_last_source_taking_the_remainder() {
        history();
        // 63.30 × 85 % = 53.805: HALF_UP gives 53.81 (HALF_EVEN would give 53.80); the rest, 9.49, is Estonia's
        assertThat(rollUps.budgetExecution(scope(Role.LIAISON), TO).bySource()).containsExactly(
                new ProgrammeRollUps.SourceAmount("CH", "53.81"), new ProgrammeRollUps.SourceAmount("EE", "9.49"));
        // spent up to a date counts only what was incurred by then
        assertThat(rollUps.budgetExecution(scope(Role.LIAISON), LocalDate.of(2025, 6, 30)).totals().spentCumulative())
                .isEqualTo("43.28");
    }

    @Test
    void its_liaison_lists_the_programme_and_reads_it_with_its_projects() {
        history();
        Paging.Page<ProgrammeViews.ProgrammeSummary> page = programmes.list(
                ViewFixture.reader(Role.LIAISON, Set.of(), Set.of(programme)), new Paging(0, 50));
        assertThat(page.items()).containsExactly(new ProgrammeViews.ProgrammeSummary(programme, "Koostööprogramm",
                "EUR", "CHF", "1000.00"));
        assertThat(programmes.list(ViewFixture.reader(Role.MANAGER, Set.of(base + "-c"), Set.of()), new Paging(0, 50))
                .items()).extracting(ProgrammeViews.ProgrammeSummary::id).containsExactly(programme);
        assertThat(programmes.list(ViewFixture.reader(Role.MANAGER, Set.of(), Set.of(programme)), new Paging(0, 50))
                .total()).isZero();

        ProgrammeViews.ProgrammeDetail detail = programmes.detail(scope(Role.LIAISON));
        assertThat(detail.fundingSources()).extracting(ProgrammeViews.ProgrammeFundingSource::code,
                ProgrammeViews.ProgrammeFundingSource::share).containsExactly(tuple("CH", "85"), tuple("EE", "15"));
        assertThat(detail.projects()).extracting(ProgrammeViews.ProgrammeProject::id,
                ProgrammeViews.ProgrammeProject::component).containsExactly(tuple(base + "-a", "C1"),
                tuple(base + "-b", "C1"), tuple(base + "-c", "C2"));
    }
}
