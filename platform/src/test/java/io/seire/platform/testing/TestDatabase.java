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

    public static synchronized String url() {
        if (database == null) {
            try {
                Path dir = Files.createTempDirectory("seire-test-pg");
                database = EmbeddedDatabase.start(dir.resolve("data"), 0,
                        Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off",
                                "max_connections", "300"));
                EmbeddedDatabase started = database;
                // Spring Boot's shutdown hook closes every application context first, then runs its handlers: the
                // database stops only after nothing uses it any more.
                org.springframework.boot.SpringApplication.getShutdownHandlers().add(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away anyway
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return database.jdbcUrl();
    }
}
