package io.seire.platform.eventstore;

import io.seire.platform.db.CopyText;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Appends events so that the global index order is the commit order (ADR 0019). Every appending transaction first
 * takes one database-wide advisory lock, held until it commits or rolls back; a transaction can therefore take
 * global indices only after every earlier appender has finished. A reader never sees an event while an event with a
 * lower index is still in flight, so the gap-aware token never has to wait for (or forget) a gap: the only gaps
 * left are those of rolled-back transactions, which stay empty for good. This holds whatever the size of a write,
 * however many writers and nodes append beside it, and however long a transaction stalls.
 *
 * <p>A write of {@link #COPY_FROM_EVENTS} or more events (an import) is sent as one {@code COPY} rather than a JDBC
 * batch of single-row inserts (ADR 0055): the same rows, in the same order, under the same lock, which is taken only
 * once the events are serialized.
 */
public final class EventAppendOrder {

    /** The advisory lock's key: any fixed number no other code of Seire's database uses. */
    static final long APPEND_LOCK = 0x5e12e_a99e7dL;

    private EventAppendOrder() {
    }

    /** From how many events a write's events go as one {@code COPY} (ADR 0055). */
    static final int COPY_FROM_EVENTS = 16;

    public static PreparedStatement appendInCommitOrder(Connection connection, EventSchema schema, Class<?> dataType,
                                                        List<? extends EventMessage<?>> events, Serializer serializer,
                                                        TimestampWriter timestampWriter) throws SQLException {
        if (events.size() >= COPY_FROM_EVENTS) {
            CopyText rows = copyRows(dataType, events, serializer);
            if (rows != null) {
                return copyOnExecute(connection, "COPY " + schema.domainEventTable() + " ("
                        + schema.domainEventFields() + ") FROM STDIN", rows);
            }
        }
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

    /**
     * The events as COPY rows, in the columns and with the values of Axon's insert
     * ({@code JdbcEventStorageEngineStatements.appendEvents}, its timestamp as Axon's engine writes it); null when an
     * event is not an aggregate's or a value is of a type COPY is not given here.
     */
    static CopyText copyRows(Class<?> dataType, List<? extends EventMessage<?>> events, Serializer serializer) {
        CopyText rows = new CopyText(events.size() * 1024);
        for (EventMessage<?> message : events) {
            if (!(message instanceof DomainEventMessage<?> event)) {
                return null;
            }
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            for (Object value : new Object[] {event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getType(), DateTimeUtils.formatInstant(event.getTimestamp()),
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                    metaData.getData()}) {
                if (!rows.append(value)) {
                    return null;
                }
            }
            rows.endRow();
        }
        return rows;
    }

    /**
     * The statement Axon's engine executes as a batch: executing it takes the append lock and sends the rows as one
     * {@code COPY}, so that a failure (a duplicate key: another writer appended to the aggregate first) reaches the
     * engine's handling exactly as a failing insert batch does.
     */
    private static PreparedStatement copyOnExecute(Connection connection, String copy, CopyText rows) {
        boolean[] closed = {false};
        return (PreparedStatement) Proxy.newProxyInstance(EventAppendOrder.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "executeBatch" -> {
                        takeAppendLock(connection);
                        int[] counts = new int[Math.toIntExact(rows.copyIn(connection, copy))];
                        Arrays.fill(counts, 1);
                        yield counts;
                    }
                    case "close" -> {
                        closed[0] = true;
                        yield null;
                    }
                    case "isClosed" -> closed[0];
                    case "getConnection" -> connection;
                    case "toString" -> copy;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(
                            "A COPY of events only executes as a batch, not " + method.getName());
                });
    }
}
