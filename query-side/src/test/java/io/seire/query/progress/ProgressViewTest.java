package io.seire.query.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.kernel.progress.ProgressStatus;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.SubActivityAdded;
import io.seire.query.ProjectionHarness;
import io.seire.query.read.Horizon;
import io.seire.query.read.Periods;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A period's progress: the latest report per sub-activity is in force, the earlier ones follow, newest first. */
class ProgressViewTest {

    private final ProjectionHarness harness = new ProjectionHarness("reporter");
    private final ProgressView view = new ProgressView(ProjectionHarness.client());
    private final String project = "progress-" + UUID.randomUUID();

    @Test
    void the_latest_report_of_a_sub_activity_is_in_force_and_the_earlier_ones_follow_newest_first() {
        harness.feed(new ProjectRegistered(project, "Edenemine", "P", "B", "EUR", LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31), BigDecimal.TEN, List.of(
                new ReportingPeriod("2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
                new ReportingPeriod("2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))), null, null,
                List.of()));
        harness.feed(new SubActivityAdded(project, "1", "Koolitused"));
        harness.feed(new SubActivityAdded(project, "2", "Uuring"));
        harness.feed(ActivityProgressReported.inClear(project, "1", "2024", ProgressStatus.ON_TRACK, "algas", null,
                null, null));
        long delayed = harness.feed(ActivityProgressReported.inClear(project, "1", "2024", ProgressStatus.DELAYED,
                "hilineb", "ruumid", "uued ruumid", "jätkata"));
        harness.feed(ActivityProgressReported.inClear(project, "1", "2024", ProgressStatus.COMPLETED, "valmis", null,
                null, null));
        harness.feed(ActivityProgressReported.inClear(project, "1", "2025", ProgressStatus.NOT_STARTED, "järgmine",
                null, null, null));
        var jdbc = ProjectionHarness.jdbc();
        ProjectRow row = ProjectRow.find(ProjectionHarness.client(), project);

        ProgressView.View now = view.view(new ProjectScope(row, Horizon.NOW), Periods.required(ProjectionHarness.client(), project, "2024"));
        assertThat(now.subActivities()).extracting(ProgressView.SubActivityProgress::subActivity)
                .containsExactly("1", "2");
        ProgressView.SubActivityProgress first = now.subActivities().get(0);
        assertThat(first.status()).isEqualTo("COMPLETED");
        assertThat(first.summary()).isEqualTo("valmis");
        assertThat(first.actor()).isEqualTo("reporter");
        assertThat(first.earlierVersions()).extracting(ProgressView.Version::status).containsExactly("DELAYED", "ON_TRACK");
        assertThat(now.subActivities().get(1).status()).isNull(); // not reported: listed without a status

        ProgressView.View then = view.view(new ProjectScope(row, new Horizon(delayed)),
                Periods.required(ProjectionHarness.client(), project, "2024"));
        assertThat(then.subActivities().get(0).status()).isEqualTo("DELAYED");
        assertThat(then.subActivities().get(0).problems()).isEqualTo("ruumid");
        assertThat(then.subActivities().get(0).earlierVersions()).hasSize(1);
    }
}
