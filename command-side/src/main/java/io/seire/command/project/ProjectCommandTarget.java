package io.seire.command.project;

import io.seire.kernel.ProjectCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/** Routes every project command to the project named by its official code (the kernel carries no annotations). */
public class ProjectCommandTarget implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return new VersionedAggregateIdentifier(((ProjectCommand) command.getPayload()).projectId(), null);
    }
}
