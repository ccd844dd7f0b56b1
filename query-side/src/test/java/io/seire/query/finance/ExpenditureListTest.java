package io.seire.query.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.finance.ExpendituresImported;
import io.seire.query.ProjectionHarness;
import io.seire.query.ViewFixture;
import io.seire.query.read.Horizon;
import io.seire.query.read.Paging;
import io.seire.query.read.ProjectScope;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expenditure list through the real finance projection: the current version of each expenditure, ordered by
 * {@code incurredOn} then id, each filter (dates inclusive, budget line) alone and combined, paged with the total of
 * all matches, with each correction and the cancellation in its history; an earlier horizon lists what was then.
 */
class ExpenditureListTest {

    private static final LocalDate MARCH = LocalDate.of(2025, 3, 10);
    private static final LocalDate APRIL = LocalDate.of(2025, 4, 20);
    private static final LocalDate MAY = LocalDate.of(2025, 5, 5);

    private final ViewFixture fixture = new ViewFixture("finance-test");
    private final ExpenditureList list = new ExpenditureList(ViewFixture.client());
    private final String project = ViewFixture.unique("expenditures");
    private long beforeCorrection;

    /** E1..E4 over lines S and T and three days; E3 is corrected (amount and line), E4 cancelled. */
    private void history() {
        fixture.project(project, "G", null, "S", "1000.00", "T", "500.00");
        fixture.spend(project, "E2", "S", "20.00", APRIL);
        fixture.spend(project, "E1", "S", "10.01", APRIL); // same day as E2: ordered by id
        fixture.spend(project, "E3", "T", "30.30", MARCH);
        beforeCorrection = fixture.spend(project, "E4", "T", "40.40", MAY);
        fixture.harness.feed(new ExpenditureCorrected(project, "E3", "S", new BigDecimal("33.33"), MARCH, MARCH,
                "Tarnija E3", "A-E3", "Kulu E3", "vale rida"));
        fixture.harness.feed(new ExpenditureCancelled(project, "E4", "topelt"));
    }

    private List<String> ids(ExpenditureList.Filter filter) {
        return list.list(scope(), filter, new Paging(0, 50)).items().stream().map(ExpenditureList.Item::id).toList();
    }

    private ProjectScope scope() {
        return ViewFixture.scope(project, Horizon.NOW);
    }

    private ExpenditureRecorded row(String id, String line, String amount, LocalDate day) {
        return new ExpenditureRecorded(project, id, line, new BigDecimal(amount), day, day, "Tarnija " + id, "A-" + id,
                "Kulu " + id, false, null);
    }

    /**
     * ADR 0056: an import's rows, recorded together in one event, are versions at that event's position: listed,
     * corrected and cancelled as expenditures recorded one by one are, read as of the import; the trail has one
     * entry for them all.
     */
    @Test
    void an_imports_rows_are_listed_corrected_and_cancelled_as_single_records_are() {
        fixture.project(project, "G", null, "S", "1000.00", "T", "500.00");
        fixture.spend(project, "E1", "S", "10.01", APRIL);
        long imported = fixture.harness.feed(new ExpendituresImported(project, List.of(row("I2", "S", "20.00", APRIL),
                row("I1", "T", "30.30", MARCH), row("I3", "T", "40.40", MAY))));
        fixture.harness.feed(new ExpenditureCorrected(project, "I1", "S", new BigDecimal("33.33"), MARCH, MARCH,
                "Tarnija I1", "A-I1", "Kulu I1", "vale rida"));
        fixture.harness.feed(new ExpenditureCancelled(project, "I3", "topelt"));

        Paging.Page<ExpenditureList.Item> now = list.list(scope(), new ExpenditureList.Filter(null, null, null),
                new Paging(0, 50));
        assertThat(now.items()).extracting(ExpenditureList.Item::id).containsExactly("I1", "E1", "I2", "I3");
        assertThat(now.items()).extracting(ExpenditureList.Item::amount)
                .containsExactly("33.33", "10.01", "20.00", "40.40");
        assertThat(now.items()).extracting(ExpenditureList.Item::status)
                .containsExactly("RECORDED", "RECORDED", "RECORDED", "CANCELLED");
        assertThat(ids(new ExpenditureList.Filter(null, null, "T"))).containsExactly("I3");
        Paging.Page<ExpenditureList.Item> then = list.list(ViewFixture.scope(project, new Horizon(imported)),
                new ExpenditureList.Filter(null, null, null), new Paging(0, 50));
        assertThat(then.items()).extracting(ExpenditureList.Item::amount)
                .containsExactly("30.30", "10.01", "20.00", "40.40");
        assertThat(then.items()).extracting(ExpenditureList.Item::status).containsOnly("RECORDED");

        Map<String, Object> entry = ProjectionHarness.jdbc().queryForMap("SELECT type, business_date, summary, "
                + "array_to_string(subjects, ' ') AS subjects FROM audit_entry WHERE position = ?", imported);
        assertThat(entry).containsEntry("type", "ExpendituresImported").containsEntry("business_date", "2025-03-10")
                .containsEntry("summary", "3 expenditures imported: I2, I1, I3; 90.70 in all, incurred 2025-03-10 "
                        + "to 2025-05-05");
        assertThat(ProjectionHarness.jdbc().queryForObject("SELECT count(*) FROM audit_entry WHERE project_id = ? "
                + "AND type = 'ExpendituresImported'", Long.class, project)).isOne();
    }

