package io.seire.platform.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.Serializer;

/**
 * Appends events so that the global index order is the commit order (ADR 0019). Every appending transaction takes
 * one database-wide advisory lock, held until it commits or rolls back; a transaction can therefore take global
 * indices only after every earlier appender has finished. A reader never sees an event while an event with a lower
 * index is still in flight, so the gap-aware token never has to wait for (or forget) a gap: the only gaps left are
 * those of rolled-back transactions, which stay empty for good. This holds whatever the size of a write, however
 * many writers and nodes append beside it, and however long a transaction stalls.
 *
 * <p>The event table takes the lock itself, by a statement trigger that fires before an insert forms its first row
 * (V43, ADR 0059): the insert waits for the lock in its own round trip, and no insert, whoever sends it, can take a
 * position without it (short of a superuser turning the table's triggers off). This class adds what the append needs
 * besides: the positions the insert took.
 */
public final class EventAppendOrder {

    /** The advisory lock's key: any fixed number no other code of Seire's database uses. */
    public static final long APPEND_LOCK = 0x5e12e_a99e7dL;

    private EventAppendOrder() {
    }

    public static PreparedStatement appendInCommitOrder(Connection connection, EventSchema schema, Class<?> dataType,
                                                        List<? extends EventMessage<?>> events, Serializer serializer,
                                                        TimestampWriter timestampWriter) throws SQLException {
        String position = schema.globalIndexColumn().toLowerCase(java.util.Locale.ROOT);
        PreparedStatement insert = JdbcEventStorageEngineStatements.appendEvents(
                returningPositions(connection, position), schema, dataType, events, serializer, timestampWriter);
        return rememberingPositions(insert, position, events);
    }

    /**
     * The global position this unit of work's append gave an aggregate's event, if it appended it: the insert
     * returns the positions it takes, so a write answers with its position without asking the table again while it
     * holds the append lock.
     */
    public static java.util.Optional<Long> appendedPosition(String aggregateId, long sequence) {
        if (!org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) {
            return java.util.Optional.empty();
        }
        java.util.Map<String, Long> positions = org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().root()
                .getResource(APPENDED);
        return java.util.Optional.ofNullable(positions == null ? null : positions.get(key(aggregateId, sequence)));
    }

    private static final String APPENDED = EventAppendOrder.class.getName() + ".appended";

    private static String key(String aggregateId, long sequence) {
        return aggregateId + '\u0000' + sequence;
    }

    /**
     * The connection, but its statements return the generated positions (Axon's insert prepares one statement). The
     * driver quotes the column it is given, and the table's columns were created unquoted, so in lower case.
     */
    private static Connection returningPositions(Connection connection, String positionColumn) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(EventAppendOrder.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
                        return connection.prepareStatement((String) args[0], new String[] {positionColumn});
                    }
                    return call(connection, method, args);
                });
    }

    /** The insert, which once executed keeps the positions it took in the current unit of work. */
    private static PreparedStatement rememberingPositions(PreparedStatement insert, String position,
                                                          List<? extends EventMessage<?>> events) {
        return (PreparedStatement) java.lang.reflect.Proxy.newProxyInstance(EventAppendOrder.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    Object result = call(insert, method, args);
                    if (method.getName().equals("executeBatch")) {
                        remember(insert, position, events);
                    }
                    return result;
                });
    }

    /** Calls the proxied object's method, throwing what it throws rather than the reflection's wrapper. */
    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void remember(PreparedStatement insert, String position, List<? extends EventMessage<?>> events)
            throws SQLException {
        if (!org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) {
            return;
        }
        java.util.Map<String, Long> positions = org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().root()
                .getOrComputeResource(APPENDED, k -> new java.util.HashMap<>());
        // the rows take their positions in the order they are inserted, under the lock: the n-th smallest is the
        // n-th event's, whatever order the driver returns them in
        List<Long> taken = new java.util.ArrayList<>(events.size());
        try (java.sql.ResultSet keys = insert.getGeneratedKeys()) {
            while (keys.next()) {
                taken.add(keys.getLong(position));
            }
        }
        if (taken.size() != events.size()) {
            return; // a driver that does not return them: the write asks the table instead
        }
        java.util.Collections.sort(taken);
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain) {
                positions.put(key(domain.getAggregateIdentifier(), domain.getSequenceNumber()), taken.get(i));
            }
        }
    }
}
