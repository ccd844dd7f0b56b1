package io.seire.command.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.seire.command.project.ProjectAccess;
import io.seire.command.setup.Ids;
import io.seire.command.write.WriteExecutor;
import io.seire.kernel.EventVersion;
import io.seire.kernel.Recorded;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.ChangePassword;
import io.seire.kernel.access.ChangeUserAccess;
import io.seire.kernel.access.DisableUser;
import io.seire.kernel.access.EnableUser;
import io.seire.kernel.access.RegisterUser;
import io.seire.kernel.access.ResetPassword;
import io.seire.kernel.access.Role;
import io.seire.kernel.access.UserAccessChanged;
import io.seire.kernel.access.UserDisabled;
import io.seire.kernel.access.UserEnabled;
import io.seire.kernel.access.UserPasswordChanged;
import io.seire.kernel.access.UserPasswordReset;
import io.seire.kernel.access.UserRegistered;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user of Seire. Only an administrator creates users, disables and enables them, changes their roles and
 * memberships and resets their passwords; a user changes their own password. A user name is taken once. No command
 * or event carries a password: only its BCrypt hash.
 * Its events live in the stream {@code user/<name>} (ADR 0020): no project id can contain '/', so a user's stream
 * and a project's never meet.
 */
@Aggregate(commandTargetResolver = "userCommandTarget")
@EventVersion("1")
public class UserAccount {

    /** Prefix of every user's event stream; ids and codes of other aggregates cannot contain '/'. */
    public static final String STREAM_PREFIX = "user/";

    @AggregateIdentifier
    private String stream;
    private String username;
    private boolean disabled;
    private String passwordHash;

    protected UserAccount() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(RegisterUser command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        ProjectAccess.checkRole(actor, RegisterUser.class);
        Ids.check("username", command.username());
        needsARole(command.roles());
        if (username != null) {
            throw RuleViolation.conflict("username-unique", "username",
                    "There is already a user '" + command.username() + "'.");
        }
        apply(new UserRegistered(command.username(), command.passwordHash(), command.roles(),
                command.projects(), command.programmes()));
        return new Recorded(command.username(), 0);
    }

    @CommandHandler
    public Recorded handle(DisableUser command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        ProjectAccess.checkRole(actor, DisableUser.class);
        if (actor.username().equals(username)) {
            throw RuleViolation.unprocessable("not-disable-yourself", null, "You cannot disable your own account: "
                    + "another administrator can, so that Seire always keeps an administrator who can sign in.");
        }
        if (disabled) {
            throw RuleViolation.conflict("disable-an-enabled-user", null, "'" + username + "' is already disabled.");
        }
        return recorded(new UserDisabled(username, command.reason()));
    }

    @CommandHandler
    public Recorded handle(EnableUser command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        ProjectAccess.checkRole(actor, EnableUser.class);
        if (!disabled) {
            throw RuleViolation.conflict("enable-a-disabled-user", null, "'" + username + "' is not disabled.");
        }
        return recorded(new UserEnabled(username, command.reason()));
    }

    @CommandHandler
    public Recorded handle(ChangeUserAccess command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        ProjectAccess.checkRole(actor, ChangeUserAccess.class);
        needsARole(command.roles());
        if (actor.username().equals(username) && !command.roles().contains(Role.ADMIN)) {
            throw RuleViolation.unprocessable("keep-your-own-admin-role", "roles", "You cannot take the ADMIN role "
                    + "from yourself: another administrator can, so that Seire always keeps an administrator.");
        }
        return recorded(new UserAccessChanged(username, command.roles(), command.projects(), command.programmes(),
                command.reason()));
    }

    @CommandHandler
    public Recorded handle(ChangePassword command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        if (actor == null || !actor.username().equals(username)) {
            throw RuleViolation.forbidden("password-changed-by-its-user", "Only '" + username + "' can change their "
                    + "own password; an administrator gives a new one with password-reset.");
        }
        if (!command.currentPasswordConfirmed()) {
            throw RuleViolation.badRequest("current-password-confirmed", "currentPassword",
                    "is not your current password");
        }
        if (command.passwordHash().equals(passwordHash)) {
            throw RuleViolation.badRequest("new-password-differs", "newPassword", "is your current password; "
                    + "choose a new one");
        }
        return recorded(new UserPasswordChanged(username, command.passwordHash()));
    }

    @CommandHandler
    public Recorded handle(ResetPassword command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        ProjectAccess.checkRole(actor, ResetPassword.class);
        return recorded(new UserPasswordReset(username, command.passwordHash()));
    }

    private static void needsARole(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw RuleViolation.badRequest("user-has-role", "roles", "A user needs at least one role.");
        }
    }

    private Recorded recorded(Object event) {
        apply(event);
        return new Recorded(username, AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(UserRegistered e) {
        stream = stream(e.username());
        username = e.username();
        passwordHash = e.passwordHash();
    }

    @EventSourcingHandler
    void on(UserDisabled e) {
        disabled = true;
    }

    @EventSourcingHandler
    void on(UserEnabled e) {
        disabled = false;
    }

    @EventSourcingHandler
    void on(UserPasswordChanged e) {
        passwordHash = e.passwordHash();
    }

    @EventSourcingHandler
    void on(UserPasswordReset e) {
        passwordHash = e.passwordHash();
    }

    /** The event stream (aggregate identifier) of the user with this name. */
    public static String stream(String username) {
        return STREAM_PREFIX + username;
    }
}
