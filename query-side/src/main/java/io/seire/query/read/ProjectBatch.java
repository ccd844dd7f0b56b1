package io.seire.query.read;

import java.util.Arrays;
import java.util.Collection;

/**
 * Several projects read by one query, each as far as its own readers see it (a programme's roll-ups, IATI): the
 * table is joined to the projects' ids, and its rows filtered by each project's horizon.
 *
 * <p>When every project is read now, the horizons are left out of the SQL altogether: a condition on a position the
 * planner cannot see through ({@code position <= h.max_position}) keeps it from using the partial indexes of the
 * versions in force. The ids are joined rather than compared with {@code = ANY(?)}: a scan of a small table compares
 * each row with every element of an array parameter, while a join hashes them.
 *
 * <p>Use: {@code "SELECT … FROM t " + batch.join("t") + " WHERE " + batch.visible("t")}, with {@link #args} first among
 * the query's parameters (the join comes before any other placeholder).
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
        return isNow() ? "JOIN unnest(?::text[]) AS h(project_id) ON " + alias + ".project_id = h.project_id"
                : "JOIN unnest(?::text[], ?::bigint[]) AS h(project_id, max_position) ON " + alias
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

    /** The join's parameters, followed by the query's own. */
    public Object[] args(Object... more) {
        Object[] head = isNow() ? new Object[] {ids} : new Object[] {ids, horizons};
        Object[] all = Arrays.copyOf(head, head.length + more.length);
        System.arraycopy(more, 0, all, head.length, more.length);
        return all;
    }
}
