package io.seire.command.project;

import static io.seire.command.project.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.reporting.ReportKind;
import io.seire.kernel.reporting.ReportSubmitted;
import io.seire.kernel.results.IndicatorValueRecorded;
import io.seire.kernel.setup.Aggregation;
import io.seire.kernel.setup.BudgetLineRevised;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.IndicatorKind;
import io.seire.kernel.setup.Measure;
import io.seire.kernel.staffing.PositionOpened;
import io.seire.kernel.staffing.StaffHired;
import io.seire.kernel.workplans.PlannedActivity;
import io.seire.kernel.workplans.PlannedAmount;
import io.seire.kernel.workplans.WorkPlanApproved;
import io.seire.kernel.workplans.WorkPlanDrafted;
import io.seire.kernel.workplans.WorkPlanSubmitted;
import io.seire.platform.eventstore.EventVersionResolver;
import io.seire.platform.eventstore.StoredJson;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** A snapshot of a project, written and read with the stored-event mapper, restores exactly the same state. */
class ProjectSnapshotTest {

    @Test
    void a_snapshot_restores_every_part_of_a_project() {
        // the n-th event has sequence number n, as the recorded ones below had when they were given by hand
        List<Object> events = new java.util.ArrayList<>();
        events.add(registered());
        events.add(subActivity("1"));
        events.add(line("S", "1", "STAFF", "1000.00"));
        events.add(flatRate("IND", "1", "INDIRECT", "15", "STAFF"));
        events.add(new BudgetLineRevised(PROJECT, "S", eur("900.00"), date("2025-01-01"), "muudatus", null));
        events.add(new IndicatorDefined(PROJECT, "O1", "Näitaja", "tk", IndicatorKind.OUTPUT, Measure.NUMBER,
                Aggregation.LATEST, true, eur("0"), List.of(), eur("10")));
        events.add(new ExpenditureRecorded(PROJECT, "E1", "S", eur("100.00"), date("2024-07-01"), date("2024-07-02"),
                "OÜ Õun", "A-1", "Šokolaad 🍫", false, null));
        events.add(new ExpenditureRecorded(PROJECT, "E2", "S", eur("50.00"), date("2024-08-01"), null, null, null,
                null, false, null));
        events.add(new ExpenditureCorrected(PROJECT, "E1", "S", eur("120.00"), date("2024-07-01"), date("2024-07-02"),
                "OÜ Õun", "A-1", "Šokolaad 🍫", "parandus"));
        events.add(new ExpenditureCancelled(PROJECT, "E2", "topelt"));
        events.add(IndicatorValueRecorded.inClear(PROJECT, "O1", "V1", "2024", "3", null, null));
        events.add(io.seire.kernel.progress.ActivityProgressReported.inClear(PROJECT, "1", "2024",
                io.seire.kernel.progress.ProgressStatus.ON_TRACK, "Edeneb 🚀", null, null, null));
        events.add(new io.seire.kernel.personaldata.FreeTextRedacted(PROJECT,
                io.seire.kernel.personaldata.RedactedRecord.EXPENDITURE, null, "E1", List.of("description"), "GDPR"));
        events.add(new PositionOpened(PROJECT, "PJ", "Projektijuht", List.of("1"), date("2024-06-01")));
        events.add(new StaffHired(PROJECT, "PJ", "S1", io.seire.kernel.PersonalText.sealed("k", "c2VhbGVk"),
                date("2024-06-01"), eur("100")));
        events.add(new ReportSubmitted(PROJECT, "R1", "2024", ReportKind.INTERIM, "hinnang", 12, "ab".repeat(32)));
        events.add(new WorkPlanDrafted(PROJECT, 2025, 1, List.of(new PlannedAmount("S", eur("400.00"))),
                List.of(new PlannedActivity("1", date("2025-02-01"), date("2025-06-30"), "Nõustamised"))));
        events.add(new WorkPlanSubmitted(PROJECT, 2025, 1));
        events.add(new WorkPlanApproved(PROJECT, 2025, 1, null, "Kinnitatud"));
        events.add(new WorkPlanDrafted(PROJECT, 2025, 2, List.of(new PlannedAmount("S", eur("450.00"))), List.of()));
        Project project = replay(events.toArray());

        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(StoredJson.mapper())
                .revisionResolver(new EventVersionResolver()).build();
        SerializedObject<byte[]> snapshot = serializer.serialize(project, byte[].class);
        assertThat(snapshot.getType().getRevision()).isEqualTo("2");
        Project restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(project);
        assertThat(new String(snapshot.getData(), java.nio.charset.StandardCharsets.UTF_8)).contains("Edeneb 🚀")
                .as("a redacted text recorded in the clear leaves the project's state").doesNotContain("Šokolaad");
    }
}
