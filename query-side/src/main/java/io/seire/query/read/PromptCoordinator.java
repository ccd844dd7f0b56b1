package io.seire.query.read;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.AxonThreadFactory;

/**
 * The executor of the projections' coordinator (the thread of Axon's pooled streaming processor that reads the event
 * stream and hands each event to every segment's work package). When any work package's buffer is full (1,024
 * events), Axon's coordinator (4.13, {@code Coordinator.CoordinationTask}) stops reading and looks again after a fixed
 * 100 ms. A segment that handles most of the events (one large project during a rebuild or an import) empties its
 * buffer in far less than that and then waits, idle, for the rest of the 100 ms: the replay was capped at about
 * 1,024 events per 100 ms whatever the machine (docs/PERFORMANCE.md, figure 4). This executor runs that one wait after
 * {@code promptMillis} instead; every other delay the coordinator asks for (waiting for new events, backing off after
 * an error) is kept as asked.
 */
public final class PromptCoordinator extends ScheduledThreadPoolExecutor {

    /** The delay Axon's coordinator schedules itself with when a work package has no room for more events. */
    static final long FULL_BUFFER_WAIT_MILLIS = 100;

    private final long promptMillis;

    public PromptCoordinator(String processorName, long promptMillis) {
        super(1, new AxonThreadFactory("Coordinator[" + processorName + "]"));
        if (promptMillis < 1 || promptMillis > FULL_BUFFER_WAIT_MILLIS) {
            throw new IllegalArgumentException("promptMillis must be 1 to " + FULL_BUFFER_WAIT_MILLIS);
        }
        this.promptMillis = promptMillis;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(command, shortened(delay, unit), TimeUnit.MILLISECONDS);
    }

    /** The delay in milliseconds: the full-buffer wait shortened, any other as asked. */
    long shortened(long delay, TimeUnit unit) {
        long millis = unit.toMillis(delay);
        return millis == FULL_BUFFER_WAIT_MILLIS ? promptMillis : millis;
    }
}
