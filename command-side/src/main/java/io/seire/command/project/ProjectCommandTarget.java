package io.seire.command.project;

import io.seire.kernel.ProjectCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Routes every project command to the project named by its official code (the kernel carries no annotations),
 * expecting no particular version. Which version a decision is taken on is settled after the project's lock is
 * held, not before: {@link io.seire.command.write.ProjectCache} hands out a cached project only while its version is
 * the last one stored, and a writer on another node that appends meanwhile meets this one at the event table's
 * unique (aggregate, sequence) key, so the write is rolled back and retried on fresh state. An expected version read
 * before the lock (as this class once did) made every writer that had waited for the lock on the same node fail as a
 * conflict, drop the project from the cache and replay its history.
 */
public class ProjectCommandTarget implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return new VersionedAggregateIdentifier(((ProjectCommand) command.getPayload()).projectId(), null);
    }
}
