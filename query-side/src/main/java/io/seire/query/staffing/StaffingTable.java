package io.seire.query.staffing;

import io.seire.query.export.Cells;
import io.seire.query.export.Column;
import io.seire.query.export.Table;
import io.seire.query.export.TableWriter;
import io.seire.query.export.Words;
import java.util.List;
import java.util.Map;

/**
 * Staffing as a table: on a day, every position with its holder and FTE and the total FTE; or the changes within a
 * period, in order.
 */
public final class StaffingTable {

    private static final Map<String, Words> CHANGE = Map.of(
            "POSITION_OPENED", new Words("Ametikoht loodud", "Position opened"),
            "RECRUITMENT_FAILED", new Words("Värbamine ebaõnnestus", "Recruitment failed"),
            "HIRED", new Words("Tööle võetud", "Hired"),
            "DEPARTED", new Words("Lahkunud", "Departed"));

    private StaffingTable() {
    }

    public static Table onDay(String projectId, StaffingView.OnDay view) {
        return new Table(new Words("Personal", "Staffing"), List.of(
                Column.text("Ametikoht", "Position"),
                Column.text("Ametinimetus", "Title"),
                Column.text("Alategevused", "Sub-activities"),
                Column.text("Töötaja", "Holder"),
                Column.text("Töötaja ID", "Staff id"),
                Column.date("Tööle asumise kuupäev", "Start date"),
                Column.percent("Koormus, %", "Workload, %"),
                Column.decimal("Täistööaja ekvivalent", "FTE")),
                "staffing_" + projectId + "_" + view.on());
    }

    public static TableWriter.Rows onDayRows(StaffingView.OnDay view) {
        return writer -> {
            for (StaffingView.PositionOnDay p : view.positions()) {
                StaffingView.Holder h = p.holder();
                writer.item(p.code(), p.title(), String.join(", ", p.subActivities()), h == null ? null : h.name(),
                        h == null ? null : h.staffId(), h == null ? null : h.startDate(),
                        h == null ? null : Cells.decimal(h.workloadPercent()), Cells.decimal(p.fte()));
            }
            writer.total(new Words("Kokku", "Total").in(writer.language()), null, null, null, null, null, null,
                    Cells.decimal(view.fte()));
        };
    }

    public static Table changes(String projectId, StaffingView.InPeriod view) {
        return new Table(new Words("Personali muudatused", "Staffing changes"), List.of(
                Column.date("Kuupäev", "Date"),
                Column.text("Muudatus", "Change"),
                Column.text("Ametikoht", "Position"),
                Column.text("Töötaja ID", "Staff id"),
                Column.text("Nimi", "Name"),
                Column.percent("Koormus, %", "Workload, %"),
                Column.longText("Põhjus", "Reason")),
                "staffing-changes_" + projectId + "_" + view.period());
    }

    public static TableWriter.Rows changeRows(StaffingView.InPeriod view) {
        return writer -> {
            for (StaffingView.Change c : view.changes()) {
                Words type = CHANGE.get(c.type());
                writer.item(c.date(), type == null ? c.type() : type.in(writer.language()), c.position(), c.staffId(),
                        c.name(), Cells.decimal(c.workloadPercent()), c.reason());
            }
        };
    }
}
