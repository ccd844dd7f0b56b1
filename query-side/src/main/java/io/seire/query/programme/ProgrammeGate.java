package io.seire.query.programme;

import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.Role;
import io.seire.kernel.programme.ProgrammeEvent;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.ReadGate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * The way into every programme view, as {@link ReadGate} is into every project view: waits for {@code minPosition},
 * hides a programme the reader may not see (404, exactly as one that does not exist), turns {@code asOf} into an
 * instant every project of the programme is then read at, and keeps roll-ups to administrators and the programme's
 * liaisons (ADR 0022).
 */
@Component
public class ProgrammeGate {

    private final JdbcClient jdbc;
    private final ReadGate gate;

    public ProgrammeGate(JdbcClient jdbc, ReadGate gate) {
        this.jdbc = jdbc;
        this.gate = gate;
    }

    /** Administrators and liaisons of the programme see it, and so does everyone who belongs to one of its projects. */
    public ProgrammeScope open(Actor actor, String programmeId, Long minPosition, String asOf) {
        gate.awaitPosition(minPosition);
        ProgrammeRow programme = ProgrammeRow.find(jdbc, programmeId);
        if (programme == null) {
            throw notFound(programmeId);
        }
        boolean readsAll = readsAll(actor, programmeId);
        if (!readsAll && !Boolean.TRUE.equals(jdbc.sql("SELECT EXISTS (SELECT 1 FROM project "
                        + "WHERE programme = :programme AND project_id = ANY(:projects))")
                .param("programme", programmeId)
                .param("projects", new SqlArrayValue("text", actor.projects().toArray()))
                .query(Boolean.class).single())) {
            throw notFound(programmeId);
        }
        Instant at = asOf == null || asOf.isBlank() ? null : ReadGate.instant("asOf", asOf);
        if (gate.horizonAt(ProgrammeEvent.stream(programmeId), programme.position(), at) == null) {
            throw RuleViolation.notFound("not-found", "Programme '" + programmeId + "' was not yet registered at "
                    + at + ".");
        }
        return new ProgrammeScope(programme, at, actor, readsAll);
    }

    /** The programme's roll-ups: administrators and liaisons of the programme only. */
    public ProgrammeScope openRollUp(Actor actor, String programmeId, Long minPosition, String asOf) {
        ProgrammeScope scope = open(actor, programmeId, minPosition, asOf);
        if (!scope.readsAll()) {
            throw RuleViolation.forbidden("programme-roll-ups-for-its-liaisons", "Only an administrator or a liaison "
                    + "of programme '" + programmeId + "' reads its roll-ups, which show all of its projects' figures.");
        }
        return scope;
    }

    /**
     * The programme's projects registered at the scope's instant, each as its own readers see it then, ordered by
     * id: all of them, or only those the reader belongs to.
     */
    public List<ProjectScope> projects(ProgrammeScope scope) {
        List<ProjectRow> visible = new ArrayList<>();
        for (ProjectRow project : ProjectRow.ofProgramme(jdbc, scope.id())) {
            if (scope.readsAll() || scope.actor().canSee(project.id(), project.programme())) {
                visible.add(project);
            }
        }
        return gate.scopesAt(visible, scope.at());
    }

    static boolean readsAll(Actor actor, String programmeId) {
        return actor.isAdmin() || (actor.has(Role.LIAISON) && actor.programmes().contains(programmeId));
    }

    static RuleViolation notFound(String programmeId) {
        return RuleViolation.notFound("not-found", "Programme '" + programmeId + "' does not exist.");
    }
}
