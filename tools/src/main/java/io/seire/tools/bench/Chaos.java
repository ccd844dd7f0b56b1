package io.seire.tools.bench;

import io.seire.ops.Registration;
import com.fasterxml.jackson.databind.JsonNode;
import io.seire.query.read.ProjectionRebuild;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.ds.PGSimpleDataSource;
import io.seire.platform.eventstore.EventTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ops/chaos}: several clients record expenditures with Idempotency-Keys while Seire's JVM and, in other
 * cycles, its PostgreSQL server are killed ({@code kill -9}) at moments drawn from a seeded random schedule and
 * started again; clients retry whatever was not acknowledged, with the same key. At the end it checks that no
 * acknowledged write was lost, none was recorded twice, every view equals a fresh rebuild of the same events, and
 * every project's hash chain verifies.
 */
public final class Chaos {

    private static final String PASSWORD = "chaos-admin-password";

    private record Options(boolean quick, long seed, int cycles, int clients, long minGapMs, long maxGapMs) {
    }

    /** One expenditure a client wants recorded, with the key it keeps across retries. */
    private record Pending(String project, String id, String key, Map<String, Object> body) {
    }

    private final Options options;
    private final Path dir = Path.of("var", "chaos").toAbsolutePath();
    private final Random schedule;
    private final String jar = Jars.seire();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private volatile boolean writing = true;
    private Process databaseOwner;
    private String dbUrl;
    private Process seire;
    private int dbPort;
    private int httpPort;
    private int starts;

    private Chaos(Options options) {
        this.options = options;
        this.schedule = new Random(options.seed());
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        if (options == null) {
            System.out.println("""
                    ops/chaos [--quick] [--seed N] [--cycles N] [--clients N]
                      Kills Seire's JVM and its PostgreSQL (kill -9) at seeded random moments while clients record
                      expenditures, then checks: acknowledged writes lost = 0, duplicates = 0, every view equal to a
                      fresh rebuild, every hash chain verifying. --quick: 5 cycles (under 3 minutes);
                      default: 50 cycles (about 15 minutes on 2 cores). Data in var/chaos (wiped at the start).""");
            return;
        }
        boolean passed;
        Chaos chaos = new Chaos(options);
        try {
            passed = chaos.run();
        } finally {
            chaos.stopEverything();
        }
        System.exit(passed ? 0 : 1);
    }

