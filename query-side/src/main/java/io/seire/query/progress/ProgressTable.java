package io.seire.query.progress;

import io.seire.query.export.Column;
import io.seire.query.export.Table;
import io.seire.query.export.TableWriter;
import io.seire.query.export.Words;
import java.util.List;
import java.util.Map;

/** Activity progress as a table: per sub-activity the latest report of the period, and how many it superseded. */
public final class ProgressTable {

    private static final Map<String, Words> STATUS = Map.of(
            "NOT_STARTED", new Words("Alustamata", "Not started"),
            "ON_TRACK", new Words("Plaanipärane", "On track"),
            "DELAYED", new Words("Hilinenud", "Delayed"),
            "AT_RISK", new Words("Ohus", "At risk"),
            "COMPLETED", new Words("Lõpetatud", "Completed"));

    private ProgressTable() {
    }

    public static Table of(String projectId, String period) {
        return new Table(new Words("Tegevuste edenemine", "Activity progress"), List.of(
                Column.text("Alategevus", "Sub-activity"),
                Column.text("Nimetus", "Name"),
                Column.text("Seisund", "Status"),
                Column.longText("Kokkuvõte", "Summary"),
                Column.longText("Probleemid", "Problems"),
                Column.longText("Võetud meetmed", "Measures taken"),
                Column.longText("Järgmised sammud", "Next steps"),
                Column.timestamp("Salvestatud (UTC)", "Recorded at (UTC)"),
                Column.text("Salvestaja", "Recorded by"),
                Column.number("Varasemaid versioone", "Earlier versions")),
                "activity-progress_" + projectId + "_" + period);
    }

    public static TableWriter.Rows rows(ProgressView.View view) {
        return writer -> {
            for (ProgressView.SubActivityProgress p : view.subActivities()) {
                Words status = p.status() == null ? null : STATUS.get(p.status());
                writer.item(p.subActivity(), p.name(),
                        status == null ? p.status() : status.in(writer.language()), p.summary(), p.problems(),
                        p.measures(), p.nextSteps(), p.recordedAt(), p.actor(), p.earlierVersions().size());
            }
        };
    }
}
