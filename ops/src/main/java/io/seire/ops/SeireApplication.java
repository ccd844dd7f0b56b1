package io.seire.ops;

import io.seire.command.CommandSideConfiguration;
import io.seire.console.ConsoleConfiguration;
import io.seire.platform.PlatformConfiguration;
import io.seire.platform.db.EmbeddedDatabase;
import io.seire.query.QuerySideConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * starts an embedded PostgreSQL whose data lives under {@code var/postgres}, and signs chain heads with a key
 * generated under {@code var/chain-signing-key} and encrypts personal data under a master key generated under
 * {@code var/master-key}, unless the operator configures them.
 */
public final class SeireApplication {

    /** Spring Boot's auto-configuration, switched on for whichever side(s) run. */
    @EnableAutoConfiguration
    static class AutoConfiguration {
    }

    /** A running Seire: its Spring context and, when it started one, its embedded database. */
    public record Running(ConfigurableApplicationContext context, EmbeddedDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            try {
                context.close();
            } finally {
                if (database != null) {
                    try {
                        database.close();
                    } catch (IOException e) {
                        System.err.println("Could not stop the embedded PostgreSQL: " + e.getMessage());
                    }
                }
            }
        }
    }

    private SeireApplication() {
    }

    public static void main(String[] args) {
        Running running = start(env("SEIRE_MODE", "all"), Path.of(env("SEIRE_VAR_DIR", "var")), args);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "seire-shutdown"));
    }

    /** Starts the given mode, with the embedded database under {@code varDir} unless SEIRE_DB_URL is set. */
    public static Running start(String mode, Path varDir, String... args) {
        EmbeddedDatabase embedded = env("SEIRE_DB_URL", "").isBlank() ? embedded(varDir.toAbsolutePath()) : null;
        System.setProperty("seire.admin-password-file", varDir.toAbsolutePath().resolve("admin-password").toString());
        if (embedded != null) {
            // single node: without a key of the operator's, chain heads are signed with one generated under var/
            System.setProperty("seire.chain.generated-signing-key-file",
                    varDir.toAbsolutePath().resolve("chain-signing-key").toString());
            // and personal data is encrypted under a master key generated under var/ (ADR 0035)
            System.setProperty("seire.personal-data.generated-master-key-file",
                    varDir.toAbsolutePath().resolve("master-key").toString());
        }
        SpringApplication app = new SpringApplication(sources(mode.toLowerCase(Locale.ROOT)));
        app.setRegisterShutdownHook(false);
        return new Running(app.run(args), embedded);
    }

    private static EmbeddedDatabase embedded(Path varDir) {
        try {
            int port = Integer.parseInt(env("SEIRE_EMBEDDED_DB_PORT", "0"));
            EmbeddedDatabase database = EmbeddedDatabase.start(varDir.resolve("postgres"), port, Map.of());
            System.setProperty("spring.datasource.url", database.jdbcUrl());
            System.setProperty("spring.datasource.username", "postgres");
            Files.createDirectories(varDir);
            Files.writeString(varDir.resolve("db-url"), database.jdbcUrl() + "\n", StandardCharsets.UTF_8);
            System.out.println("Embedded PostgreSQL: " + database.jdbcUrl() + " (user postgres, data in "
                    + varDir.resolve("postgres") + ")");
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Class<?>[] sources(String mode) {
        List<Class<?>> sources = new ArrayList<>(List.of(AutoConfiguration.class, PlatformConfiguration.class));
        switch (mode) {
            case "all" -> {
                sources.add(CommandSideConfiguration.class);
                sources.add(QuerySideConfiguration.class);
                sources.add(ConsoleConfiguration.class); // the pages need both sides
            }
            case "command" -> sources.add(CommandSideConfiguration.class);
            case "query" -> sources.add(QuerySideConfiguration.class);
            default -> throw new IllegalArgumentException("SEIRE_MODE must be all, command or query, not " + mode);
        }
        return sources.toArray(Class<?>[]::new);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
