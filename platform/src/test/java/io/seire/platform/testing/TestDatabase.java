package io.seire.platform.testing;

import io.seire.platform.db.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One real PostgreSQL per test JVM, shared by every test and every cached Spring context. Durability settings are
 * relaxed: a test database need not survive a power cut.
 */
public final class TestDatabase {

    private static EmbeddedDatabase database;
    private static javax.sql.DataSource migrated;

    private TestDatabase() {
    }

    /**
     * Stops the database once Spring Boot's own shutdown hook (if any test started Spring) has closed every
     * application context, so nothing still uses it; PostgreSQL is a separate process and must never outlive the
     * test run.
     */
    private static void stopAfterSpring(EmbeddedDatabase started) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && "SpringApplicationShutdownHook".equals(t.getName())) {
                try {
                    t.join(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            started.close();
        } catch (IOException ignored) {
            // the JVM is going away anyway
        }
    }

    public static synchronized String url() {
        if (database == null) {
            try {
                Path dir = Files.createTempDirectory("seire-test-pg");
                database = EmbeddedDatabase.start(dir.resolve("data"), 0,
                        Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off",
                                "max_connections", "300"));
                EmbeddedDatabase started = database;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterSpring(started), "seire-test-database-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return database.jdbcUrl();
    }

    /**
     * The shared database with Seire's schema (migrated once), through a small pool as the application reaches it. A
     * connection per statement would start a server process per statement: the query side's projection tests took
     * 3.5–4 minutes that way, against half a minute pooled.
     */
    public static synchronized javax.sql.DataSource migrated() {
        if (migrated == null) {
            com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
            pool.setJdbcUrl(url());
            pool.setUsername("postgres");
            pool.setPassword("");
            pool.setMaximumPoolSize(8);
            pool.setPoolName("seire-tests");
            javax.sql.DataSource dataSource = new com.zaxxer.hikari.HikariDataSource(pool);
            org.flywaydb.core.Flyway.configure().dataSource(dataSource).load().migrate();
            migrated = dataSource;
        }
        return migrated;
    }

    /**
     * A new, empty database of its own on the shared server (dropped first if a run before left it), for tests that
     * migrate step by step or must see a table no other test writes to.
     */
    public static javax.sql.DataSource fresh(String name) {
        String url = url();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return new org.springframework.jdbc.datasource.DriverManagerDataSource(
                url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), "postgres", "");
    }
}
