package io.seire.kernel.access;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The authenticated user on whose behalf a request runs, with the projects and programmes they belong to.
 * Taken from the authentication, never from a request body.
 */
public record Actor(String username, Set<Role> roles, Set<String> projects, Set<String> programmes) {

    public Actor {
        roles = Set.copyOf(roles);
        projects = Set.copyOf(projects);
        programmes = Set.copyOf(programmes);
    }

    public static Actor system(String name) {
        return new Actor(name, Set.of(Role.ADMIN), Set.of(), Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Everyone reads only projects they belong to; liaisons read every project of their programmes. */
    public boolean canSee(String projectId, String programme) {
        return isAdmin()
                || ((has(Role.FINANCE) || has(Role.MANAGER)) && projects.contains(projectId))
                || (has(Role.LIAISON) && (inProgramme(programme) || projects.contains(projectId)));
    }

    /** Whether this actor, who can see the project, acts in one of the given roles for it. */
    public boolean actsAs(String projectId, String programme, Role role) {
        if (isAdmin()) {
            return true;
        }
        if (!has(role)) {
            return false;
        }
        return role == Role.LIAISON
                ? inProgramme(programme) || projects.contains(projectId)
                : projects.contains(projectId);
    }

    /** A project whose programme is unknown (it does not exist) belongs to no one's programmes. */
    private boolean inProgramme(String programme) {
        return programme != null && programmes.contains(programme);
    }

    /** The roles as one string for the audit trail, e.g. {@code FINANCE,MANAGER}. */
    public String rolesText() {
        return roles.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(","));
    }
}
