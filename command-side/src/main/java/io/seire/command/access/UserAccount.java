package io.seire.command.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.seire.command.project.ProjectAccess;
import io.seire.command.setup.Ids;
import io.seire.command.write.WriteExecutor;
import io.seire.kernel.EventVersion;
import io.seire.kernel.Recorded;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.RegisterUser;
import io.seire.kernel.access.UserRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A user of Seire. Only an administrator creates users; a user name is taken once. */
@Aggregate(commandTargetResolver = "userCommandTarget")
@EventVersion("1")
public class UserAccount {

    @AggregateIdentifier
    private String username;

    protected UserAccount() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(RegisterUser command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        ProjectAccess.checkRole(actor, RegisterUser.class);
        Ids.check("username", command.username());
        if (command.roles() == null || command.roles().isEmpty()) {
            throw RuleViolation.badRequest("user-has-role", "roles", "A user needs at least one role.");
        }
        if (username != null) {
            throw RuleViolation.conflict("username-unique", "username",
                    "There is already a user '" + command.username() + "'.");
        }
        apply(new UserRegistered(command.username(), command.passwordHash(), command.roles(),
                command.projects(), command.programmes()));
        return new Recorded(command.username(), 0);
    }

    @EventSourcingHandler
    void on(UserRegistered e) {
        username = e.username();
    }
}
