package io.seire.query.read;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Several projects read by one query, each as far as its own readers see it (a programme's roll-ups, IATI): the
 * table is joined to the projects' ids, and its rows filtered by each project's horizon.
 *
 * <p>When every project is read now, the horizons are left out of the SQL altogether: a condition on a position the
 * planner cannot see through ({@code position <= h.max_position}) keeps it from using the partial indexes of the
 * versions in force. The ids are joined rather than compared with {@code = ANY(?)}: a scan of a small table compares
 * each row with every element of an array parameter, while a join hashes them.
 *
 * <p>Use: {@code jdbc.sql("SELECT … FROM t " + batch.join("t") + " WHERE " + batch.visible("t")).params(batch.params())}
 * on a {@code JdbcClient}: the join names its parameters {@code :projectIds} and {@code :maxPositions}.
 */
public final class ProjectBatch {

    private final String[] ids;
    private final Long[] horizons;

    private ProjectBatch(String[] ids, Long[] horizons) {
        this.ids = ids;
        this.horizons = horizons;
    }

    public static ProjectBatch of(Collection<ProjectScope> projects) {
        boolean now = projects.stream().allMatch(p -> p.horizon().isNow());
        return new ProjectBatch(ProjectScope.ids(projects), now ? null : ProjectScope.maxPositions(projects));
    }

    public boolean isNow() {
        return horizons == null;
    }

    /** {@code JOIN unnest(…) AS h(project_id[, max_position]) ON <alias>.project_id = h.project_id}. */
    public String join(String alias) {
        return isNow() ? "JOIN unnest(:projectIds::text[]) AS h(project_id) ON " + alias + ".project_id = h.project_id"
                : "JOIN unnest(:projectIds::text[], :maxPositions::bigint[]) AS h(project_id, max_position) ON " + alias
                        + ".project_id = h.project_id";
    }

    /** Rows recorded within each project's horizon (set-up facts that are never superseded). */
    public String visible(String alias) {
        return isNow() ? "TRUE" : alias + ".position <= h.max_position";
    }

    /** Versions in force at each project's horizon: recorded by then and not yet superseded by then. */
    public String inForce(String alias) {
        return isNow() ? alias + ".superseded_position IS NULL"
                : alias + ".position <= h.max_position AND (" + alias + ".superseded_position IS NULL OR " + alias
                        + ".superseded_position > h.max_position)";
    }

    /** The join's named parameters: {@code projectIds}, and {@code maxPositions} at past horizons. */
    public Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        params.put("projectIds", new SqlArrayValue("text", (Object[]) ids));
        if (!isNow()) {
            params.put("maxPositions", new SqlArrayValue("bigint", (Object[]) horizons));
        }
        return params;
    }
}
