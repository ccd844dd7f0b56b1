package io.seire.query.personaldata;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a person's name appears, for answering a data subject's request (ADR 0035): in hires (by staff id) and in
 * the free text of expenditures, indicator values, progress reports and submitted reports (by record), across every
 * project, each with the fields it is in and the positions of the events it comes from. Names are searched in the
 * views, where they are held opened; an erased name is found nowhere, since nobody can read it any more.
 */
@Component
public class SubjectAccess {

    /** One place a name appears: a staff member ({@code staffId}) or a record ({@code record}) of a project. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Appearance(String project, String staffId, String record, List<String> fields, List<Long> events) {
    }

    /** A view's text columns, by the API's field names, and how its records are named. */
    private record Source(String table, String record, String[] columns, String[] fields, String order) {
    }

    private static final List<Source> FREE_TEXT = List.of(
            new Source("expenditure_version", "'expenditure/' || expenditure_id",
                    new String[] {"supplier", "description", "reason"},
                    new String[] {"supplier", "description", "reason"}, "expenditure_id"),
            new Source("indicator_value_version", "'indicator-value/' || indicator || '/' || value_id",
                    new String[] {"value", "note", "evidence", "reason"},
                    new String[] {"value", "note", "evidence", "reason"}, "indicator, value_id"),
            new Source("activity_progress", "'progress/' || sub_activity || '/' || period_id",
                    new String[] {"summary", "problems", "measures", "next_steps"},
                    new String[] {"summary", "problems", "measures", "nextSteps"}, "sub_activity, period_id"),
            new Source("report", "'report/' || report_id", new String[] {"document"}, new String[] {"document"},
                    "report_id"));

    private final JdbcClient jdbc;

    public SubjectAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Appearance> find(String name) {
        String pattern = "%" + name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Appearance> found = new ArrayList<>(jdbc.sql("SELECT h.project_id, h.staff_id, "
                        + "array_agg(c.position ORDER BY c.position) AS positions FROM staffing_change h JOIN staffing_change c "
                        + "ON c.project_id = h.project_id AND c.staff_id = h.staff_id "
                        + "WHERE h.type = 'HIRED' AND h.name ILIKE :pattern GROUP BY h.project_id, h.staff_id "
                        + "ORDER BY h.project_id, h.staff_id").param("pattern", pattern)
                .query((rs, i) -> new Appearance(rs.getString("project_id"), rs.getString("staff_id"), null,
                        List.of("name"), positions(rs.getArray("positions")))).list());
        for (Source source : FREE_TEXT) {
            found.addAll(inFreeText(source, pattern));
        }
        found.sort(java.util.Comparator.comparing(Appearance::project));
        return found;
    }

    private List<Appearance> inFreeText(Source source, String pattern) {
        StringBuilder matches = new StringBuilder();
        StringBuilder any = new StringBuilder();
        for (int i = 0; i < source.columns().length; i++) {
            String test = source.columns()[i] + " ILIKE :pattern";
            matches.append(", bool_or(").append(test).append(") AS matches_").append(i);
            any.append(i == 0 ? "" : " OR ").append(test);
        }
        String sql = "SELECT project_id, " + source.record() + " AS record" + matches
                + ", array_agg(position ORDER BY position) AS positions FROM " + source.table() + " WHERE " + any
                + " GROUP BY project_id, " + source.order() + " ORDER BY project_id, " + source.order();
        return jdbc.sql(sql).param("pattern", pattern).query((rs, i) -> {
            List<String> fields = new ArrayList<>();
            for (int c = 0; c < source.fields().length; c++) {
                if (rs.getBoolean("matches_" + c)) {
                    fields.add(source.fields()[c]);
                }
            }
            return new Appearance(rs.getString("project_id"), null, rs.getString("record"), fields,
                    positions(rs.getArray("positions")));
        }).list();
    }

    private static List<Long> positions(Array array) throws SQLException {
        return Arrays.stream((Long[]) array.getArray()).toList();
    }
}
