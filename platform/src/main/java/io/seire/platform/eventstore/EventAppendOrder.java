package io.seire.platform.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.Serializer;

/**
 * Appends events so that the global index order is the commit order (ADR 0019). Every appending transaction first
 * takes one database-wide advisory lock, held until it commits or rolls back; a transaction can therefore take
 * global indices only after every earlier appender has finished. A reader never sees an event while an event with a
 * lower index is still in flight, so the gap-aware token never has to wait for (or forget) a gap: the only gaps
 * left are those of rolled-back transactions, which stay empty for good. This holds whatever the size of a write,
 * however many writers and nodes append beside it, and however long a transaction stalls.
 */
public final class EventAppendOrder {

    /** The advisory lock's key: any fixed number no other code of Seire's database uses. */
    static final long APPEND_LOCK = 0x5e12e_a99e7dL;

    private EventAppendOrder() {
    }

    public static PreparedStatement appendInCommitOrder(Connection connection, EventSchema schema, Class<?> dataType,
                                                        List<? extends EventMessage<?>> events, Serializer serializer,
                                                        TimestampWriter timestampWriter) throws SQLException {
        takeAppendLock(connection);
        return JdbcEventStorageEngineStatements.appendEvents(connection, schema, dataType, events, serializer,
                timestampWriter);
    }

    /** Waits until no other transaction may append; released by this transaction's commit or rollback. */
    public static void takeAppendLock(Connection connection) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")");
        }
    }
}
