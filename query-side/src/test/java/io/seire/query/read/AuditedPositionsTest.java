package io.seire.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.SubActivityAdded;
import io.seire.platform.eventstore.EventTable;
import io.seire.query.ProjectionHarness;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes asks whether every project event up to a position has its audit entry ({@link EventTable#audited},
 * which {@link ProjectionProgress} asks). The search runs from the newest event down; whichever event is missing, the
 * answer is the same.
 */
class AuditedPositionsTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final EventTable events = new EventTable(ProjectionHarness.jdbc());

    private List<Long> project(String id, int subActivities) {
        List<Long> positions = new ArrayList<>();
        positions.add(harness.feed(new ProjectRegistered(id, "Näidis", "P", "B", "EUR", LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31), BigDecimal.TEN,
                List.of(new ReportingPeriod("2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))))));
        for (int i = 1; i <= subActivities; i++) {
            positions.add(harness.feed(new SubActivityAdded(id, String.valueOf(i), "Tegevus " + i)));
        }
        return positions;
    }

    private void forgetAudit(long position) {
        ProjectionHarness.jdbc().update("DELETE FROM audit_entry WHERE position = ?", position);
    }

    @Test
    void a_position_is_reached_only_when_every_event_up_to_it_is_audited_whichever_is_missing() {
        String p = "audited-" + UUID.randomUUID();
        String q = "audited-" + UUID.randomUUID();
        List<Long> ps = project(p, 5);
        List<Long> qs = project(q, 1);
        long before = ps.get(0) - 1;
        long last = qs.get(qs.size() - 1);
        assertThat(events.audited(before, last, p)).isTrue();
        assertThat(events.audited(before, last, null)).isTrue();

        try {
            // one event in the middle of p's history is not audited: neither p nor "all projects" has reached the end
            forgetAudit(ps.get(2));
            assertThat(events.audited(before, last, p)).isFalse();
            assertThat(events.audited(before, last, null)).isFalse();
            assertThat(events.audited(before, ps.get(1), p)).as("up to the event before it").isTrue();
            assertThat(events.audited(ps.get(2), last, p)).as("after it").isTrue();
            assertThat(events.audited(before, last, q)).as("another project").isTrue();

            // the newest event missing as well (a reader polling while the views catch up)
            forgetAudit(ps.get(ps.size() - 1));
            assertThat(events.audited(ps.get(2), last, p)).isFalse();
            assertThat(events.audited(before, ps.get(0), p)).isTrue();
        } finally {
            // the audit rows back, as a replay writes them: the query side's HTTP tests, in the same JVM, wait for
            // every event to be audited when asked for the newest position
            harness.feed(new SubActivityAdded(p, "2", "Tegevus 2"), ps.get(2));
            harness.feed(new SubActivityAdded(p, "5", "Tegevus 5"), ps.get(5));
        }
        assertThat(events.audited(before, last, null)).as("audited again after the replay").isTrue();
    }
}
