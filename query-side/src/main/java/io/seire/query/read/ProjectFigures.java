package io.seire.query.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Figures computed per project for views that gather many projects (a programme's roll-ups), each remembered with
 * the state of the project it was computed from, so that a read computes again only the projects that changed.
 *
 * <p>A project's state is how far the projections have applied its history: the position of its last event in the
 * views, which the projections write in the same transaction as every other view of the event (one processing
 * group, {@link ProjectionWriter}), capped by the reader's horizon. Views are a function of the events
 * up to that position (ADR 0004), so a figure remembered for a state is the figure any later computation for the
 * same state gives: nothing is ever invalidated, a new event simply makes a new state. What is remembered holds
 * numbers and codes only, never free text or names (ADR 0035), and is forgotten after a while in any case (a
 * rebuild elsewhere, or memory): {@link #KEEP}.
 */
@Component
public class ProjectFigures {

    /** How long a figure is kept after it was computed. */
    static final Duration KEEP = Duration.ofMinutes(10);
    /** At most this many figures (projects × kinds × arguments) are kept. */
    static final int MAX_FIGURES = 50_000;

    private record Key(String kind, String project, long state, Object argument) {
    }

    /** A figure gathered from many projects: the projects in their order, and the state of each. */
    private record Gathered(String kind, Object argument, List<String> projects, Map<String, Long> states) {
    }

    private final JdbcTemplate jdbc;
    private final Cache<Object, Object> remembered = Caffeine.newBuilder()
            .maximumSize(MAX_FIGURES).expireAfterWrite(KEEP).build();

    public ProjectFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One figure per project, in the order of {@code arguments}: those remembered for the project's present state,
     * the others computed by {@code compute} (all in one call, given the projects it must compute with their
     * arguments, answering by project id) and remembered. {@code kind} names the computation; an argument must be
     * an immutable value with equals (a date, a record).
     */
    @SuppressWarnings("unchecked")
    public <A, V> Map<String, V> of(String kind, Map<ProjectScope, A> arguments,
                                    Function<Map<ProjectScope, A>, Map<String, V>> compute) {
        Map<String, Long> states = states(arguments.keySet());
        Map<String, V> found = new HashMap<>();
        Map<ProjectScope, A> missing = new LinkedHashMap<>();
        arguments.forEach((project, argument) -> {
            Long state = states.get(project.id());
            Object value = state == null ? null : remembered.getIfPresent(new Key(kind, project.id(), state, argument));
            if (value == null) {
                missing.put(project, argument);
            } else {
                found.put(project.id(), (V) value);
            }
        });
        if (!missing.isEmpty()) {
            Map<String, V> computed = compute.apply(missing);
            missing.forEach((project, argument) -> {
                V value = computed.get(project.id());
                Long state = states.get(project.id());
                if (value != null && state != null) {
                    remembered.put(new Key(kind, project.id(), state, argument), value);
                }
                found.put(project.id(), value);
            });
        }
        Map<String, V> ordered = new LinkedHashMap<>();
        arguments.keySet().forEach(project -> ordered.put(project.id(), found.get(project.id())));
        return ordered;
    }

    /**
     * A figure gathered from many projects (a programme's roll-up), remembered with the state of every one of them, so
     * that it is gathered again only when one of them changed: {@code gather} computes it (from each project's own
     * remembered figures, {@link #of}). {@code argument} must hold everything else the figure depends on, as an
     * immutable value with equals (the programme's row, a date). Project rows never change once registered, so the
     * projects' ids and states are all that can change a gathered figure.
     */
    @SuppressWarnings("unchecked")
    public <V> V gathered(String kind, Object argument, List<ProjectScope> projects, Supplier<V> gather) {
        Map<String, Long> states = states(projects);
        if (states.size() < projects.size()) {
            return gather.get(); // a project with nothing projected yet has no state to remember it by
        }
        Gathered key = new Gathered(kind, argument, projects.stream().map(ProjectScope::id).toList(), states);
        Object value = remembered.getIfPresent(key);
        if (value == null) { // not remembered.get(key, …): gathering remembers the projects' own figures in this cache
            value = gather.get();
            remembered.put(key, value);
        }
        return (V) value;
    }

    /**
     * Each project's state: the position of its last event the projections applied ({@code project.projected_to},
     * written with the views' rows), capped by the reader's horizon; none for a project not projected yet.
     */
    private Map<String, Long> states(java.util.Collection<ProjectScope> projects) {
        Map<String, Long> horizons = new HashMap<>();
        projects.forEach(p -> horizons.put(p.id(), p.maxPosition()));
        Map<String, Long> states = new HashMap<>();
        jdbc.query("SELECT project_id, projected_to FROM project WHERE project_id = ANY(?)",
                rs -> {
                    String project = rs.getString("project_id");
                    states.put(project, Math.min(rs.getLong("projected_to"), horizons.get(project)));
                }, (Object) horizons.keySet().toArray(String[]::new));
        return states;
    }
}