    @Test
    void without_filters_every_expenditure_is_listed_once_in_its_current_version_by_date_then_id() {
        history();
        Paging.Page<ExpenditureList.Item> page = list.list(scope(), new ExpenditureList.Filter(null, null, null),
                new Paging(0, 50));

        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items()).extracting(ExpenditureList.Item::id).containsExactly("E3", "E1", "E2", "E4");
        assertThat(page.items()).extracting(ExpenditureList.Item::amount)
                .containsExactly("33.33", "10.01", "20.00", "40.40");
        assertThat(page.items()).extracting(ExpenditureList.Item::status)
                .containsExactly("RECORDED", "RECORDED", "RECORDED", "CANCELLED");
    }

    @Test
    void each_filter_alone_keeps_only_its_matches_dates_inclusive() {
        history();
        assertThat(ids(new ExpenditureList.Filter(APRIL, null, null))).containsExactly("E1", "E2", "E4");
        assertThat(ids(new ExpenditureList.Filter(null, APRIL, null))).containsExactly("E3", "E1", "E2");
        // E3 was moved from T to S by its correction: the filter sees the current line
        assertThat(ids(new ExpenditureList.Filter(null, null, "S"))).containsExactly("E3", "E1", "E2");
        assertThat(ids(new ExpenditureList.Filter(null, null, "T"))).containsExactly("E4");
        assertThat(ids(new ExpenditureList.Filter(null, null, "X"))).isEmpty();
    }

    @Test
    void filters_combine_and_the_total_counts_every_match_across_pages() {
        history();
        assertThat(ids(new ExpenditureList.Filter(APRIL, MAY, "S"))).containsExactly("E1", "E2");
        assertThat(ids(new ExpenditureList.Filter(MARCH, APRIL, "S"))).containsExactly("E3", "E1", "E2");
        assertThat(ids(new ExpenditureList.Filter(MAY, MAY, "S"))).isEmpty();

        Paging.Page<ExpenditureList.Item> second = list.list(scope(), new ExpenditureList.Filter(MARCH, null, "S"),
                new Paging(1, 2));
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.items()).extracting(ExpenditureList.Item::id).containsExactly("E2");
    }

    @Test
    void a_correction_and_a_cancellation_show_in_the_current_version_and_its_history() {
        history();
        Map<String, ExpenditureList.Item> byId = new java.util.HashMap<>();
        list.list(scope(), new ExpenditureList.Filter(null, null, null), new Paging(0, 50)).items()
                .forEach(i -> byId.put(i.id(), i));

        ExpenditureList.Item corrected = byId.get("E3");
        assertThat(corrected.budgetLine()).isEqualTo("S");
        assertThat(corrected.history()).singleElement().satisfies(h -> {
            assertThat(h.type()).isEqualTo("CORRECTED");
            assertThat(h.reason()).isEqualTo("vale rida");
            assertThat(h.changes()).containsOnlyKeys("budgetLine", "amount");
            assertThat(h.changes().get("amount")).isEqualTo(new ExpenditureList.Change("30.30", "33.33"));
            assertThat(h.changes().get("budgetLine")).isEqualTo(new ExpenditureList.Change("T", "S"));
        });
        assertThat(corrected.actor()).isEqualTo("finance-test");

        ExpenditureList.Item cancelled = byId.get("E4");
        assertThat(cancelled.amount()).isEqualTo("40.40");
        assertThat(cancelled.history()).singleElement().satisfies(h -> {
            assertThat(h.type()).isEqualTo("CANCELLED");
            assertThat(h.changes()).containsOnly(Map.entry("status", new ExpenditureList.Change("RECORDED", "CANCELLED")));
        });
        assertThat(byId.get("E1").history()).isEmpty();
    }

    @Test
    void an_earlier_horizon_lists_the_versions_then_in_force() {
        history();
        Paging.Page<ExpenditureList.Item> before = list.list(ViewFixture.scope(project, new Horizon(beforeCorrection)),
                new ExpenditureList.Filter(null, null, "T"), new Paging(0, 50));

        assertThat(before.items()).extracting(ExpenditureList.Item::id).containsExactly("E3", "E4");
        assertThat(before.items()).extracting(ExpenditureList.Item::amount).containsExactly("30.30", "40.40");
        assertThat(before.items()).extracting(ExpenditureList.Item::status).containsOnly("RECORDED");
        assertThat(before.items()).allSatisfy(i -> assertThat(i.history()).isEmpty());
    }

    @Test
    void the_export_cursor_streams_the_list_in_the_same_order_with_the_same_filters() throws Exception {
        history();
        ExpenditureList.Filter filter = new ExpenditureList.Filter(MARCH, APRIL, "S");
        List<ExpenditureList.Item> streamed = new ArrayList<>();
        try (Connection con = ProjectionHarness.jdbc().getDataSource().getConnection()) {
            list.stream(con, scope(), filter, streamed::add);
        }
        assertThat(streamed).extracting(ExpenditureList.Item::id).containsExactly("E3", "E1", "E2");
        assertThat(streamed).extracting(ExpenditureList.Item::amount).containsExactly("33.33", "10.01", "20.00");
        assertThat(streamed).extracting(ExpenditureList.Item::actor).containsOnly("finance-test");
    }
}
