package io.seire.query.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.reporting.ReportApproved;
import io.seire.kernel.reporting.ReportKind;
import io.seire.kernel.reporting.ReportSubmitted;
import io.seire.kernel.setup.BudgetLineAdded;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.SubActivityAdded;
import io.seire.platform.eventstore.EventChain;
import io.seire.query.ProjectionHarness;
import io.seire.query.read.Horizon;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A submitted report keeps the figures it was composed from; a later correction does not change the stored document
 * but shows as a change, submitted and now, with the event that made it.
 */
class ReportViewsTest {

    private final ProjectionHarness harness = new ProjectionHarness("clerk");
    private final String project = "report-" + UUID.randomUUID();

    @Test
    void a_submitted_report_keeps_its_figures_and_a_later_correction_shows_as_a_change_to_the_cent() throws Exception {
        var jdbc = ProjectionHarness.jdbc();
        LocalDate day = LocalDate.of(2024, 3, 4);
        harness.feed(new ProjectRegistered(project, "Aruanne", "P", "B", "EUR", LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31), BigDecimal.TEN, List.of(
                new ReportingPeriod("2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))), null, null,
                List.of()));                                                                   // sequence 0
        harness.feed(new SubActivityAdded(project, "1", "Üks"));                               // 1
        harness.feed(new BudgetLineAdded(project, "L", "1", "STAFF", new BigDecimal("5000.00"), null)); // 2
        long recorded = harness.feed(new ExpenditureRecorded(project, "E1", "L", new BigDecimal("1234.56"), day, day, "Tarnija",
                "A-1", "palk", false, null));                                                  // 3
        long submitted = harness.feed(new ReportSubmitted(project, "R1", "2024", ReportKind.INTERIM, "hea", 3,
                EventChain.head(jdbc, project, 3)));
        long corrected = harness.feed(new ExpenditureCorrected(project, "E1", "L", new BigDecimal("1000.01"), day,
                day, "Tarnija", "A-1", "palk", "vale summa"));
        harness.feed(new ReportApproved(project, "R1", "korras"));

        ReportViews views = new ReportViews(ProjectionHarness.client(), ProjectionHarness.composer(), ProjectionHarness.apiJson());
        ProjectRow row = ProjectRow.find(ProjectionHarness.client(), project);
        ProjectScope now = new ProjectScope(row, Horizon.NOW);

        JsonNode document = ProjectionHarness.apiJson().readTree(views.document(now, "R1"));
        assertThat(document.path("budgetExecution").path("totals").path("spentCumulative").asText())
                .isEqualTo("1234.56");
        assertThat(document.path("budgetExecution").path("totals").path("remaining").asText()).isEqualTo("3765.44");
        assertThat(document.path("submittedBy").asText()).isEqualTo("clerk");

        ReportViews.Change spent = views.changes(now, "R1").changes().stream()
                .filter(c -> c.figure().equals("budgetExecution.totals.spentCumulative")).findFirst().orElseThrow();
        assertThat(spent.submitted()).isEqualTo("1234.56");
        assertThat(spent.now()).isEqualTo("1000.01");
        assertThat(spent.events()).extracting(ReportViews.ChangingEvent::position).containsExactly(corrected);

        List<ReportViews.Summary> listed = views.list(now);
        assertThat(listed).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("APPROVED");
            assertThat(s.composedFromPosition()).isEqualTo(recorded);
        });
        assertThat(views.list(new ProjectScope(row, new Horizon(submitted)))).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("SUBMITTED"));
        assertThat(views.changes(new ProjectScope(row, new Horizon(submitted)), "R1").changes()).isEmpty();
    }
}
