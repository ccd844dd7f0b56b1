package io.seire.command.write;

import io.seire.platform.eventstore.EventTable;
import org.springframework.jdbc.core.JdbcTemplate;

/** Finds the global event position of an aggregate's event, which every write answers with. */
public class Positions {

    private final EventTable events;

    public Positions(JdbcTemplate jdbc) {
        this.events = new EventTable(jdbc);
    }

    /** The position, as the append in this unit of work returned it, else as the event table has it. */
    public long of(String aggregateId, long sequenceNumber) {
        java.util.Optional<Long> appended = io.seire.platform.eventstore.EventAppendOrder.appendedPosition(aggregateId,
                sequenceNumber);
        if (appended.isPresent()) {
            return appended.get();
        }
        return events.position(aggregateId, sequenceNumber)
                .orElseThrow(() -> new IllegalStateException("No event " + sequenceNumber + " of " + aggregateId));
    }
}
