package io.seire.command.project;

import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.Role;

/**
 * Who may change a project: a project the actor cannot see does not exist for them (404, no existence leak); a
 * project they see but whose change their role does not allow answers 403.
 */
public final class ProjectAccess {

    private ProjectAccess() {
    }

    public static void check(Actor actor, String projectId, String programme, Role role, String what) {
        if (actor == null) {
            throw RuleViolation.forbidden("signed-in-user-required", "Only a signed-in user can " + what + ".");
        }
        if (!actor.canSee(projectId, programme)) {
            throw notVisible(projectId);
        }
        if (!actor.actsAs(projectId, programme, role)) {
            throw RuleViolation.forbidden("role-allows-write", "Only " + describe(role) + " can " + what + ".");
        }
    }

    public static RuleViolation notVisible(String projectId) {
        return RuleViolation.notFound("not-found", "'" + projectId + "' does not exist.");
    }

    private static String describe(Role role) {
        return switch (role) {
            case ADMIN -> "an administrator";
            case FINANCE -> "finance staff of the project";
            case MANAGER -> "a manager of the project";
            case LIAISON -> "a liaison of the project's programme";
        };
    }
}
