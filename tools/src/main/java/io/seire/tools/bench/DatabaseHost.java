package io.seire.tools.bench;

import io.seire.platform.db.EmbeddedDatabase;
import java.nio.file.Path;
import java.util.Map;

/**
 * The fault run's database host: starts the embedded PostgreSQL on a data directory and port, says
 * {@value #READY}{@code <jdbc url>}, and keeps it until this process is stopped (then stops it cleanly) or killed.
 */
public final class DatabaseHost {

    static final String READY = "READY ";

    private DatabaseHost() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]), Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                database.close();
            } catch (Exception e) {
                System.err.println("Could not stop PostgreSQL: " + e.getMessage());
            }
        }, "database-host-stop"));
        System.out.println(READY + database.jdbcUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
