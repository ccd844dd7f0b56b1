package io.seire.command.write;

import org.springframework.jdbc.core.JdbcTemplate;

/** Finds the global event position of an aggregate's event, which every write answers with. */
public class Positions {

    private final JdbcTemplate jdbc;

    public Positions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long of(String aggregateId, long sequenceNumber) {
        Long position = jdbc.query("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = ?",
                rs -> rs.next() ? rs.getLong(1) : null, aggregateId, sequenceNumber);
        if (position == null) {
            throw new IllegalStateException("No event " + sequenceNumber + " of " + aggregateId);
        }
        return position;
    }
}
