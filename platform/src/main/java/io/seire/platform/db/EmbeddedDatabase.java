package io.seire.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
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

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on the given data directory, keeping what is already there. Port 0 picks a free port. The
     * server configuration is applied over {@link #DURABLE}.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Map<String, String> serverConfig)
            throws IOException {
        Files.createDirectories(dataDirectory.getParent());
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
        EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
        database.createApplicationDatabase();
        return database;
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
        postgres.close();
    }
}
