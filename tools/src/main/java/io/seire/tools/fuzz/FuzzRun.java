package io.seire.tools.fuzz;

import io.seire.ops.SeireApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ops/fuzz [--requests N] [--seed S]}: starts a fresh Seire with its own embedded PostgreSQL under
 * {@code var/fuzz}, fuzzes it, prints {@code N passed, N failed} and exits 0 only when nothing failed.
 */
public final class FuzzRun {

    private FuzzRun() {
    }

    public static void main(String[] args) throws Exception {
        int requests = 4_000;
        long seed = System.currentTimeMillis() % 1_000_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: ops/fuzz [--requests N] [--seed S]");
                    System.exit(2);
                }
            }
        }
        Path dir = Path.of("var", "fuzz").toAbsolutePath();
        Files.createDirectories(dir);
        deleteRecursively(dir.resolve("postgres"));
        String password = "fuzz-" + UUID.randomUUID();
        Fuzzer.Result result;
        long started = System.nanoTime();
        try (SeireApplication.Running seire = SeireApplication.start("all", dir, "--server.port=0",
                "--SEIRE_ADMIN_PASSWORD=" + password, "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            int port = ((WebServerApplicationContext) seire.context()).getWebServer().getPort();
            JdbcTemplate jdbc = new JdbcTemplate(seire.context().getBean(DataSource.class));
            result = new Fuzzer(new Fuzzer.Target("http://localhost:" + port, password, jdbc), seed, requests,
                    Duration.ofSeconds(20), System.out).run();
        }
        System.out.printf("seed %d, %d requests in %.0f s (repeat with: ops/fuzz --requests %d --seed %d)%n", seed,
                requests, (System.nanoTime() - started) / 1e9, requests, seed);
        System.out.println(result.summary());
        System.exit(result.failures().isEmpty() ? 0 : 1);
    }

    private static void deleteRecursively(Path path) throws java.io.IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
