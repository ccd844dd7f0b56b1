package io.seire.tools.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * What PostgreSQL does on this machine, in this run, with plain JDBC on a table shaped like the event table: the
 * baseline every Seire figure is a ratio of.
 */
final class RawBaseline {

    static final byte[] PAYLOAD = ("{\"projectId\":\"Šveits.1.01.25-0006\",\"expenditureId\":\"K-000001\","
            + "\"budgetLine\":\"AT6-STAFF\",\"amount\":\"3333.33\",\"incurredOn\":\"2024-07-31\",\"paidOn\":\"2024-08-05\","
            + "\"supplier\":\"SA Kodanikuühiskonna Sihtkapital\",\"invoice\":\"PALK-07\",\"description\":\"Töötasu juuli\","
            + "\"allowDuplicateInvoice\":false,\"corrects\":null}").getBytes(StandardCharsets.UTF_8);
    static final byte[] META = ("{\"actor\":\"raamatupidaja\",\"roles\":\"FINANCE\",\"correlationId\":\""
            + UUID.randomUUID() + "\",\"source\":\"API\",\"traceId\":\"" + UUID.randomUUID() + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    private static final String INSERT = "INSERT INTO bench_raw_event (aggregateidentifier, sequencenumber, type, "
            + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) VALUES (?,?,?,?,?,?,?,?,?)";

    private final DataSource dataSource;

    RawBaseline(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_raw_event");
            s.execute("CREATE TABLE bench_raw_event (globalindex BIGSERIAL PRIMARY KEY, aggregateidentifier VARCHAR(255) NOT NULL, "
                    + "sequencenumber BIGINT NOT NULL, type VARCHAR(255), eventidentifier VARCHAR(255) NOT NULL UNIQUE, "
                    + "metadata BYTEA, payload BYTEA NOT NULL, payloadrevision VARCHAR(255), payloadtype VARCHAR(255) NOT NULL, "
                    + "timestamp VARCHAR(255) NOT NULL, UNIQUE (aggregateidentifier, sequencenumber))");
        }
    }

    /**
     * CPU seconds the committing threads of the last {@link #singleRowCommits} used: the JDBC driver's share of a
     * commit, apart from whatever else the JVM did meanwhile (the service's own threads, the JIT compiler).
     */
    private double committingThreadsCpu;

    double committingThreadsCpu() {
        return committingThreadsCpu;
    }

    /** Rows per second, each row its own committed transaction, from {@code connections} connections at once. */
    double singleRowCommits(int connections, int rowsEach) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try {
            long start = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                String aggregate = "single-" + connections + "-" + t + "-" + UUID.randomUUID();
                done.add(pool.submit(() -> {
                    long cpu = threads.getCurrentThreadCpuTime();
                    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
                        c.setAutoCommit(true);
                        for (int i = 0; i < rowsEach; i++) {
                            bind(ps, aggregate, i);
                            ps.executeUpdate();
                        }
                    }
                    return threads.getCurrentThreadCpuTime() - cpu;
                }));
            }
            long cpu = 0;
            for (Future<Long> f : done) {
                cpu += f.get();
            }
            double rate = (double) connections * rowsEach / seconds(start);
            committingThreadsCpu = cpu / 1e9;
            return rate;
        } finally {
            pool.shutdown();
        }
    }

    /** Rows per second, in transactions of 100 rows sent as one JDBC batch. */
    double batchesOf100(int rows) throws SQLException {
        String aggregate = "batch-" + UUID.randomUUID();
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            for (int i = 0; i < rows; i++) {
                bind(ps, aggregate, i);
                ps.addBatch();
                if ((i + 1) % 100 == 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        return rows / seconds(start);
    }

    /** Fills the table up to {@code rows} rows (fast, in SQL), so the scan reads as many rows as the event store. */
    void fillTo(long rows) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO bench_raw_event (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, "
                        + "payloadrevision, payloadtype, timestamp) SELECT 'fill-' || (g % 100), g, 'Project', "
                        + "md5(random()::text || g), ?, ?, '1', 'io.seire.kernel.finance.ExpenditureRecorded', "
                        + "'2026-11-26T10:00:00.000Z' FROM generate_series(1, ?) g")) {
            long missing = rows - count(c);
            if (missing > 0) {
                ps.setBytes(1, META);
                ps.setBytes(2, PAYLOAD);
                ps.setLong(3, missing);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE bench_raw_event");
            }
        }
    }

    /**
     * Rows per second of a full scan in position order, reading every column. This raw JDBC (statement, fetch size,
     * columns read by number) is the baseline being measured, so it stays raw rather than going through JdbcClient
     * (ADR 0044).
     */
    double orderedScan() throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT globalindex, aggregateidentifier, sequencenumber, type, "
                    + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp FROM bench_raw_event "
                    + "ORDER BY globalindex")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        bytes += rs.getBytes(7).length + rs.getBytes(6).length + rs.getString(2).length();
                    }
                }
            }
            c.rollback();
        }
        if (bytes == 0 && rows > 0) {
            throw new IllegalStateException("nothing read");
        }
        return rows / seconds(start);
    }

    /** A scan's rows and its rate. */
    record Scan(long rows, double rowsPerSecond) {
    }

    /**
     * Rows per second of reading one project's current expenditures in list order, every column, with a cursor: what
     * an expenditure export reads, without writing anything.
     */
    Scan expenditureScan(String projectId) throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        long chars = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT position, expenditure_id, change, status, budget_line, "
                    + "amount, incurred_on, paid_on, supplier, invoice, description, corrects, reason, recorded_at, actor, "
                    + "original_amount, original_currency, rate, rate_date, rate_source FROM expenditure_version "
                    + "WHERE project_id = ? AND superseded_position IS NULL ORDER BY incurred_on, expenditure_id")) {
                ps.setFetchSize(2000);
                ps.setString(1, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        rows++;
                        for (int i = 1; i <= columns; i++) {
                            String value = rs.getString(i);
                            chars += value == null ? 0 : value.length();
                        }
                    }
                }
            }
            c.rollback();
        }
        if (chars == 0 && rows > 0) {
            throw new IllegalStateException("nothing read");
        }
        return new Scan(rows, rows / seconds(start));
    }

    long rows() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return count(c);
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM bench_raw_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void bind(PreparedStatement ps, String aggregate, int sequence) throws SQLException {
        ps.setString(1, aggregate);
        ps.setLong(2, sequence);
        ps.setString(3, "Project");
        ps.setString(4, UUID.randomUUID().toString());
        ps.setBytes(5, META);
        ps.setBytes(6, PAYLOAD);
        ps.setString(7, "1");
        ps.setString(8, "io.seire.kernel.finance.ExpenditureRecorded");
        ps.setString(9, java.time.Instant.now().toString());
    }

    static double seconds(long startNanos) {
        return Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    }
}
