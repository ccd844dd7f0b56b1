package io.seire.query.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.seire.platform.eventstore.EventTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How projections write: statements are collected for the whole batch of events the processor handles in one
 * transaction, and sent when the transaction commits (or before anything is read, so reads see every earlier write):
 * a few rows of each statement all in one round trip, more as a JDBC batch per statement. Outside a transaction a
 * statement runs at once.
 *
 * <p>Statements run grouped, in the order each statement first appeared. That is safe for Seire's projections:
 * every {@code UPDATE} is preceded in its handler by a read (which flushes), and touches only rows of positions
 * before the event's own.
 *
 * <p>The inserts into the large position-keyed tables go as {@code COPY}: during a rebuild ({@link BulkLoad}) always,
 * otherwise from {@link #COPY_FROM_ROWS} rows of one statement in a batch, undone for the JDBC batch should a row be
 * there already (ADR 0051).
 */
@Component
public class ProjectionWriter {

    private static final Object KEY = new Object();

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final EventTable events;
    private final BulkLoad bulk;

    /**
     * Writes through {@code jdbc} (batches need the template: {@code JdbcClient} has none) and reads through
     * {@code client}, the shared client over the same template, so both join the batch's transaction.
     */
    public ProjectionWriter(JdbcTemplate jdbc, JdbcClient client) {
        this(jdbc, client, BulkLoad.never());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public ProjectionWriter(JdbcTemplate jdbc, JdbcClient client, BulkLoad bulk) {
        this.jdbc = jdbc;
        this.client = client;
        this.events = new EventTable(jdbc);
        this.bulk = bulk;
    }

    /** Queues a statement in the current transaction. */
    public void update(String sql, Object... args) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, args);
        } else {
            pending.statements.computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
        }
    }

    /**
     * Queues a statement that only the last call for the same {@code key} needs to send (e.g. how far a project's
     * history is projected, once per batch): sent after every statement {@link #update} queued, so it finds their rows.
     */
    public void last(String sql, Object key, Object... args) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, args);
        } else {
            pending.last.computeIfAbsent(sql, s -> new LinkedHashMap<>()).put(key, args);
        }
    }

    /**
     * The database, for reading with named parameters in the batch's transaction: every statement queued so far is
     * sent first.
     */
    public JdbcClient read() {
        flush();
        return client;
    }

    /** The event store, for reading: every statement queued so far is sent first. */
    public EventTable events() {
        flush();
        return events;
    }

    /** State kept for the current transaction (e.g. the last chain link per project), or null outside one. */
    @SuppressWarnings("unchecked")
    public <T> T transactionScoped(Object key, Function<Object, T> create) {
        Pending pending = pending();
        return pending == null ? null : (T) pending.scoped.computeIfAbsent(key, create);
    }

    /**
     * Runs {@code action} once the current transaction has committed (e.g. to remember what it wrote for later
     * transactions); outside a transaction at once.
     */
    public void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    public void flush() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Pending pending = (Pending) TransactionSynchronizationManager.getResource(KEY);
            if (pending != null) {
                pending.flush(jdbc);
            }
        }
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(KEY);
        if (pending == null) {
            Pending created = new Pending(bulk);
            if (bulk.active()) {
                // a batch lost in a crash is lost with its token, and replayed: no need to wait for the WAL flush
                jdbc.execute("SET LOCAL synchronous_commit TO off");
            }
            TransactionSynchronizationManager.bindResource(KEY, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    created.flush(jdbc);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            pending = created;
        }
        return pending;
    }

    /**
     * From how many rows of one insert a live batch (an import's events, a projection catching up) sends them as one
     * {@code COPY} rather than a JDBC batch of single-row inserts, each firing the statement triggers once (ADR 0051).
     */
    static final int COPY_FROM_ROWS = 16;

    /**
     * At most this many such copies per transaction: each runs in a savepoint, and a transaction that has had more
     * than 64 subtransactions makes every other session's snapshots slower (PostgreSQL's subtransaction cache).
     */
    static final int MAX_SAVEPOINTS = 8;

    /**
     * At most this many rows of one statement go in one round trip with the batch's other statements (more go as a JDBC
     * batch or a {@code COPY} of their own, as before), and at most this many rows in all.
     */
    static final int TOGETHER_ROWS = 8;
    static final int TOGETHER_ROWS_IN_ALL = 64;

    /** Parameters PostgreSQL's protocol allows in one statement, with room to spare. */
    private static final int TOGETHER_PARAMETERS = 30_000;

    /**
     * An insert of one row of values as one insert of {@code rows} rows (as the driver rewrites a batch of it, with
     * {@code reWriteBatchedInserts}), so the rows are one statement, and its statement triggers fire once; null when
     * the statement is not such an insert.
     */
    static String manyRows(String statement, int rows) {
        int values = statement.indexOf(" VALUES (");
        if (!statement.startsWith("INSERT INTO ") || values < 0) {
            return null;
        }
        int open = values + " VALUES ".length();
        int depth = 0;
        int close = -1;
        for (int i = open; i < statement.length() && close < 0; i++) {
            char c = statement.charAt(i);
            if (c == '\'' || c == '"') {
                return null; // quoted text inside the values: left as it is
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                close = i;
            }
        }
        if (close < 0 || statement.indexOf('?', close) >= 0) {
            return null; // parameters after the values would no longer follow the rows'
        }
        String tuple = statement.substring(open, close + 1);
        return statement.substring(0, open) + String.join(",", java.util.Collections.nCopies(rows, tuple))
                + statement.substring(close + 1);
    }

    /**
     * A few rows of several statements sent in one round trip: one prepared statement of several SQL statements, which
     * PostgreSQL's driver sends as one message each and awaits once (issue 16: a live write's projection sent its
     * audit entries, chain links, expenditure versions and the project's progress as four round trips). The rows of
     * one insert go as one insert of many rows, as the driver sends a batch of it. The statements run in the order they
     * were taken, each as it would alone; a failure of one fails the transaction, as it would.
     */
    private static final class Together {
        private final JdbcTemplate jdbc;
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> args = new ArrayList<>();
        private final boolean enabled;
        private int rowsTaken;

        Together(JdbcTemplate jdbc, boolean enabled) {
            this.jdbc = jdbc;
            this.enabled = enabled;
        }

        /** Takes the rows of {@code statement} when they are few enough; false leaves them to the caller. */
        boolean takes(String statement, List<Object[]> rows) {
            int parameters = rows.stream().mapToInt(r -> r.length).sum();
            if (!enabled || rows.size() > TOGETHER_ROWS || rowsTaken + rows.size() > TOGETHER_ROWS_IN_ALL
                    || args.size() + parameters > TOGETHER_PARAMETERS || statement.indexOf(';') >= 0) {
                return false;
            }
            rowsTaken += rows.size();
            String manyRows = rows.size() > 1 ? manyRows(statement, rows.size()) : null;
            if (manyRows != null) {
                sql.append(sql.isEmpty() ? "" : ";\n").append(manyRows);
                rows.forEach(row -> args.addAll(java.util.Arrays.asList(row)));
                return true;
            }
            for (Object[] row : rows) {
                sql.append(sql.isEmpty() ? "" : ";\n").append(statement);
                args.addAll(java.util.Arrays.asList(row));
            }
            return true;
        }

        void send() {
            if (!sql.isEmpty()) {
                jdbc.update(sql.toString(), args.toArray());
                sql.setLength(0);
                args.clear();
                rowsTaken = 0;
            }
        }
    }

    private static final class Pending {
        final Map<String, List<Object[]>> statements = new LinkedHashMap<>();
        final Map<String, Map<Object, Object[]>> last = new LinkedHashMap<>();
        final Map<Object, Object> scoped = new java.util.HashMap<>();
        final BulkLoad bulk;
        int savepoints;

        Pending(BulkLoad bulk) {
            this.bulk = bulk;
        }

        void flush(JdbcTemplate jdbc) {
            // a rebuild's batches go as they always have: COPY wherever it can
            Together together = new Together(jdbc, !bulk.active());
            for (Map.Entry<String, List<Object[]>> e : statements.entrySet()) {
                List<Object[]> rows = e.getValue();
                if (rows.size() > 1 && e.getKey().startsWith("INSERT") && rows.get(0).length > 0
                        && rows.get(0)[0] instanceof Long) {
                    // inserts keyed by position go in position order: two transactions that ever meet on the
                    // same keys then wait for each other instead of deadlocking
                    rows.sort(java.util.Comparator.comparing(r -> (Long) r[0]));
                }
                if (together.takes(e.getKey(), rows)) {
                    continue;
                }
                together.send(); // what was queued before goes first
                if (rows.size() == 1) {
                    jdbc.update(e.getKey(), rows.get(0));
                    continue;
                }
                boolean copied = false;
                if (bulk.active()) {
                    copied = CopyRows.copy(jdbc, e.getKey(), rows);
                } else if (rows.size() >= COPY_FROM_ROWS && savepoints < MAX_SAVEPOINTS
                        && CopyRows.copyable(e.getKey())) {
                    savepoints++;
                    copied = CopyRows.copyUnlessPresent(jdbc, e.getKey(), rows);
                }
                if (!copied) {
                    jdbc.batchUpdate(e.getKey(), rows);
                }
            }
            statements.clear();
            for (Map.Entry<String, Map<Object, Object[]>> e : last.entrySet()) {
                List<Object[]> rows = new ArrayList<>(e.getValue().values());
                if (!together.takes(e.getKey(), rows)) {
                    together.send();
                    jdbc.batchUpdate(e.getKey(), rows);
                }
            }
            together.send();
            last.clear();
        }
    }
}
