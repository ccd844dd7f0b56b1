package io.seire.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.setup.BudgetLineAdded;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.SubActivityAdded;
import io.seire.platform.eventstore.EventChain;
import io.seire.query.ProjectionHarness;
import io.seire.query.read.Horizon;
import io.seire.query.read.Paging;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: one entry per event of the project, in order, with who recorded it and the chain link over the
 * stored row, filtered and paged, as of any position.
 */
class AuditTrailTest {

    private final ProjectionHarness harness = new ProjectionHarness("auditor-test");
    private final String project = "trail-" + UUID.randomUUID();

    @Test
    void every_event_has_one_entry_in_order_with_its_actor_and_the_chain_link_over_its_stored_row() {
        var jdbc = ProjectionHarness.jdbc();
        LocalDate day = LocalDate.of(2024, 5, 6);
        List<Long> positions = new ArrayList<>();
        positions.add(harness.feed(new ProjectRegistered(project, "Jälg", "P", "B", "EUR", LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31), BigDecimal.TEN, List.of(new ReportingPeriod("2024",
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))), null, null, List.of())));
        positions.add(harness.feed(new SubActivityAdded(project, "1", "Üks")));
        positions.add(harness.feed(new BudgetLineAdded(project, "L", "1", "STAFF", new BigDecimal("100.00"), null)));
        positions.add(harness.feed(new ExpenditureRecorded(project, "E1", "L", new BigDecimal("12.34"), day, day,
                null, null, null, false, null)));
        positions.add(harness.feed(new ExpenditureRecorded(project, "E2", "L", new BigDecimal("0.01"), day, day,
                null, null, null, false, null)));
        positions.add(harness.feed(new ExpenditureCancelled(project, "E2", "topelt")));
        AuditTrail trail = new AuditTrail(ProjectionHarness.client(), ProjectionHarness.apiJson());
        ProjectScope now = new ProjectScope(ProjectRow.find(ProjectionHarness.client(), project), Horizon.NOW);
        AuditTrail.Filter all = new AuditTrail.Filter(null, null, null, null);

        Paging.Page<AuditTrail.Entry> page = trail.page(now, all, new Paging(0, 50));
        assertThat(page.total()).isEqualTo(6);
        assertThat(page.items()).extracting(AuditTrail.Entry::position).containsExactlyElementsOf(positions);
        assertThat(page.items()).extracting(AuditTrail.Entry::type).containsExactly("ProjectRegistered",
                "SubActivityAdded", "BudgetLineAdded", "ExpenditureRecorded", "ExpenditureRecorded",
                "ExpenditureCancelled");
        assertThat(page.items()).extracting(AuditTrail.Entry::actor).containsOnly("auditor-test");
        // each entry's hash is the chain link over the stored rows up to it
        List<String> links = new ArrayList<>();
        String[] head = {EventChain.GENESIS};
        EventChain.forEach(jdbc, project, Long.MAX_VALUE, e -> links.add(head[0] = EventChain.link(head[0], e)));
        assertThat(page.items()).extracting(AuditTrail.Entry::hash).containsExactlyElementsOf(links);

        assertThat(trail.page(now, new AuditTrail.Filter(null, null, null, "ExpenditureRecorded"), new Paging(0, 50))
                .items()).extracting(AuditTrail.Entry::position).containsExactly(positions.get(3), positions.get(4));
        Paging.Page<AuditTrail.Entry> second = trail.page(now, all, new Paging(1, 4));
        assertThat(second.items()).extracting(AuditTrail.Entry::position)
                .containsExactly(positions.get(4), positions.get(5));
        assertThat(trail.page(new ProjectScope(now.project(), new Horizon(positions.get(3))), all, new Paging(0, 50))
                .total()).isEqualTo(4);
    }

    /**
     * A project's next event is linked from the link its previous batch committed, remembered on this node, without
     * reading the chain (issue 16, figure 1: that read made a live batch send its rows event by event). A link whose
     * batch rolled back is not remembered, and every link is the one computed over the stored rows.
     */
    @Test
    void the_next_link_comes_from_the_remembered_committed_link_and_a_rolled_back_link_is_not_remembered() {
        var jdbc = ProjectionHarness.jdbc();
        harness.feed(new ProjectRegistered(project, "Ahel", "P", "B", "EUR", LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31), BigDecimal.TEN, List.of(new ReportingPeriod("2024",
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))), null, null, List.of()));
        harness.feed(new SubActivityAdded(project, "1", "Üks"));
        // the stored link of event 1 is gone: only the remembered one can link event 2 (a read would find nothing)
        jdbc.update("DELETE FROM event_chain WHERE project_id = ? AND sequence = 1", project);
        harness.feed(new BudgetLineAdded(project, "L", "1", "STAFF", new BigDecimal("100.00"), null));

        var outer = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()));
        outer.executeWithoutResult(status -> {
            harness.feed(new SubActivityAdded(project, "2", "Kaks (tagasi võetud)"));
            status.setRollbackOnly();
        });
        // were the rolled-back link of event 3 remembered, event 3 below would need event 2's from the table
        jdbc.update("DELETE FROM event_chain WHERE project_id = ? AND sequence = 2", project);
        harness.feed(new SubActivityAdded(project, "3", "Kolm"));

        List<String> expected = new ArrayList<>();
        String[] head = {EventChain.GENESIS};
        EventChain.forEach(jdbc, project, Long.MAX_VALUE, e -> expected.add(head[0] = EventChain.link(head[0], e)));
        assertThat(expected).hasSize(4);
        assertThat(jdbc.queryForList("SELECT hash FROM event_chain WHERE project_id = ? AND sequence = 3",
                String.class, project)).containsExactly(expected.get(3));
        assertThat(jdbc.queryForList("SELECT hash FROM event_chain WHERE project_id = ? ORDER BY sequence",
                String.class, project)).containsExactly(expected.get(0), expected.get(3));
    }

    /**
     * ADR 0044: the trail's filters each add one fixed condition when given, never a catch-all (which would read
     * {@code audit_entry_by_project} instead of {@code audit_entry_by_time}); the text is the positional one it was.
     */
    @Test
    void each_filter_given_adds_one_fixed_condition_and_no_catch_all() {
        Instant from = Instant.parse("2025-01-01T00:00:00Z");
        io.seire.query.read.Where only = AuditTrail.where("P", 9, new AuditTrail.Filter(null, null, null, null));
        assertThat(io.seire.query.read.Where.Positional.of(only.sql(), only.params()).sql())
                .isEqualTo("a.project_id = ? AND a.position <= ?");
        io.seire.query.read.Where time = AuditTrail.where("P", 9, new AuditTrail.Filter(from, null, null, null));
        assertThat(io.seire.query.read.Where.Positional.of(time.sql(), time.params()).sql())
                .isEqualTo("a.project_id = ? AND a.position <= ? AND a.recorded_at >= ?");
        io.seire.query.read.Where all = AuditTrail.where("P", 9, new AuditTrail.Filter(from, from, "x", "T"));
        io.seire.query.read.Where.Positional positional = io.seire.query.read.Where.Positional.of(all.sql(), all.params());
        assertThat(positional.sql()).isEqualTo("a.project_id = ? AND a.position <= ? AND a.recorded_at >= ? "
                + "AND a.recorded_at <= ? AND a.actor = ? AND a.type = ?");
        assertThat(positional.args()).containsExactly("P", 9L, java.sql.Timestamp.from(from),
                java.sql.Timestamp.from(from), "x", "T");
    }
}
