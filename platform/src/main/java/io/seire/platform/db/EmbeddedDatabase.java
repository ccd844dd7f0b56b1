package io.seire.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server from the binaries shipped in a Maven artifact, for single-node runs and tests. Superuser
 * {@code postgres} without password on localhost; the application database is {@code seire}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "seire";

    /**
     * The embedded binaries start PostgreSQL with {@code fsync} and {@code synchronous_commit} off, which suits
     * throw-away test databases but not data kept under {@code var/}: a crash could lose or corrupt committed writes.
     * Every start turns both back on unless the caller's server configuration says otherwise.
     */
    static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final FileChannel ownership;

    private EmbeddedDatabase(EmbeddedPostgres postgres, FileChannel ownership) {
        this.postgres = postgres;
        this.ownership = ownership;
    }

    /**
     * Starts PostgreSQL on the given data directory, keeping what is already there. Port 0 picks a free port. The
     * server configuration is applied over {@link #DURABLE}.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Map<String, String> serverConfig)
            throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        FileChannel ownership = own(dataDirectory);
        try {
            stopOrphan(dataDirectory);
            return start(dataDirectory, port, serverConfig, ownership);
        } catch (IOException | RuntimeException e) {
            ownership.close();
            throw e;
        }
    }

    private static EmbeddedDatabase start(Path dataDirectory, int port, Map<String, String> serverConfig,
                                          FileChannel ownership) throws IOException {
        quietPostgresLog();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        Map<String, String> config = new java.util.LinkedHashMap<>(DURABLE);
        config.putAll(serverConfig);
        config.forEach(builder::setServerConfig);
        EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), ownership);
        database.createApplicationDatabase();
        return database;
    }

    /**
     * Only one process at a time may run the server on a data directory: it holds a lock on a file beside it for as
     * long as it runs. The operating system releases the lock when the process ends, however it ends, so a lock
     * that can be taken means no living process owns the directory.
     */
    private static FileChannel own(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("Another Seire process is using the database in " + dataDirectory
                    + "; stop it first, or give this one another SEIRE_VAR_DIR.");
        }
        return channel;
    }

    /**
     * A process that was killed ({@code kill -9}) leaves its PostgreSQL running, and no new server can start on the
     * same data directory while it does. Nobody owns that server any more (its owner's lock is gone), so it is shut
     * down the way PostgreSQL recommends (fast shutdown: clients disconnected, a checkpoint, a clean stop).
     */
    static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException unreadable) {
            return; // PostgreSQL itself decides what a broken pid file means
        }
        java.util.Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return; // a stale pid file: PostgreSQL starts over it by itself
        }
        log.warn("PostgreSQL (pid {}) is still running on {} after its Seire process ended without stopping it; "
                + "shutting it down before starting again", pid, dataDirectory);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            orphan.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the PostgreSQL left running on " + dataDirectory, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("The PostgreSQL left running on " + dataDirectory + " (pid " + pid
                    + ") did not stop within 60 s; stop it by hand (pg_ctl stop -D " + dataDirectory + ")", e);
        }
    }

    /** PostgreSQL's own start-up chatter is not for operators; its warnings and errors still show. */
    private static void quietPostgresLog() {
        if (org.slf4j.LoggerFactory.getLogger("io.zonky") instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    private void createApplicationDatabase() throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IOException("Could not create database " + DATABASE, e);
        }
    }

    /**
     * Stops the server. A checkpoint first, so that the shutdown checkpoint (with {@code fsync} on) finishes well
     * within the few seconds the embedded binaries wait for the server to stop.
     */
    @Override
    public void close() throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            // stop it all the same
        }
        try {
            postgres.close();
        } finally {
            ownership.close();
        }
    }
}
