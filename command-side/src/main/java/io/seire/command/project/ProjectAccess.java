package io.seire.command.project;

import static java.util.Map.entry;

import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.ChangePassword;
import io.seire.kernel.access.ChangeUserAccess;
import io.seire.kernel.access.DisableUser;
import io.seire.kernel.access.EnableUser;
import io.seire.kernel.access.RegisterUser;
import io.seire.kernel.access.ResetPassword;
import io.seire.kernel.access.Role;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateMember;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who may change a project: a project the actor cannot see does not exist for them (404, no existence leak); a
 * project they see but whose change their role does not allow answers 403. Which role each project command needs is
 * written once, beside its handler ({@link Allowed}), and read here into one table from command to permission; the
 * project decides with it once per command, in its interceptor, and the HTTP layer with it before it reads a
 * request's body. Commands that are not a project's (users, programmes) are listed here.
 */
public final class ProjectAccess {

    /**
     * The roles a command needs, any one of them (empty: any signed-in user), and what it does in a clerk's words.
     */
    public record Permission(Set<Role> roles, String what) {

        public Permission {
            roles = Set.copyOf(roles);
        }

        /** One role (null: any signed-in user). */
        public Permission(Role role, String what) {
            this(role == null ? Set.of() : Set.of(role), what);
        }

        /** Either of two roles. */
        public Permission(Role role, Role orRole, String what) {
            this(Set.of(role, orRole), what);
        }
    }

    /** The commands that are not a project's: users' and programmes'. */
    private static final Map<Class<?>, Permission> OUTSIDE_PROJECTS = Map.ofEntries(
            entry(RegisterUser.class, new Permission(Role.ADMIN, "create users")),
            entry(DisableUser.class, new Permission(Role.ADMIN, "disable users")),
            entry(EnableUser.class, new Permission(Role.ADMIN, "enable users")),
            entry(ChangeUserAccess.class, new Permission(Role.ADMIN, "change roles and memberships")),
            entry(ResetPassword.class, new Permission(Role.ADMIN, "reset passwords")),
            // any signed-in user, for their own account only: the account decides whose it is
            entry(ChangePassword.class, new Permission((Role) null, "change their own password")),
            entry(io.seire.kernel.programme.RegisterProgramme.class, new Permission(Role.ADMIN, "register a programme")));

    /** Every command's permission: the project's read once from the {@link Allowed} beside each handler. */
    private static final Map<Class<?>, Permission> PERMISSIONS = table(Project.class);

    /**
     * The table of an aggregate and its members: every command handler must say who may send its command
     * (every-command-says-who-may-send-it), checked when the class is first used, so a missing one stops the start.
     */
    static Map<Class<?>, Permission> table(Class<?> aggregate) {
        Map<Class<?>, Permission> table = new HashMap<>(OUTSIDE_PROJECTS);
        List<Class<?>> slices = new ArrayList<>(List.of(aggregate));
        for (Field field : aggregate.getDeclaredFields()) {
            if (field.isAnnotationPresent(AggregateMember.class)) {
                slices.add(field.getType());
            }
        }
        for (Class<?> slice : slices) {
            for (Method method : slice.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(CommandHandler.class)) {
                    continue;
                }
                Allowed allowed = method.getAnnotation(Allowed.class);
                if (allowed == null) {
                    throw new IllegalStateException("every-command-says-who-may-send-it: " + method
                            + " has no @Allowed");
                }
                Class<?> command = method.getParameterTypes()[0];
                if (table.put(command, new Permission(Set.of(allowed.value()), allowed.to())) != null) {
                    throw new IllegalStateException("Two permissions for " + command.getName());
                }
            }
        }
        return Map.copyOf(table);
    }

    private ProjectAccess() {
    }

    /** The permission a command needs; every command sent over HTTP has one. */
    public static Permission permission(Class<?> command) {
        Permission permission = PERMISSIONS.get(command);
        if (permission == null) {
            throw new IllegalStateException("No permission is defined for " + command.getName());
        }
        return permission;
    }

    /** May the actor send this command to this project (registered under this programme, or null if unknown)? */
    public static void check(Actor actor, String projectId, String programme, Class<?> command) {
        Permission permission = permission(command);
        check(actor, projectId, programme, permission.roles(), permission.what());
    }

    /** May the actor send a command that names no existing project (registering a project or a user)? */
    public static void checkRole(Actor actor, Class<?> command) {
        Permission permission = permission(command);
        if (actor == null) {
            throw RuleViolation.forbidden("signed-in-user-required", "Only a signed-in user can " + permission.what()
                    + ".");
        }
        if (permission.roles().isEmpty()) {
            return;
        }
        if (!(actor.isAdmin() || permission.roles().stream().anyMatch(actor::has))) {
            throw RuleViolation.forbidden("role-allows-write", "Only " + describe(permission.roles()) + " can "
                    + permission.what() + ".");
        }
    }

    private static void check(Actor actor, String projectId, String programme, Set<Role> roles, String what) {
        if (actor == null) {
            throw RuleViolation.forbidden("signed-in-user-required", "Only a signed-in user can " + what + ".");
        }
        if (!actor.canSee(projectId, programme)) {
            throw notVisible(projectId);
        }
        if (!actor.isAdmin() && roles.stream().noneMatch(role -> actor.actsAs(projectId, programme, role))) {
            throw RuleViolation.forbidden("role-allows-write", "Only " + describe(roles) + " can " + what + ".");
        }
    }

    public static RuleViolation notVisible(String projectId) {
        return RuleViolation.notFound("not-found", "'" + projectId + "' does not exist.");
    }

    /** "a manager of the project or finance staff of the project", in the order of {@link Role}. */
    private static String describe(Set<Role> roles) {
        return roles.stream().collect(Collectors.toCollection(TreeSet::new)).stream().map(ProjectAccess::describe)
                .collect(Collectors.joining(" or "));
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
