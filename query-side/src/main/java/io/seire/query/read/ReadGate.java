package io.seire.query.read;

import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.platform.eventstore.EventTable;
import io.seire.platform.web.InvalidRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * The way into every project view: hides projects the reader may not see (404, exactly as for a project that does
 * not exist), waits for {@code minPosition}, and turns {@code asOf} into the project's horizon.
 */
public class ReadGate {

    private final JdbcClient jdbc;
    private final EventTable events;
    private final ProjectionProgress progress;
    private final Duration maxWait;

    public ReadGate(JdbcTemplate template, JdbcClient jdbc, ProjectionProgress progress, Duration maxWait) {
        this.jdbc = jdbc;
        this.events = new EventTable(template);
        this.progress = progress;
        this.maxWait = maxWait;
    }

    /** Waits until every project view reflects all events up to {@code minPosition}. */
    public void awaitPosition(Long minPosition) {
        checkPosition(minPosition);
        awaitPosition(minPosition, null);
    }

    private void awaitPosition(Long minPosition, String projectId) {
        if (minPosition != null && minPosition > 0) {
            progress.await(minPosition, projectId, maxWait);
        }
    }

    /**
     * A position a client can hold: one a write answered, so at most the last recorded event's. A position beyond it
     * is refused at once (ADR 0017) rather than waited for: no write can have answered it, and waiting would only
     * make the client's mistake slow.
     */
    private void checkPosition(Long minPosition) {
        if (minPosition == null) {
            return;
        }
        if (minPosition < 0) {
            throw InvalidRequest.of("minPosition", "must be 0 or more, not " + minPosition);
        }
        if (minPosition > events.head()) {
            throw InvalidRequest.of("minPosition", minPosition + " is beyond the last recorded event; give the "
                    + "position a write answered");
        }
    }

    /**
     * Opens a project's views for a reader. The parameters are checked first (400), then whether the reader may see
     * the project (404, at once: waiting first would tell, by a late 503, that an invisible project exists), then
     * {@code minPosition} is waited for (503 when not reached), and {@code asOf} turned into the project's horizon.
     */
    public ProjectScope open(Actor actor, String projectId, Long minPosition, String asOf) {
        Instant at = asOf == null || asOf.isBlank() ? null : instant("asOf", asOf);
        checkPosition(minPosition);
        ProjectRow project = find(projectId);
        if (!mayOpen(actor, projectId, project)) {
            throw notFound(projectId);
        }
        if (minPosition != null && minPosition > 0) {
            awaitPosition(minPosition, projectId);
            project = find(projectId);
        }
        if (project == null || !actor.canSee(project.id(), project.programme())) {
            throw notFound(projectId);
        }
        ProjectScope scope = scopeAt(project, at);
        if (scope == null) {
            throw RuleViolation.notFound("not-found", "'" + projectId + "' was not yet registered at " + at + ".");
        }
        return scope;
    }

    /**
     * The project as recorded at an instant (now when {@code at} is null), exactly as {@link #open} gives it to its
     * own readers; null when it was not yet registered then. For views that gather several projects.
     */
    public ProjectScope scopeAt(ProjectRow project, Instant at) {
        Horizon horizon = horizonAt(project.id(), project.position(), at);
        return horizon == null ? null : new ProjectScope(project, horizon);
    }

    /**
     * Several projects as recorded at an instant, in one query, in the given order; those not yet registered then are
     * left out. Exactly {@link #scopeAt} for each, for views that gather many projects.
     */
    public List<ProjectScope> scopesAt(List<ProjectRow> projects, Instant at) {
        if (at == null) {
            return projects.stream().map(p -> new ProjectScope(p, Horizon.NOW)).toList();
        }
        java.util.Map<String, Long> last = new java.util.HashMap<>();
        // per project a max() the index on (project_id, position) answers from its end, as in horizonAt
        jdbc.sql("SELECT h.project_id, (SELECT max(position) FROM audit_entry a WHERE a.project_id = h.project_id "
                        + "AND a.recorded_at <= :at) AS last FROM unnest(:projectIds::text[]) AS h(project_id)")
                .param("at", Timestamp.from(at))
                .param("projectIds", new SqlArrayValue("text", projects.stream().map(ProjectRow::id).toArray()))
                .query(rs -> {
                    long position = rs.getLong("last");
                    if (!rs.wasNull()) {
                        last.put(rs.getString("project_id"), position);
                    }
                });
        java.util.List<ProjectScope> scopes = new java.util.ArrayList<>();
        for (ProjectRow project : projects) {
            Long position = last.get(project.id());
            if (position != null && position >= project.position()) {
                scopes.add(new ProjectScope(project, new Horizon(position)));
            }
        }
        return scopes;
    }

    /**
     * How much of an event stream (a project's, or a programme's {@code programme/<id>}) was recorded at an instant:
     * its last position recorded then, or null when the event at {@code registeredAt} was not yet recorded. Now when
     * {@code at} is null.
     */
    public Horizon horizonAt(String stream, long registeredAt, Instant at) {
        if (at == null) {
            return Horizon.NOW;
        }
        Long position = jdbc.sql("SELECT max(position) FROM audit_entry WHERE project_id = :stream "
                        + "AND recorded_at <= :at")
                .param("stream", stream).param("at", Timestamp.from(at)).query(Long.class).optional().orElse(null);
        return position == null || position < registeredAt ? null : new Horizon(position);
    }

    /**
     * Whether the reader may see the project, decided before waiting for the views: a liaison's programme comes from
     * the project's registration in the event store when the views do not hold it yet.
     */
    private boolean mayOpen(Actor actor, String projectId, ProjectRow project) {
        if (project != null) {
            return actor.canSee(projectId, project.programme());
        }
        if (actor.canSee(projectId, "")) {
            return true; // an administrator, or a member of the project
        }
        if (actor.programmes().isEmpty()) {
            return false;
        }
        List<String> programme = events.firstEventField(projectId, "Project",
                io.seire.kernel.setup.ProjectRegistered.class.getName(), "programme");
        return !programme.isEmpty() && actor.canSee(projectId, programme.get(0));
    }

    public ProjectRow find(String projectId) {
        return ProjectRow.find(jdbc, projectId);
    }

    public static RuleViolation notFound(String projectId) {
        return RuleViolation.notFound("not-found", "'" + projectId + "' does not exist.");
    }

    public static Instant instant(String field, String text) {
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidRequest.of(field, "'" + io.seire.kernel.Bounds.shortened(text)
                        + "' is not an ISO-8601 instant such as 2025-03-05T12:00:00Z");
            }
        }
        String problem = io.seire.kernel.Bounds.dateProblem(instant.atOffset(java.time.ZoneOffset.UTC).toLocalDate());
        if (problem != null) {
            throw InvalidRequest.of(field, "'" + text + "' " + problem);
        }
        return instant;
    }
}
