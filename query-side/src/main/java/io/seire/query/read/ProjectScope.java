package io.seire.query.read;

/** A project a reader may see, and how much of its history the view is computed from. */
public record ProjectScope(ProjectRow project, Horizon horizon) {

    public String id() {
        return project.id();
    }

    public long maxPosition() {
        return horizon.maxPosition();
    }

    /** The ids of several projects, for a query's {@code ANY(?)} or {@code unnest(?::text[], …)}. */
    public static String[] ids(java.util.Collection<ProjectScope> projects) {
        return projects.stream().map(ProjectScope::id).toArray(String[]::new);
    }

    /**
     * Their horizons in the same order, the second array of {@code unnest(?::text[], ?::bigint[]) AS h(project_id,
     * max_position)}, by which one query reads each project as far as its own readers see it.
     */
    public static Long[] maxPositions(java.util.Collection<ProjectScope> projects) {
        return projects.stream().map(ProjectScope::maxPosition).toArray(Long[]::new);
    }

    public String money(java.math.BigDecimal amount) {
        return Decimals.money(amount, project.minorDigits());
    }
}
