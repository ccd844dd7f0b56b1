package io.seire.query.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.access.Role;
import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.setup.BudgetLineRevised;
import io.seire.query.ViewFixture;
import io.seire.query.read.Horizon;
import io.seire.query.read.Paging;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The project list and a project's set-up through the real set-up and finance projections: a reader sees the projects
 * they belong to (a liaison also those of their programmes), ordered by id, each with its plan and what was spent to
 * the cent; a project's detail gives each budget line's original and current plan on a date, as of any position.
 */
class ProjectViewsTest {

    private final ViewFixture fixture = new ViewFixture("setup-test");
    private final ProjectViews views = new ProjectViews(ViewFixture.client(), ViewFixture.gate());
    private final String base = ViewFixture.unique("views");
    private final String programme = ViewFixture.unique("GA");
    private final String other = ViewFixture.unique("GB");

    @Test
    void a_reader_lists_the_projects_they_belong_to_or_liaise_for_with_plan_and_spending_to_the_cent() {
        fixture.project(base + "-a", programme, null, "S", "100.10", "T", "50.05");
        fixture.project(base + "-b", programme, null, "S", "0.01");
        fixture.project(base + "-c", other, null, "S", "7.00");
        fixture.spend(base + "-a", "E1", "S", "12.34", LocalDate.of(2025, 2, 1));
        fixture.spend(base + "-a", "E2", "T", "0.01", LocalDate.of(2025, 2, 2));
        fixture.spend(base + "-a", "E3", "T", "5.00", LocalDate.of(2025, 2, 3));
        fixture.harness.feed(new ExpenditureCancelled(base + "-a", "E3", "topelt"));

        Paging.Page<ProjectViews.ProjectSummary> member = views.list(
                ViewFixture.reader(Role.FINANCE, Set.of(base + "-a"), Set.of()), new Paging(0, 50), null);
        assertThat(member.total()).isEqualTo(1);
        assertThat(member.items()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(base + "-a");
            assertThat(p.programme()).isEqualTo(programme);
            assertThat(p.currency()).isEqualTo("EUR");
            assertThat(p.totalPlanned()).isEqualTo("150.15");
            assertThat(p.spent()).isEqualTo("12.35"); // the cancelled 5.00 is not spent
        });

        Paging.Page<ProjectViews.ProjectSummary> liaison = views.list(
                ViewFixture.reader(Role.LIAISON, Set.of(), Set.of(programme)), new Paging(0, 50), null);
        assertThat(liaison.items()).extracting(ProjectViews.ProjectSummary::id)
                .containsExactly(base + "-a", base + "-b");
        assertThat(liaison.items()).extracting(ProjectViews.ProjectSummary::totalPlanned)
                .containsExactly("150.15", "0.01");
        // a manager of the project is no liaison: the programme alone shows them nothing
        assertThat(views.list(ViewFixture.reader(Role.MANAGER, Set.of(), Set.of(programme)), new Paging(0, 50), null)
                .total()).isZero();
    }

    @Test
    void the_detail_gives_each_lines_original_and_current_plan_on_a_date_as_of_any_position() {
        String project = base + "-d";
        long registered = fixture.project(project, programme, "C1", "S", "100.10", "T", "50.05");
        fixture.harness.feed(new BudgetLineRevised(project, "S", new BigDecimal("120.00"), LocalDate.of(2025, 7, 1),
                "lisatöö", "M-1"));

        ProjectViews.ProjectDetail march = views.detail(ViewFixture.scope(project, Horizon.NOW), LocalDate.of(2025, 3, 1));
        assertThat(march.component()).isEqualTo("C1");
        assertThat(march.reportingPeriods()).extracting(ProjectViews.Period::id).containsExactly("2025H1", "2025H2");
        assertThat(march.subActivities()).containsExactly(new ProjectViews.SubActivity("1", "Tegevus"));
        assertThat(march.budgetLines()).extracting(ProjectViews.BudgetLine::code, ProjectViews.BudgetLine::originalPlanned,
                ProjectViews.BudgetLine::planned).containsExactly(
                org.assertj.core.groups.Tuple.tuple("S", "100.10", "100.10"),
                org.assertj.core.groups.Tuple.tuple("T", "50.05", "50.05"));
        assertThat(march.totalPlanned()).isEqualTo("150.15");

        ProjectViews.ProjectDetail august = views.detail(ViewFixture.scope(project, Horizon.NOW), LocalDate.of(2025, 8, 1));
        assertThat(august.budgetLines()).extracting(ProjectViews.BudgetLine::originalPlanned, ProjectViews.BudgetLine::planned)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("100.10", "120.00"),
                        org.assertj.core.groups.Tuple.tuple("50.05", "50.05"));
        assertThat(august.totalPlanned()).isEqualTo("170.05");

        // before the revision was recorded, August was planned as originally
        ProjectViews.ProjectDetail then = views.detail(ViewFixture.scope(project, new Horizon(registered)),
                LocalDate.of(2025, 8, 1));
        assertThat(then.totalPlanned()).isEqualTo("150.15");
        assertThat(then.budgetLines()).extracting(ProjectViews.BudgetLine::planned).containsExactly("100.10", "50.05");
    }
}
