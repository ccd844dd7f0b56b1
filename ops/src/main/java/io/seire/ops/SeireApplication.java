package io.seire.ops;

import io.seire.command.CommandSideConfiguration;
import io.seire.platform.PlatformConfiguration;
import io.seire.platform.db.EmbeddedDatabase;
import io.seire.query.QuerySideConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Seire. {@code SEIRE_MODE} chooses what this process serves: {@code all} (default: both sides),
 * {@code command} (writes only) or {@code query} (reads and projections only). Without {@code SEIRE_DB_URL} it
 * starts an embedded PostgreSQL whose data lives under {@code var/postgres}.
 */
public final class SeireApplication {

    /** Spring Boot's auto-configuration, switched on for whichever side(s) run. */
    @EnableAutoConfiguration
    static class AutoConfiguration {
    }

    private SeireApplication() {
    }

    public static void main(String[] args) throws IOException {
        String mode = env("SEIRE_MODE", "all").toLowerCase(Locale.ROOT);
        Path varDir = Path.of(env("SEIRE_VAR_DIR", "var")).toAbsolutePath();
        EmbeddedDatabase embedded = null;
        if (env("SEIRE_DB_URL", "").isBlank()) {
            int port = Integer.parseInt(env("SEIRE_EMBEDDED_DB_PORT", "0"));
            embedded = EmbeddedDatabase.start(varDir.resolve("postgres"), port, Map.of());
            System.setProperty("spring.datasource.url", embedded.jdbcUrl());
            System.setProperty("spring.datasource.username", "postgres");
            Files.writeString(varDir.resolve("db-url"), embedded.jdbcUrl() + "\n", StandardCharsets.UTF_8);
            System.out.println("Embedded PostgreSQL: " + embedded.jdbcUrl() + " (user postgres, data in "
                    + varDir.resolve("postgres") + ")");
        }
        System.setProperty("seire.admin-password-file", varDir.resolve("admin-password").toString());
        SpringApplication app = new SpringApplication(sources(mode));
        app.setRegisterShutdownHook(false);
        ConfigurableApplicationContext context = app.run(args);
        EmbeddedDatabase database = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            if (database != null) {
                try {
                    database.close();
                } catch (IOException e) {
                    System.err.println("Could not stop the embedded PostgreSQL: " + e.getMessage());
                }
            }
        }, "seire-shutdown"));
    }

    public static Class<?>[] sources(String mode) {
        List<Class<?>> sources = new ArrayList<>(List.of(AutoConfiguration.class, PlatformConfiguration.class));
        switch (mode) {
            case "all" -> {
                sources.add(CommandSideConfiguration.class);
                sources.add(QuerySideConfiguration.class);
            }
            case "command" -> sources.add(CommandSideConfiguration.class);
            case "query" -> sources.add(QuerySideConfiguration.class);
            default -> throw new IllegalArgumentException("SEIRE_MODE must be all, command or query, not " + mode);
        }
        return sources.toArray(Class<?>[]::new);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