    private static Options parse(String[] args) {
        boolean quick = false;
        long seed = 20261130L;
        Integer cycles = null;
        int clients = 4;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--cycles" -> cycles = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                default -> {
                    return null;
                }
            }
        }
        return quick ? new Options(true, seed, cycles == null ? 5 : cycles, clients, 1_000, 4_000)
                : new Options(false, seed, cycles == null ? 50 : cycles, clients, 1_000, 8_000);
    }

    private boolean run() throws Exception {
        wipe();
        dbPort = freePort();
        httpPort = freePort();
        System.out.printf("chaos: seed %d, %d cycles, %d clients, data in %s%n", options.seed(), options.cycles(),
                options.clients(), dir);
        startDatabase();
        startSeire();
        List<String> projects = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            String project = "Šveits.chaos-" + c;
            projects.add(project);
            setUp(project);
        }
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            String project = projects.get(c);
            int number = c;
            Thread t = new Thread(() -> write(number, project), "chaos-client-" + c);
            t.start();
            clients.add(t);
        }
        long started = System.nanoTime();
        int jvmKills = 0;
        int dbKills = 0;
        for (int cycle = 1; cycle <= options.cycles(); cycle++) {
            long gap = options.minGapMs() + (long) (schedule.nextDouble() * (options.maxGapMs() - options.minGapMs()));
            Thread.sleep(gap);
            boolean killJvm = cycle % 2 == 1; // the two kinds of crash take turns; the moments are drawn
            if (killJvm) {
                jvmKills++;
                seire.destroyForcibly().waitFor();
                startSeire();
            } else {
                dbKills++;
                killDatabase();
                startDatabase();
                awaitHealthy(Duration.ofMinutes(3));
            }
            System.out.printf("cycle %d/%d: killed the %s after %d ms; %d writes acknowledged, %d retries so far%n",
                    cycle, options.cycles(), killJvm ? "JVM" : "PostgreSQL server", gap, acknowledged.size(),
                    retries.get());
        }
        writing = false;
        for (Thread t : clients) {
            t.join(Duration.ofMinutes(3).toMillis());
        }
        System.out.printf("chaos phase: %d cycles (%d JVM kills, %d PostgreSQL kills) in %.0f s; %d writes "
                        + "acknowledged after %d attempts (%d retries)%n", options.cycles(), jvmKills, dbKills,
                (System.nanoTime() - started) / 1e9, acknowledged.size(), attempts.get(), retries.get());
        return check(projects);
    }

    // ------------------------------------------------------------------------------------------------ clients

    private void write(int number, String project) {
        Pending pending = null;
        int n = 0;
        long deadline = Long.MAX_VALUE;
        while (true) {
            if (pending == null) {
                if (!writing) {
                    return;
                }
                String id = "C" + number + "-" + n++;
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", id);
                body.put("budgetLine", "L");
                body.put("amount", "1.25");
                body.put("incurredOn", "2025-03-01");
                body.put("supplier", "Õunapuu OÜ");
                body.put("invoice", "A-" + id);
                body.put("description", "Kaos " + id + " – žürii");
                pending = new Pending(project, id, "chaos-" + id, body);
            }
            if (!writing && deadline == Long.MAX_VALUE) {
                deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            }
            if (System.nanoTime() > deadline) {
                refused.add(pending.id() + ": still not acknowledged two minutes after the last kill");
                return;
            }
            attempts.incrementAndGet();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort
                                + "/api/v1/projects/" + Http.seg(pending.project()) + "/expenditures"))
                        .header("Authorization", authorization).header("Content-Type", "application/json")
                        .header("Idempotency-Key", pending.key()).timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(pending.body()),
                                StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 || r.statusCode() == 201) {
                    acknowledged.put(pending.project() + "|" + pending.id(),
                            Http.JSON.readTree(r.body()).path("position").asLong());
                    pending = null;
                    continue;
                }
                if (r.statusCode() < 500 && r.statusCode() != 429) {
                    refused.add(pending.id() + ": " + r.statusCode() + " " + r.body());
                    pending = null;
                    continue;
                }
            } catch (IOException | RuntimeException unreachable) {
                // the node or its database is down: retry with the same key
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            retries.incrementAndGet();
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    private boolean check(List<String> projects) throws Exception {
        boolean passed = true;
        long head = acknowledged.values().stream().mapToLong(Long::longValue).max().orElse(0);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());

        long lost = 0;
        for (String project : projects) {
            java.util.Set<String> shown = listed(project, head);
            for (String key : acknowledged.keySet()) {
                if (key.startsWith(project + "|") && !shown.contains(key.substring(project.length() + 1))) {
                    lost++;
                    System.out.println("lost: " + key);
                }
            }
        }
        passed &= report(lost == 0, "acknowledged writes lost = " + lost + " (of " + acknowledged.size() + ")");

        EventTable events = new EventTable(jdbc);
        long duplicates = events.repeatedInStream("%ExpenditureRecorded", "expenditureId");
        long recorded = events.countOfType("%ExpenditureRecorded");
        passed &= report(duplicates == 0, "duplicates = " + duplicates + " (" + recorded + " expenditures recorded, "
                + acknowledged.size() + " acknowledged)");
        passed &= report(refused.isEmpty(), "writes refused = " + refused.size()
                + (refused.isEmpty() ? "" : ": " + refused.stream().limit(5).toList()));

        int valid = 0;
        for (String project : projects) {
            JsonNode verification = get("/api/v1/projects/" + Http.seg(project) + "/audit-trail/verification"
                    + "?minPosition=" + head);
            if (verification.path("valid").asBoolean()) {
                valid++;
            } else {
                System.out.println("chain of " + project + ": " + verification);
            }
        }
        passed &= report(valid == projects.size(), "hash chains verifying = " + valid + " of " + projects.size());

        // the views as the live processor left them, against a rebuild of the same events
        seire.destroy();
        seire.waitFor();
        Map<String, String> live = views(jdbc);
        ProcessBuilder rebuild = new ProcessBuilder("java", "-Xmx512m", "-Dloader.main=io.seire.ops.Rebuild", "-jar", jar)
                .redirectErrorStream(true).redirectOutput(dir.resolve("rebuild.log").toFile());
        rebuild.environment().put("SEIRE_DB_URL", dbUrl);
        rebuild.environment().put("SEIRE_DB_USER", "postgres");
        rebuild.environment().put("SEIRE_VAR_DIR", dir.toString());
        rebuild.environment().put("SEIRE_MASTER_KEY_FILE", masterKeyFile().toString());
        int rebuilt = rebuild.start().waitFor();
        Map<String, String> fresh = views(jdbc);
        List<String> differing = new ArrayList<>();
        for (String table : live.keySet()) {
            if (!live.get(table).equals(fresh.get(table))) {
                differing.add(table + " (live " + live.get(table) + ", rebuilt " + fresh.get(table) + ")");
            }
        }
        passed &= report(rebuilt == 0 && differing.isEmpty(), "views equal to a fresh rebuild: "
                + (rebuilt != 0 ? "rebuild failed, see " + dir.resolve("rebuild.log")
                : differing.isEmpty() ? live.size() + " of " + live.size() + " tables" : "differing " + differing));
        System.out.println(passed ? "CHAOS PASSED" : "CHAOS FAILED");
        System.out.println((passed ? 1 : 0) + " passed, " + (passed ? 0 : 1) + " failed");
        return passed;
    }

    private static boolean report(boolean good, String line) {
        System.out.println((good ? "PASS " : "FAIL ") + line);
        return good;
    }

    private java.util.Set<String> listed(String project, long head) throws Exception {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode list = get("/api/v1/projects/" + Http.seg(project) + "/expenditures?size=1000&page=" + page
                    + "&minPosition=" + head);
            list.path("items").forEach(item -> ids.add(item.path("id").asText()));
            if ((long) (page + 1) * 1000 >= list.path("total").asLong()) {
                return ids;
            }
        }
    }

    /** Per view table: its row count and a digest of its rows in a stable order. */
    private static Map<String, String> views(JdbcTemplate jdbc) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String table : ProjectionRebuild.VIEW_TABLES) {
            digests.put(table, jdbc.queryForObject("SELECT count(*) || ' rows, md5 ' || "
                    + "md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM " + table + " t", String.class));
        }
        return digests;
    }

    /** GET as admin, waiting out 503s (views behind, node restarting) for up to three minutes. */
    private JsonNode get(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                        .header("Authorization", authorization).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return Http.JSON.readTree(r.body());
                }
                if (r.statusCode() != 503 || System.nanoTime() > deadline) {
                    throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + " " + r.body());
                }
            } catch (IOException notUp) {
                if (System.nanoTime() > deadline) {
                    throw notUp;
                }
            }
            Thread.sleep(250);
        }
    }

    // ------------------------------------------------------------------------------------------------ processes

    private void setUp(String project) throws Exception {
        post("/api/v1/projects", Registration.of(project, "Kaose projekt"));
        post("/api/v1/projects/" + Http.seg(project) + "/sub-activities", Map.of("code", "1", "name", "Üks"));
        post("/api/v1/projects/" + Http.seg(project) + "/budget-lines", Map.of("code", "L", "subActivity", "1",
                "costCategory", "STAFF", "planned", "1000000.00"));
    }

    private void post(String path, Object body) {
        Http.Answer a = admin().post(path, body);
        if (a.status() != 201 && a.status() != 200) {
            throw new IllegalStateException("POST " + path + " answered " + a.status() + " " + a.body());
        }
    }

    /**
     * PostgreSQL runs as a service of its own: a small process that starts the embedded server and keeps it (as a
     * database host would), so that killing the server leaves nothing behind in this process.
     */
    private void startDatabase() throws Exception {
        for (int attempt = 1; ; attempt++) {
            ProcessBuilder builder = new ProcessBuilder("java", "-Xmx96m",
                    "-Dloader.main=" + DatabaseHost.class.getName(), "-jar", Jars.tools(),
                    dir.resolve("postgres").toString(), Integer.toString(dbPort))
                    .redirectErrorStream(true);
            databaseOwner = builder.start();
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                    databaseOwner.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder said = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(DatabaseHost.READY)) {
                    dbUrl = line.substring(DatabaseHost.READY.length());
                    Thread drain = new Thread(() -> drain(out), "chaos-db-output");
                    drain.setDaemon(true);
                    drain.start();
                    return;
                }
                said.append(line).append('\n');
            }
            databaseOwner.waitFor();
            // the killed server's processes and shared memory may still be going away
            if (attempt == 20) {
                throw new IllegalStateException("PostgreSQL did not start again:\n" + said);
            }
            System.out.println("PostgreSQL did not start yet (attempt " + attempt + "), trying again");
            Thread.sleep(1000);
        }
    }

    private static void drain(java.io.BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // PostgreSQL's own warnings are in its log under var/chaos
            }
        } catch (IOException gone) {
            // the host was killed
        }
    }

    /** kill -9 of the PostgreSQL server and every one of its processes, as a crash of its machine would. */
    private void killDatabase() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dir.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.add(databaseOwner.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private void startSeire() throws Exception {
        starts++;
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-jar", jar, "--server.port=" + httpPort,
                "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(dir.resolve("seire-" + starts + ".log").toFile());
        builder.environment().put("SEIRE_DB_URL", dbUrl);
        builder.environment().put("SEIRE_DB_USER", "postgres");
        builder.environment().put("SEIRE_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("SEIRE_VAR_DIR", dir.toString());
        builder.environment().put("SEIRE_MASTER_KEY_FILE", masterKeyFile().toString());
        seire = builder.start();
        awaitHealthy(Duration.ofMinutes(3));
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        admin().awaitHealthy(seire, timeout, "Seire (see " + dir.resolve("seire-" + starts + ".log") + ")");
    }

    private Http admin() {
        return new Http("http://localhost:" + httpPort, "admin", PASSWORD);
    }

    private void stopEverything() {
        writing = false;
        if (seire != null && seire.isAlive()) {
            seire.destroy();
            try {
                seire.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (databaseOwner != null && databaseOwner.isAlive()) {
            databaseOwner.destroy(); // its shutdown hook stops PostgreSQL cleanly
            try {
                databaseOwner.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(dbUrl);
        ds.setUser("postgres");
        return ds;
    }

    private void wipe() throws IOException {
        Files.createDirectories(dir);
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The master key every node of this run shares (ADR 0035), generated under the run's directory on first use. */
    private Path masterKeyFile() throws java.io.IOException {
        Path file = dir.resolve("master-key");
        io.seire.platform.personaldata.MasterKey.readOrGenerate(file);
        return file;
    }
}
