package io.seire.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.PersonalText;
import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.kernel.progress.ProgressStatus;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.junit.jupiter.api.Test;

/**
 * Events of one project are handled in order by one segment; only during a rebuild, and only for progress reports
 * the kept hash chain already links, are a project's events spread over several sequences (ADR 0038).
 */
class BulkLoadTest {

    /** A report whose narrative is sealed under its record's key (as every report since ADR 0037). */
    private static EventMessage<?> progress(String project, long sequence) {
        return new GenericDomainEventMessage<>("Project", project, sequence, new ActivityProgressReported(project, "1",
                "2025", ProgressStatus.ON_TRACK, PersonalText.sealed("text/" + project + "/1/2025/summary", "c2VhbGVk"),
                null, null, null));
    }

    /** A report recorded before narratives were sealed: its summary in the clear. */
    private static EventMessage<?> progressInClear(String project, long sequence) {
        return new GenericDomainEventMessage<>("Project", project, sequence, ActivityProgressReported.inClear(project,
                "1", "2025", ProgressStatus.ON_TRACK, "Kõik hästi", null, null, null));
    }

    /** Any other event of the project (the policy looks only at the payload's type). */
    private static EventMessage<?> expenditure(String project, long sequence) {
        return new GenericDomainEventMessage<>("Project", project, sequence, "ExpenditureRecorded " + sequence);
    }

    private static Set<Object> sequences(SequencingPolicy<EventMessage<?>> policy, boolean progress, long from, long to) {
        Set<Object> ids = new HashSet<>();
        for (long s = from; s < to; s++) {
            ids.add(policy.getSequenceIdentifierFor(progress ? progress("P", s) : expenditure("P", s)));
        }
        return ids;
    }

    @Test
    void a_projects_events_are_one_sequence_outside_a_rebuild() {
        BulkLoad bulk = BulkLoad.never();
        assertThat(sequences(bulk.sequencingPolicy(), true, 0, 100)).containsExactly("P");
        assertThat(sequences(bulk.sequencingPolicy(), false, 0, 100)).containsExactly("P");
    }

    @Test
    void during_a_rebuild_only_progress_reports_the_chain_already_links_are_spread_over_sequences() {
        BulkLoad bulk = BulkLoad.never();
        bulk.activate(Map.of("P", 99L));
        SequencingPolicy<EventMessage<?>> policy = bulk.sequencingPolicy();

        // linked progress reports: spread only while spreading is on (it is off, see BulkLoad.SPREAD_PROGRESS)
        assertThat(sequences(policy, true, 0, 100)).hasSize(BulkLoad.SPREAD_PROGRESS ? BulkLoad.SPLIT : 1);
        assertThat(sequences(policy, true, 100, 200)).containsExactly("P"); // not linked yet: in the project's order
        assertThat(sequences(policy, false, 0, 100)).containsExactly("P"); // other events: in the project's order
        assertThat(policy.getSequenceIdentifierFor(progress("P", 7)))
                .isEqualTo(policy.getSequenceIdentifierFor(progress("P", 7))); // the same event, the same sequence
    }

    /** A redaction of clear narrative works only by coming after the report: that report is never moved ahead of it. */
    @Test
    void a_progress_report_recorded_in_the_clear_stays_in_its_projects_order_even_during_a_rebuild() {
        BulkLoad bulk = BulkLoad.never();
        bulk.activate(Map.of("P", 99L));
        SequencingPolicy<EventMessage<?>> policy = bulk.sequencingPolicy();
        Set<Object> ids = new HashSet<>();
        for (long s = 0; s < 100; s++) {
            ids.add(policy.getSequenceIdentifierFor(progressInClear("P", s)));
        }
        assertThat(ids).containsExactly("P");
    }
}
