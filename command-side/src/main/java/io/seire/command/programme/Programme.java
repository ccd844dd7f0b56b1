package io.seire.command.programme;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.seire.command.write.WriteExecutor;
import io.seire.kernel.EventVersion;
import io.seire.kernel.Recorded;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.programme.ProgrammeEvent;
import io.seire.kernel.programme.ProgrammeRegistered;
import io.seire.kernel.programme.RegisterProgramme;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A funding programme: its currencies, ceiling, funding sources, components and indicators. It is an aggregate of
 * its own, apart from its projects, so that later what must hold across projects (claims against the ceiling) is
 * decided in one place. Its events live in the stream {@code programme/<id>} (ADR 0021).
 */
@Aggregate(commandTargetResolver = "programmeCommandTarget")
@EventVersion("1")
public class Programme {

    @AggregateIdentifier
    private String stream;
    private String programmeId;

    protected Programme() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(RegisterProgramme command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                           ProgrammeRegister register) {
        io.seire.command.project.ProjectAccess.checkRole(actor, RegisterProgramme.class);
        ProgrammeRegistered registered = ProgrammeRules.decide(command);
        if (programmeId != null) {
            throw RuleViolation.conflict("programme-id-unique", "id",
                    "A programme with the id '" + command.programmeId() + "' is already registered.");
        }
        register.lock(command.programmeId());
        List<String> others = register.projectsInOtherCurrencies(command.programmeId(), registered.currency());
        if (!others.isEmpty()) {
            throw RuleViolation.unprocessable("projects-keep-the-programme-currency", "currency", "Projects naming '"
                    + command.programmeId() + "' already keep their books in another currency than "
                    + registered.currency() + ": " + String.join(", ", others.subList(0, Math.min(5, others.size())))
                    + (others.size() > 5 ? " and " + (others.size() - 5) + " more" : "")
                    + ". A programme's projects all use its currency.");
        }
        apply(registered);
        return new Recorded(command.programmeId(), AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(ProgrammeRegistered e) {
        stream = ProgrammeEvent.stream(e.programmeId());
        programmeId = e.programmeId();
    }
}
