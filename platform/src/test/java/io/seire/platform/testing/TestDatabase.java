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
}
