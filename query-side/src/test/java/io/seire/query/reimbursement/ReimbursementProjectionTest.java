package io.seire.query.reimbursement;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.reimbursement.ClaimFigures;
import io.seire.kernel.reimbursement.ClaimLine;
import io.seire.kernel.reimbursement.ClaimSource;
import io.seire.kernel.reimbursement.ClaimedExpenditure;
import io.seire.kernel.reimbursement.ExchangeRate;
import io.seire.kernel.reimbursement.Exclusion;
import io.seire.kernel.reimbursement.ReimbursementPaymentRecorded;
import io.seire.kernel.reimbursement.ReimbursementRequestApproved;
import io.seire.kernel.reimbursement.ReimbursementRequested;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.query.ProjectionHarness;
import io.seire.query.read.Horizon;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Requests are kept as their events carry them; handled twice they leave the same rows; a horizon sees its past. */
class ReimbursementProjectionTest {

    static ClaimFigures figures(List<String> ids, String eligible, String claimed, String chf) {
        return new ClaimFigures(ids, List.of(new ClaimLine("S", "STAFF", new BigDecimal(eligible))),
                new BigDecimal(eligible), List.of(new ClaimSource("CH", new BigDecimal("85"), true, new BigDecimal(claimed)),
                new ClaimSource("EE", new BigDecimal("15"), false, new BigDecimal(eligible).subtract(new BigDecimal(claimed)))),
                new BigDecimal(claimed), new BigDecimal(chf));
    }

    @Test
    void handling_the_events_twice_gives_the_same_rows_and_an_earlier_horizon_sees_the_request_as_it_was() {
        String p = "reimbursement-" + UUID.randomUUID();
        LocalDate d = LocalDate.of(2025, 1, 1);
        List<Object> events = List.of(
                new ProjectRegistered(p, "Taotlus", "G", "B", "EUR", LocalDate.of(2024, 6, 1), LocalDate.of(2028, 7, 31),
                        BigDecimal.TEN, List.of(new ReportingPeriod("2025", d, LocalDate.of(2025, 12, 31)))),
                new ReimbursementRequested(p, "R1", "G", d, LocalDate.of(2025, 6, 30),
                        new ExchangeRate(new BigDecimal("0.9412"), LocalDate.of(2025, 7, 1), "ECB"), "CHF",
                        List.of(new ClaimedExpenditure("E1", "S", new BigDecimal("100.00")),
                                new ClaimedExpenditure("E2", "S", new BigDecimal("20.00"))),
                        figures(List.of("E1", "E2"), "120.00", "102.00", "96.00")),
                new ReimbursementRequestApproved(p, "R1", List.of(new Exclusion("E2", "Arve puudub")), "Osaliselt",
                        figures(List.of("E1"), "100.00", "85.00", "80.00"), "CHF"),
                new ReimbursementPaymentRecorded(p, "R1", LocalDate.of(2025, 9, 1), new BigDecimal("80.00"), "CHF"));
        ProjectionHarness harness = new ProjectionHarness();
        List<Long> positions = new ArrayList<>();
        for (Object e : events) {
            positions.add(harness.feed(e));
        }
        var jdbc = ProjectionHarness.jdbc();
        List<Map<String, Object>> requests = jdbc.queryForList("SELECT * FROM reimbursement_request WHERE project_id = ?", p);
        List<Map<String, Object>> steps = jdbc.queryForList("SELECT * FROM reimbursement_step WHERE project_id = ? "
                + "ORDER BY position", p);
        for (int i = 0; i < events.size(); i++) {
            harness.feed(events.get(i), positions.get(i));
        }
        assertThat(jdbc.queryForList("SELECT * FROM reimbursement_request WHERE project_id = ?", p)).isEqualTo(requests);
        assertThat(jdbc.queryForList("SELECT * FROM reimbursement_step WHERE project_id = ? ORDER BY position", p))
                .isEqualTo(steps);
        assertThat(steps).extracting(r -> r.get("status")).containsExactly("APPROVED", "PAID");

        ReimbursementViews views = new ReimbursementViews(ProjectionHarness.client());
        ProjectRow row = ProjectRow.find(ProjectionHarness.client(), p);
        ReimbursementViews.RequestView now = views.detail(new ProjectScope(row, Horizon.NOW), "R1");
        assertThat(now.status()).isEqualTo("PAID");
        assertThat(now.claimedInClaimCurrency()).isEqualTo("96.00");
        assertThat(now.approved().claimedInClaimCurrency()).isEqualTo("80.00");
        assertThat(now.approved().excluded()).containsExactly(new ReimbursementViews.ExclusionView("E2", "Arve puudub"));
        assertThat(now.payment()).isEqualTo(new ReimbursementViews.PaymentView(LocalDate.of(2025, 9, 1), "80.00"));
        assertThat(now.history()).extracting(ReimbursementViews.HistoryEntry::status)
                .containsExactly("SUBMITTED", "APPROVED", "PAID");

        ReimbursementViews.RequestView submitted = views.detail(new ProjectScope(row, new Horizon(positions.get(1))), "R1");
        assertThat(submitted.status()).isEqualTo("SUBMITTED");
        assertThat(submitted.approved()).isNull();
        assertThat(submitted.payment()).isNull();
        assertThat(views.list(new ProjectScope(row, new Horizon(positions.get(0))), io.seire.query.read.Paging.of(0, 50))
                .items()).isEmpty();
    }
}
