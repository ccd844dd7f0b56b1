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
import org.springframework.stereotype.Component;

/**
 * Figures computed per project for views that gather many projects (a programme's roll-ups), each remembered with
 * the state of the project it was computed from, so that a read computes again only the projects that changed.
 *
 * <p>A project's state is how far the projections have applied its history: the position of its last event in the
 * views, which the projections write in the same transaction as every other view of the event (one processing
 * group, {@link ProjectionWriter}), capped by the reader's horizon. Views are a function of the events
 * up to that position (ADR 0004), so a figure remembered for a state is the figure any later computation for the
 * same state gives: nothing is ever invalidated, a new event simply makes a new state. Only the latest figure of each
 * project, kind and argument is kept, stamped with its state, and a figure for another state replaces it: figures
 * of states no reader asks for any more (every write makes one) are not kept until they expire, which under a steady
 * write load filled the heap with dead roll-ups and lengthened every garbage collection. What is remembered holds
 * numbers and codes only, never free text or names (ADR 0035), and is forgotten after a while in any case (a
 * rebuild elsewhere, or memory): {@link #KEEP}.
 */
@Component
public class ProjectFigures {

    /** How long a figure is kept after it was computed. */
    static final Duration KEEP = Duration.ofMinutes(10);
    /** At most this many figures (projects × kinds × arguments) are kept. */
    static final int MAX_FIGURES = 50_000;

    /** Where one project's figure of one kind and argument is kept. */
    private record Slot(String kind, String project, Object argument) {
    }

    /** Where a figure gathered from many projects (in their order) is kept. */
    private record GatheredSlot(String kind, Object argument, List<String> projects) {
    }

    /** A figure and the state it was computed for: a project's state, or the state of each project gathered. */
    private record Stamped(Object state, Object value) {
    }

    private final Cache<Object, Object> remembered = Caffeine.newBuilder()
            .maximumSize(MAX_FIGURES).expireAfterWrite(KEEP).build();

    /**
     * One figure per project, in the order of {@code arguments}: those remembered for the project's present state,
     * the others computed by {@code compute} (all in one call, given the projects it must compute with their
     * arguments, answering by project id) and remembered. {@code kind} names the computation; an argument must be
     * an immutable value with equals (a date, a record).
     */
    @SuppressWarnings("unchecked")
    public <A, V> Map<String, V> of(String kind, Map<ProjectScope, A> arguments,
                                    Function<Map<ProjectScope, A>, Map<String, V>> compute) {
        Map<String, V> found = new HashMap<>();
        Map<ProjectScope, A> missing = new LinkedHashMap<>();
        arguments.forEach((project, argument) -> {
            Object value = valueFor(new Slot(kind, project.id(), argument), state(project));
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
                if (value != null) {
                    remembered.put(new Slot(kind, project.id(), argument), new Stamped(state(project), value));
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
        Map<String, Long> states = new HashMap<>();
        projects.forEach(project -> states.put(project.id(), state(project)));
        GatheredSlot slot = new GatheredSlot(kind, argument, projects.stream().map(ProjectScope::id).toList());
        Object value = valueFor(slot, states);
        if (value == null) { // not remembered.get(slot, …): gathering remembers the projects' own figures in this cache
            value = gather.get();
            remembered.put(slot, new Stamped(states, value));
        }
        return (V) value;
    }

    /** The figure kept in {@code slot} if it was computed for {@code state}, else null. */
    private Object valueFor(Object slot, Object state) {
        Object kept = remembered.getIfPresent(slot);
        return kept instanceof Stamped stamped && stamped.state().equals(state) ? stamped.value() : null;
    }

    /** How many figures are kept now (tests). */
    long kept() {
        remembered.cleanUp();
        return remembered.estimatedSize();
    }

    /**
     * A project's state: the position of its last event the projections had applied when its row was read
     * ({@code project.projected_to}, written with the views' rows), capped by the reader's horizon.
     */
    private static long state(ProjectScope project) {
        return Math.min(project.project().projectedTo(), project.maxPosition());
    }
}
