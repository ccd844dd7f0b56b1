package io.seire.command.project;

import io.seire.kernel.ProjectCommand;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Routes every project command to the project named by its official code (the kernel carries no annotations), and
 * expects the project at the latest version in the event store. A node whose cached copy is behind (another node
 * wrote since) then fails to load it, drops it from its cache, and the write is retried on the fresh state: no
 * decision is ever taken on stale state.
 */
public class ProjectCommandTarget implements CommandTargetResolver {

    private final Function<String, Long> latestSequence;

    /** Routing only, expecting no particular version (tests). */
    public ProjectCommandTarget() {
        this(projectId -> null);
    }

    public ProjectCommandTarget(Function<String, Long> latestSequence) {
        this.latestSequence = latestSequence;
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        String projectId = ((ProjectCommand) command.getPayload()).projectId();
        return new VersionedAggregateIdentifier(projectId, latestSequence.apply(projectId));
    }
}
