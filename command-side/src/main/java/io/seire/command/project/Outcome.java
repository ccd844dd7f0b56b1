package io.seire.command.project;

import io.seire.kernel.Recorded;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * What a decision of any capability comes to: a new event to apply, or the answer already given for the same content
 * (an idempotent repeat). The one outcome type of the project's capabilities.
 *
 * @param <E> the event the decision records
 */
public sealed interface Outcome<E> {

    record New<E>(E event) implements Outcome<E> {
    }

    record AlreadyRecorded<E>(String id, long sequence) implements Outcome<E> {
    }

    /** Applies the event if it is new; answers with the id of what it records and the sequence number of its event. */
    default Recorded recorded(String id) {
        if (this instanceof AlreadyRecorded<E> already) {
            return new Recorded(already.id(), already.sequence());
        }
        return record(id, ((New<E>) this).event());
    }

    /** Applies the event and answers with the id of what it records and the event's sequence number. */
    static Recorded record(String id, Object event) {
        AggregateLifecycle.apply(event);
        return new Recorded(id, AggregateLifecycle.getVersion());
    }
}
