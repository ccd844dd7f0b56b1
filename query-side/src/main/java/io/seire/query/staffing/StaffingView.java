package io.seire.query.staffing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.seire.query.read.Decimals;
import io.seire.query.read.Periods;
import io.seire.query.read.ProjectScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Staffing on a day (every position with its holder or vacancy, and FTE) and the changes within a period, in
 * order: what the report's "general activities" section narrates.
 */
@Component
public class StaffingView {

    public record Holder(String staffId, String name, LocalDate startDate, String workloadPercent) {
    }

    public record PositionOnDay(String code, String title, List<String> subActivities, Holder holder, String fte) {
    }

    public record OnDay(LocalDate on, String fte, List<PositionOnDay> positions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(LocalDate date, String type, String position, String staffId, String name,
                         String workloadPercent, String reason) {
    }

    public record InPeriod(String period, LocalDate from, LocalDate to, List<Change> changes) {
    }

    private record Hire(String staffId, String name, LocalDate start, BigDecimal workload, LocalDate end) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;

    public StaffingView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public OnDay on(ProjectScope scope, LocalDate day) {
        long max = scope.maxPosition();
        Map<String, LocalDate> departures = new HashMap<>();
        jdbc.sql("SELECT staff_id, change_date FROM staffing_change WHERE project_id = :projectId AND type = 'DEPARTED' "
                        + "AND position <= :maxPosition")
                .param("projectId", scope.id()).param("maxPosition", max)
                .query(rs -> {
                    departures.put(rs.getString("staff_id"), rs.getObject("change_date", LocalDate.class));
                });
        Map<String, Hire> holders = new HashMap<>();
        jdbc.sql("SELECT position_code, staff_id, name, change_date, workload_percent FROM staffing_change "
                        + "WHERE project_id = :projectId AND type = 'HIRED' AND position <= :maxPosition "
                        + "AND change_date <= :day ORDER BY change_date, position")
                .param("projectId", scope.id()).param("maxPosition", max).param("day", day)
                .query(rs -> {
                    String staffId = rs.getString("staff_id");
                    LocalDate end = departures.get(staffId);
                    if (end == null || !end.isBefore(day)) {
                        holders.put(rs.getString("position_code"), new Hire(staffId, rs.getString("name"),
                                rs.getObject("change_date", LocalDate.class), rs.getBigDecimal("workload_percent"), end));
                    }
                });
        List<PositionOnDay> positions = jdbc.sql("SELECT code, title, sub_activities FROM staff_position "
                        + "WHERE project_id = :projectId AND position <= :maxPosition AND opened_on <= :day "
                        + "ORDER BY opened_on, position")
                .param("projectId", scope.id()).param("maxPosition", max).param("day", day)
                .query((rs, i) -> {
                    Hire h = holders.get(rs.getString("code"));
                    BigDecimal fte = h == null ? BigDecimal.ZERO : h.workload().divide(HUNDRED);
                    return new PositionOnDay(rs.getString("code"), rs.getString("title"), texts(rs.getArray("sub_activities")),
                            h == null ? null : new Holder(h.staffId(), h.name(), h.start(), Decimals.plain(h.workload())),
                            fte.setScale(2, RoundingMode.HALF_UP).toPlainString());
                }).list();
        BigDecimal total = positions.stream().map(p -> new BigDecimal(p.fte())).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OnDay(day, total.setScale(2, RoundingMode.HALF_UP).toPlainString(), positions);
    }

    public InPeriod changes(ProjectScope scope, Periods.Period period) {
        long max = scope.maxPosition();
        List<Change> changes = jdbc.sql("SELECT c.change_date, c.type, c.position_code, c.staff_id, "
                        + "coalesce(c.name, (SELECT h.name FROM staffing_change h WHERE h.project_id = c.project_id "
                        + "AND h.staff_id = c.staff_id AND h.type = 'HIRED' LIMIT 1)) AS name, c.workload_percent, c.reason "
                        + "FROM staffing_change c WHERE c.project_id = :projectId AND c.position <= :maxPosition "
                        + "AND c.change_date BETWEEN :from AND :to ORDER BY c.change_date, c.position")
                .param("projectId", scope.id()).param("maxPosition", max)
                .param("from", period.from()).param("to", period.to())
                .query((rs, i) -> new Change(rs.getObject("change_date", LocalDate.class), rs.getString("type"),
                        rs.getString("position_code"), rs.getString("staff_id"), rs.getString("name"),
                        Decimals.plain(rs.getBigDecimal("workload_percent")), rs.getString("reason")))
                .list();
        return new InPeriod(period.id(), period.from(), period.to(), changes);
    }

    private static List<String> texts(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
