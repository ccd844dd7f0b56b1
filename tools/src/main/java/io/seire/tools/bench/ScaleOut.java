package io.seire.tools.bench;

import io.seire.ops.Registration;
import io.seire.platform.db.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import io.seire.platform.eventstore.EventTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ops/scale-out}: one command node and two query nodes on one PostgreSQL. Loads data, kills one query node
 * mid-way, and shows the other takes over its segments: every projection complete, no row counted twice.
 */
public final class ScaleOut {

    static final String PASSWORD = "scale-out-" + UUID.randomUUID();
    static final int PROJECTS = 10;
    static final int EXPENDITURES = 600;

    private final List<Process> nodes = new ArrayList<>();
    private final Path dir = Path.of("var", "scale-out").toAbsolutePath();
    private String jar;
    private String dbUrl;

    public static void main(String[] args) throws Exception {
        boolean ok = new ScaleOut().run();
        System.exit(ok ? 0 : 1);
    }

    private boolean run() throws Exception {
        jar = Jars.seire();
        Files.createDirectories(dir);
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir.resolve("postgres"), 0, Map.of())) {
            dbUrl = database.jdbcUrl();
            System.out.println("PostgreSQL: " + dbUrl);
            Http command = start("command", 18181, Map.of());
            Http queryB = start("query", 18183, Map.of("SEIRE_MAX_SEGMENTS_CLAIMED", "2"));
            Thread.sleep(3000);
            Http queryA = start("query", 18182, Map.of());
            Thread.sleep(3000);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource());
            System.out.println("segments by owner before: " + owners(jdbc));

            List<String> projects = new ArrayList<>();
            for (int i = 0; i < PROJECTS; i++) {
                String id = "Šveits.scale-" + i;
                projects.add(id);
                ok(command.post("/api/v1/projects", Registration.of(id, "Skaleerimine")));
                ok(command.post("/api/v1/projects/" + Http.seg(id) + "/sub-activities", Map.of("code", "1", "name", "Üks")));
                ok(command.post("/api/v1/projects/" + Http.seg(id) + "/budget-lines", Map.of("code", "L", "subActivity", "1",
                        "costCategory", "STAFF", "planned", "1000000.00")));
            }
            long last = 0;
            for (int i = 0; i < EXPENDITURES; i++) {
                if (i == EXPENDITURES / 2) {
                    System.out.println("killing query node B (port 18183) mid-way, after " + i + " expenditures");
                    nodes.get(1).destroyForcibly().waitFor();
                }
                String p = projects.get(i % PROJECTS);
                Http.Answer a = command.post("/api/v1/projects/" + Http.seg(p) + "/expenditures", Map.of("id", "E" + i,
                        "budgetLine", "L", "amount", "1.25", "incurredOn", "2025-03-01"));
                ok(a);
                last = Math.max(last, a.position());
            }
            System.out.println("waiting for query node A to take over B's segments and catch up to position " + last);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (queryA.get("/api/v1/projects?minPosition=" + last).status() != 200) {
                if (System.nanoTime() > deadline) {
                    System.out.println("FAIL: query node A did not catch up");
                    return false;
                }
            }
            System.out.println("segments by owner after: " + owners(jdbc));
            boolean passed = true;
            for (String p : projects) {
                Http.Answer list = queryA.get("/api/v1/projects/" + Http.seg(p) + "/expenditures?size=1000");
                Http.Answer budget = queryA.get("/api/v1/projects/" + Http.seg(p) + "/budget-execution?period=2025");
                int count = list.json().path("total").asInt();
                String spent = budget.json().path("totals").path("spentCumulative").asText();
                String expected = java.math.BigDecimal.valueOf(125L * (EXPENDITURES / PROJECTS), 2).toPlainString();
                boolean good = count == EXPENDITURES / PROJECTS && spent.equals(expected);
                passed &= good;
                System.out.printf("%s %s: %d expenditures, %s spent (expected %d and %s)%n", good ? "PASS" : "FAIL", p,
                        count, spent, EXPENDITURES / PROJECTS, expected);
            }
            long events = new EventTable(jdbc).countOfAggregateType("Project");
            long audit = jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class);
            long links = jdbc.queryForObject("SELECT count(*) FROM event_chain", Long.class);
            long versions = jdbc.queryForObject("SELECT count(*) FROM expenditure_version", Long.class);
            long distinct = jdbc.queryForObject("SELECT count(DISTINCT (project_id, expenditure_id)) FROM expenditure_version", Long.class);
            boolean once = audit == events && links == events && versions == EXPENDITURES && distinct == EXPENDITURES;
            passed &= once;
            System.out.printf("%s every event counted once: %d project events, %d audit entries, %d chain links, "
                    + "%d expenditure rows for %d expenditures%n", once ? "PASS" : "FAIL", events, audit, links, versions, distinct);
            for (String p : projects.subList(0, 2)) {
                boolean valid = queryA.get("/api/v1/projects/" + Http.seg(p) + "/audit-trail/verification").json()
                        .path("valid").asBoolean();
                passed &= valid;
                System.out.println((valid ? "PASS" : "FAIL") + " hash chain of " + p + " verifies");
            }
            System.out.println(passed ? "SCALE-OUT PASSED" : "SCALE-OUT FAILED");
            return passed;
        } finally {
            for (Process p : nodes) {
                p.destroy();
                p.waitFor();
            }
        }
    }

    private static Map<String, String> owners(JdbcTemplate jdbc) {
        Map<String, String> owners = new LinkedHashMap<>();
        for (EventTable.Claim claim : new EventTable(jdbc).claims("project-views")) {
            owners.put("segment " + claim.segment(), String.valueOf(claim.owner()));
        }
        return owners;
    }

    private Http start(String mode, int port, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-jar", jar, "--server.port=" + port,
                "--logging.level.root=WARN", "--axon.eventhandling.tokenstore.claim-timeout=5s",
                "--seire.projections.max-claimed-segments=" + env.getOrDefault("SEIRE_MAX_SEGMENTS_CLAIMED", "32767"))
                .redirectErrorStream(true).redirectOutput(dir.resolve(mode + "-" + port + ".log").toFile());
        builder.environment().put("SEIRE_MODE", mode);
        builder.environment().put("SEIRE_DB_URL", dbUrl);
        builder.environment().put("SEIRE_DB_USER", "postgres");
        builder.environment().put("SEIRE_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("SEIRE_VAR_DIR", dir.toString());
        builder.environment().put("SEIRE_MASTER_KEY_FILE", masterKeyFile().toString());
        nodes.add(builder.start());
        Http http = new Http("http://localhost:" + port, "admin", PASSWORD)
                .awaitHealthy(nodes.get(nodes.size() - 1), Duration.ofMinutes(2), mode + " node on port " + port
                        + " (see " + dir.resolve(mode + "-" + port + ".log") + ")");
        System.out.println(mode + " node up on port " + port);
        return http;
    }

    private DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(dbUrl);
        ds.setUser("postgres");
        return ds;
    }

    private static void ok(Http.Answer a) {
        if (a.status() != 200 && a.status() != 201) {
            throw new IllegalStateException(a.status() + " " + a.body());
        }
    }

    /** The master key every node of this run shares (ADR 0035), generated under the run's directory on first use. */
    private Path masterKeyFile() throws java.io.IOException {
        Path file = dir.resolve("master-key");
        io.seire.platform.personaldata.MasterKey.readOrGenerate(file);
        return file;
    }
}
