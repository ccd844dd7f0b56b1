package io.seire.query.read;

import io.seire.kernel.RuleViolation;
import io.seire.platform.web.InvalidRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/** A project's reporting periods, in order. */
public final class Periods {

    public record Period(String id, int ordinal, LocalDate from, LocalDate to) {
    }

    private Periods() {
    }

    public static List<Period> of(JdbcClient jdbc, String projectId) {
        return jdbc.sql("SELECT period_id, ordinal, date_from, date_to FROM reporting_period "
                        + "WHERE project_id = :projectId ORDER BY date_from")
                .param("projectId", projectId)
                .query((rs, i) -> new Period(rs.getString("period_id"), rs.getInt("ordinal"),
                        rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class))).list();
    }

    /** The reporting periods of several projects, each in order, in one query. */
    public static java.util.Map<String, List<Period>> ofAll(JdbcClient jdbc, java.util.Collection<String> projectIds) {
        java.util.Map<String, List<Period>> periods = new java.util.HashMap<>();
        projectIds.forEach(id -> periods.put(id, new java.util.ArrayList<>()));
        // a join to the ids rather than project_id = ANY(?): the table is small enough to be scanned, and a scan
        // compares each row with every id of an array parameter, while the join hashes them
        jdbc.sql("SELECT p.project_id, period_id, ordinal, date_from, date_to FROM reporting_period p "
                        + "JOIN unnest(:projectIds::text[]) AS h(project_id) ON p.project_id = h.project_id "
                        + "ORDER BY p.project_id, date_from")
                .param("projectIds", new SqlArrayValue("text", projectIds.toArray()))
                .query(rs -> {
                    periods.get(rs.getString("project_id")).add(new Period(rs.getString("period_id"),
                            rs.getInt("ordinal"), rs.getObject("date_from", LocalDate.class),
                            rs.getObject("date_to", LocalDate.class)));
                });
        return periods;
    }

    /** The period named by a {@code period=} parameter: required, and one of the project's. */
    public static Period required(JdbcClient jdbc, String projectId, String period) {
        if (period == null || period.isBlank()) {
            throw InvalidRequest.of("period", "is required: name one of the project's reporting periods");
        }
        return of(jdbc, projectId).stream().filter(p -> p.id().equals(period)).findFirst()
                .orElseThrow(() -> RuleViolation.unprocessable("period-exists", "period",
                        "The project has no reporting period '" + period + "'."));
    }
}
