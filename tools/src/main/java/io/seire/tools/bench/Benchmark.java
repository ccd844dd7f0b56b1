package io.seire.tools.bench;

import io.seire.ops.Registration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.seire.ops.SeireApplication;
import io.seire.query.read.ProjectionProgress;
import io.seire.query.read.ProjectionRebuild;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.web.context.WebServerApplicationContext;
import io.seire.platform.eventstore.EventTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ops/bench [--quick]}: measures Seire against raw PostgreSQL on the same server in the same run, and prints
 * one line per figure ({@code name value unit ratio-to-baseline}); the same goes to {@code var/bench/latest.json}.
 */
public final class Benchmark {

    /** How much work each figure does; {@code --quick} finishes in about a minute. */
    record Scale(String name, int singleRows, int batchRows, int httpWrites, int probeWrites, int bigHistory,
                 int datasetProjects, int datasetSmallEvents, int datasetBigEvents, int reads, int writeProjects,
                 int warmUp, int importRuns, int exportExpenditures) {
        static final Scale QUICK = new Scale("quick", 500, 20_000, 400, 60, 2_000, 10, 50, 10_000, 300, 10, 300, 1, 10_000);
        static final Scale FULL = new Scale("full", 3_000, 200_000, 4_000, 300, 10_000, 100, 1_000, 1_000_000, 2_000, 100, 4_000, 7,
                100_000);

        /**
         * {@code --scale N}: the history, then figures 5, 7 and 4. The largest project's count carries the 30 events
         * {@code dataset()} leaves for its set-up, so that exactly N events are appended.
         */
        static Scale of(ScaleHistory history) {
            return new Scale(String.format(Locale.ROOT, "scale %,d events", history.events()), 0, 0, 0, 0, 0,
                    history.projects(), history.smallEvents(), history.bigEvents() + 30, 400, 10, 0, 0, 0);
        }
    }

    /** The heap the exporting node of figures 6 and 7 runs with. */
    static final int EXPORT_NODE_HEAP_MB = 256;

    /** One measured figure and, where it has one, its ratio to the raw baseline. */
    record Figure(String name, double value, String unit, Double ratio, String baseline) {
        String line() {
            return String.format(java.util.Locale.ROOT, "%-40s %14.2f %-10s %s", name, value, unit,
                    ratio == null ? "-" : String.format(java.util.Locale.ROOT, "%.3f", ratio));
        }
    }

    static final String ADMIN_PASSWORD = "benchmark-" + UUID.randomUUID();

    private final Scale scale;
    /** The figures to run alone ({@code --only rollups|report-pdf|exports|rebuild|import|writes}), or null for all. */
    private final String only;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Double> raw = new LinkedHashMap<>();
    private Http http;
    private JdbcTemplate jdbc;
    private String dbUrl;

    private Benchmark(Scale scale, String only) {
        this.scale = scale;
        this.only = only;
    }

    /** What {@code ops/bench --help} prints. */
    static final String USAGE = """
            ops/bench [--quick] [--only rollups|report-pdf|exports|rebuild|import|writes] [--big-history=N] [--scale N]
              (no option)  every figure on the full history (100 projects, one with 1,000,000 events); about 15 minutes
              --quick      every figure on a short history; about a minute
              --only rollups      figures 5 and 7 on the full history
              --only report-pdf   figure 8 (the seed-sized report as PDF)
              --only exports      figure 9 (expenditure exports from a node with a 256 MB heap)
              --only rebuild      figure 4 (rebuild of every projection) with its raw ordered scan
              --only import       figure 3 (CSV import of 10,000 rows) with the raw writes it is compared to
              --only writes       figure 1 (expenditures over HTTP, 1 and 4 clients) with its raw commits and HTTP floor
              --big-history=N     the largest project's events (with --quick or --only rebuild)
              --scale N    the capacity check of docs/CAPACITY.md: a history of N events (10000 to 100000000; 1e6 and
                           10^7 are read too) over many projects (about 1,000 events each, at most 2,000 projects) and
                           one with a tenth of them, appended directly; then the append and projection rates, the CPU
                           each event costs the JVM and PostgreSQL, the database's size per event, figures 5 and 7 at
                           that history, figure 4 (rebuild) with its raw scan, and the model's sums from these. On
                           the project's 2-core CI machine --scale 100000 took 2.5 minutes and --scale 300000 4
                           (measured); --scale 1000000 takes about 9 minutes and --scale 10000000, the check
                           docs/CAPACITY.md asks for, well over half an hour: about 65-70 minutes (estimated) and
                           about 35 GB of disk under var/bench. Nothing else should run on the machine meanwhile.
            Prints "name value unit ratio-to-baseline" per figure and writes var/bench/latest.json.
            """;

    /**
     * {@code [--quick] [--only rollups|report-pdf|exports|rebuild|import|writes] [--scale N]}: the short run; only the figures named
     * (5 and 7, 8, 9, 4); the capacity check on a history of N events ({@link #USAGE}).
     */
    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        if (options.contains("--help") || options.contains("-h")) {
            System.out.print(USAGE);
            System.exit(0);
        }
        Scale scale = options.contains("--quick") ? Scale.QUICK : Scale.FULL;
        long scaleEvents;
        try {
            scaleEvents = ScaleHistory.parse(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (scaleEvents > 0) {
            if (options.contains("--quick") || options.stream().anyMatch(o -> o.startsWith("--only")
                    || o.startsWith("--big-history"))) {
                System.err.println("--scale runs alone: not with --quick, --only or --big-history");
                System.exit(2);
            }
            new Benchmark(Scale.of(ScaleHistory.of(scaleEvents)), "scale").run();
            System.exit(0);
        }
        for (String option : args) {
            if (option.startsWith("--big-history=")) { // the largest project's events, e.g. to profile one figure
                Scale s = scale;
                scale = new Scale(s.name() + ", big history " + option.substring(option.indexOf('=') + 1),
                        s.singleRows(), s.batchRows(), s.httpWrites(), s.probeWrites(), s.bigHistory(),
                        s.datasetProjects(), s.datasetSmallEvents(),
                        Integer.parseInt(option.substring(option.indexOf('=') + 1)), s.reads(), s.writeProjects(),
                        s.warmUp(), s.importRuns(), s.exportExpenditures());
            }
        }
        String only = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--only")) {
                String value = args[i].contains("=") ? args[i].substring(args[i].indexOf('=') + 1)
                        : i + 1 < args.length ? args[i + 1] : "";
                if (!List.of("rollups", "report-pdf", "exports", "rebuild", "import", "writes").contains(value)) {
                    System.err.println("--only takes one of: rollups (figures 5 and 7 on the history), "
                            + "report-pdf (figure 8), exports (figure 9), rebuild (figure 4 on the history, with its "
                            + "raw ordered scan), import (figure 3 with its raw writes), writes (figure 1 with its raw commits)");
                    System.exit(2);
                }
                only = value;
            }
        }
        new Benchmark(scale, only).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = Path.of("var", "bench").toAbsolutePath();
        Files.createDirectories(dir);
        long started = System.nanoTime();
        deleteRecursively(dir.resolve("postgres"));
        SeireApplication.Running seire = null;
        try {
            seire = SeireApplication.start("all", dir, "--server.port=0", "--SEIRE_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                    "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--spring.datasource.hikari.maximum-pool-size=30",
                    "--seire.personal-data.generated-master-key-file=" + dir.resolve("master-key"));
            String external = System.getenv("SEIRE_DB_URL");
            dbUrl = external == null || external.isBlank() ? seire.database().jdbcUrl() : external;
            machineCpu = new CpuTime(external == null || external.isBlank() ? dir.resolve("postgres") : null);
            int port = ((WebServerApplicationContext) seire.context()).getWebServer().getPort();
            http = new Http("http://localhost:" + port, "admin", ADMIN_PASSWORD);
            DataSource dataSource = seire.context().getBean(DataSource.class);
            jdbc = new JdbcTemplate(dataSource);
            postgresVersion = jdbc.queryForObject("SHOW server_version", String.class);
            System.out.println("Seire benchmark (" + scale.name()
                    + (only == null || "scale".equals(only) ? "" : ", figure " + only + " only")
                    + "), " + machine() + ", PostgreSQL " + postgresVersion);
            System.out.println("name                                              value unit       ratio");

            if ("rollups".equals(only)) {
                for (int i = 0; i < scale.writeProjects(); i++) {
                    // figure 5 times its reads beside a client writing to these
                    writeProjects.add(project("Šveits.bench.w-" + i, 10_000_000));
                }
                dataset(seire);
                reads();
                programmeReads();
            } else if ("report-pdf".equals(only)) {
                reportPdf();
            } else if ("writes".equals(only)) {
                rawWrites(new RawBaseline(dataSource));
                writes();
            } else if ("import".equals(only)) {
                rawWrites(new RawBaseline(dataSource));
                csvImport(seire);
            } else if ("rebuild".equals(only)) {
                // alone, the rebuild also reports the CPU each event cost the JVM and PostgreSQL: on a shared
                // machine a steadier measure of a change than its rate
                cpu = machineCpu;
                dataset(seire);
                rebuild(seire, new RawBaseline(dataSource));
            } else if ("scale".equals(only)) {
                cpu = machineCpu;
                for (int i = 0; i < scale.writeProjects(); i++) {
                    // figures 5 and 7 time their reads beside a client writing to these
                    writeProjects.add(project("Šveits.bench.w-" + i, 10_000_000));
                }
                RawBaseline baseline = new RawBaseline(dataSource);
                dataset(seire);
                reads();
                programmeReads();
                databaseSize();
                rebuild(seire, baseline);
                model();
            } else if ("exports".equals(only)) {
                RawBaseline baseline = new RawBaseline(dataSource);
                exportDataset(seire, baseline);
                exports(dir);
            } else {
                RawBaseline baseline = new RawBaseline(dataSource);
                rawWrites(baseline);
                writes();
                historyIndependence();
                csvImport(seire);
                dataset(seire);
                reads();
                programmeReads();
                exportDataset(seire, baseline);
                exports(dir);
                reportPdf();
                rebuild(seire, baseline);
            }
        } finally {
            if (seire != null) {
                seire.close();
            }
        }
        write(dir.resolve("latest.json"), RawBaseline.seconds(started));
    }

    // ------------------------------------------------------------------ 8: the seed report as PDF

    private void reportPdf() {
        ReportBench.Result r = new ReportBench(http).run("Šveits.bench.report-" + projectCounter.incrementAndGet(),
                scale == Scale.QUICK ? 20 : 100);
        report(new Figure("8.report_pdf.first_render", r.firstMs(), "ms", null,
                "GET reports/{id} as PDF, the first time (" + r.pages() + " pages, " + r.bytes() + " bytes)"));
        report(new Figure("8.report_pdf.median", r.medianMs(), "ms", null, "target: under 1000 ms"));
        report(new Figure("8.report_pdf.p95", r.p95Ms(), "ms", null, null));
    }

    // ------------------------------------------------------------------ raw PostgreSQL

    private void rawWrites(RawBaseline baseline) throws Exception {
        raw.put("single1", baseline.singleRowCommits(1, scale.singleRows()));
        CpuTime.Sample beforeSingle4 = machineCpu.now();
        raw.put("single4", baseline.singleRowCommits(4, scale.singleRows()));
        CpuTime.Sample single4 = machineCpu.now().minus(beforeSingle4);
        rawCommitCpu = new CpuTime.Sample(baseline.committingThreadsCpu(), single4.postgres()).per(4L * scale.singleRows());
        raw.put("batch100", baseline.batchesOf100(scale.batchRows()));
        report(new Figure("raw.single_row_commits.1_connection", raw.get("single1"), "rows/s", null, null));
        report(new Figure("raw.single_row_commits.4_connections", raw.get("single4"), "rows/s", null, null));
        report(new Figure("raw.batches_of_100", raw.get("batch100"), "rows/s", null, null));
        report(new Figure("raw.cpu.single_row_commit.jvm", rawCommitCpu.jvm() * 1e6, "us/commit", null,
                "4 connections: the committing threads' CPU (the JDBC driver)"));
        if (rawCommitCpu.postgres() >= 0) {
            report(new Figure("raw.cpu.single_row_commit.postgres", rawCommitCpu.postgres() * 1e6, "us/commit", null,
                    "4 connections: PostgreSQL's CPU"));
        }
        // what autovacuum would do next to the rows just written, done now: it ran beside figure 3's imports, which
        // follow at once with --only import (VACUUM ANALYZE of this table for about 3 s, docs/PERFORMANCE.md)
        long vacuum = System.nanoTime();
        jdbc.execute("VACUUM (ANALYZE) bench_raw_event");
        report(new Figure("raw.vacuum_analyze", RawBaseline.seconds(vacuum), "s", null, "after the raw writes"));
    }

    // ------------------------------------------------------------------ 1: expenditures over HTTP

    private void writes() throws Exception {
        List<String> projects = writeProjects;
        for (int i = 0; i < scale.writeProjects(); i++) {
            projects.add(project("Šveits.bench.w-" + i, 10_000_000));
        }
        // a running service is warm: let the JIT compile the write and read paths before measuring
        for (int i = 0; i < scale.warmUp(); i++) {
            String p = projects.get(i % projects.size());
            expect(http.post("/api/v1/projects/" + Http.seg(p) + "/expenditures", expenditure()), 201);
            expect(http.get("/api/v1/projects/" + Http.seg(p) + "/budget-execution?period=2025"), 200);
            expect(http.get("/api/v1/projects/" + Http.seg(p) + "/results-framework?period=2025"), 200);
        }
        double warmUp = untilCompiled(projects);
        double one = writeRate(projects, 1);
        CpuTime.Sample beforeFour = machineCpu.now();
        double four = writeRate(projects, 4);
        CpuTime.Sample perWrite = machineCpu.now().minus(beforeFour).per(scale.httpWrites());
        CpuTime.Sample beforeFloor = machineCpu.now();
        double floor = httpFloor(4);
        CpuTime.Sample perRequest = machineCpu.now().minus(beforeFloor).per(4L * scale.httpWrites());
        report(new Figure("1.expenditures_http.1_client", one, "writes/s", one / raw.get("single1"), "raw.single_row_commits.1_connection"));
        report(new Figure("1.expenditures_http.4_clients", four, "writes/s", four / raw.get("single4"), "raw.single_row_commits.4_connections"));
        report(new Figure("1.http_floor.4_clients", floor, "requests/s", null,
                "GET /actuator/health/liveness: what HTTP alone allows here"));
        report(new Figure("1.warm_up", warmUp, "s", null, "4 clients writing and asking the floor until the JIT "
                + "compiler rests (under 5 % of the time compiling)"));
        // what each costs the machine, steadier than the rates on a shared machine (the JVM's share includes the
        // benchmark's own clients and the JIT compiler)
        report(new Figure("1.cpu.write.jvm", perWrite.jvm() * 1e6, "us/write", null, "4 clients: the JVM's CPU"));
        report(new Figure("1.cpu.floor_request.jvm", perRequest.jvm() * 1e6, "us/request", null, "4 clients: the JVM's CPU"));
        if (perWrite.postgres() >= 0) {
            report(new Figure("1.cpu.write.postgres", perWrite.postgres() * 1e6, "us/write", null,
                    "4 clients: PostgreSQL's CPU"));
            report(new Figure("1.cpu.floor_request.postgres", perRequest.postgres() * 1e6, "us/request", null,
                    "4 clients: PostgreSQL's CPU"));
            // a write is at least an empty request and a durable commit: what it costs the machine bounds the ratio
            // of figure 1 any write path could reach here (docs/PERFORMANCE.md)
            double request = perRequest.jvm() + perRequest.postgres();
            double commit = rawCommitCpu.jvm() + rawCommitCpu.postgres();
            report(new Figure("1.bound.request_and_commit", request / (request + commit), "ratio", null,
                    "CPU of an empty request / (that + one raw single-row commit)"));
        }
    }

    /**
     * A running service is warm: on two cores the JIT compiler is still compiling the write path several thousand
     * writes into the warm-up, and has not compiled the floor's at all (docs/PERFORMANCE.md, 2026-12-02). Both are
     * asked, from 4 clients as measured, in rounds until the compiler spends under 5 % of a round compiling (rounds
     * begin for at most five minutes; ten seconds with {@code --quick}). Answers the seconds it took.
     */
    private double untilCompiled(List<String> projects) throws Exception {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        double limit = scale == Scale.QUICK ? 10 : 300;
        while (RawBaseline.seconds(start) < limit) {
            long compiling = jit.getTotalCompilationTime();
            long round = System.nanoTime();
            writeRate(projects, 4);
            httpFloor(4);
            if (jit.getTotalCompilationTime() - compiling < 0.05 * (System.nanoTime() - round) / 1e6) {
                break;
            }
        }
        return RawBaseline.seconds(start);
    }

    /** CPU per raw single-row commit from 4 connections, beside which figure 1's bound is computed. */
    private CpuTime.Sample rawCommitCpu;

    /** The JVM's and PostgreSQL's CPU (PostgreSQL's when it is the embedded one), read around figure 1's phases. */
    private CpuTime machineCpu;

    private double writeRate(List<String> projects, int clients) throws Exception {
        return rate(clients, scale.httpWrites() / clients, () -> {
            String p = projects.get(ThreadLocalRandom.current().nextInt(projects.size()));
            expect(http.post("/api/v1/projects/" + Http.seg(p) + "/expenditures", expenditure()), 201);
        });
    }

    /** Requests per second when {@code clients} threads each do {@code each} requests. */
    private static double rate(int clients, int each, Runnable request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        request.run();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return (double) each * clients / RawBaseline.seconds(start);
        } finally {
            pool.shutdown();
        }
    }

    private double httpFloor(int clients) throws Exception {
        return rate(clients, scale.httpWrites(), () -> expect(http.get("/actuator/health/liveness"), 200));
    }

    // ------------------------------------------------------------------ 2: 10 vs 10,000 expenditures

    private void historyIndependence() {
        String small = project("Šveits.bench.small", 10_000_000);
        String big = project("Šveits.bench.big", 10_000_000);
        for (int i = 0; i < 10; i++) {
            expect(http.post("/api/v1/projects/" + Http.seg(small) + "/expenditures", expenditure()), 201);
        }
        expect(http.postCsv("/api/v1/projects/" + Http.seg(big) + "/expenditures/import", csv(scale.bigHistory(), "H")), 201);
        long[] smallNanos = new long[scale.probeWrites()];
        long[] bigNanos = new long[scale.probeWrites()];
        for (int i = 0; i < scale.probeWrites(); i++) {
            smallNanos[i] = timed(() -> expect(http.post("/api/v1/projects/" + Http.seg(small) + "/expenditures", expenditure()), 201));
            bigNanos[i] = timed(() -> expect(http.post("/api/v1/projects/" + Http.seg(big) + "/expenditures", expenditure()), 201));
        }
        double smallMs = median(smallNanos) / 1e6;
        double bigMs = median(bigNanos) / 1e6;
        report(new Figure("2.record_cost.10_expenditures", smallMs, "ms", null, null));
        report(new Figure("2.record_cost." + scale.bigHistory() + "_expenditures", bigMs, "ms", bigMs / smallMs,
                "2.record_cost.10_expenditures"));
    }

    // ------------------------------------------------------------------ 3: CSV import of 10,000 rows

    private void csvImport(SeireApplication.Running seire) throws InterruptedException {
        ProjectionProgress progress = seire.context().getBean(ProjectionProgress.class);
        // a full run and --only import time as many imports (7), so that their medians are of the same warmed-up
        // server (with 3 the median was the second import the server ever saw); --quick times one, unless alone
        int runs = "import".equals(only) ? Math.max(7, scale.importRuns()) : scale.importRuns();
        List<String> eachReadable = new ArrayList<>();
        double[] rates = new double[runs];
        double[] readable = new double[runs];
        double[] behind = new double[runs];
        for (int run = 0; run < rates.length; run++) {
            String p = project("Šveits.bench.csv-" + run, 100_000_000);
            // each import is timed on a server at rest, not beside the projection of the import before it
            awaitProjected(progress);
            byte[] file = csv(10_000, "C" + run);
            long start = System.nanoTime();
            Http.Answer imported = http.postCsv("/api/v1/projects/" + Http.seg(p) + "/expenditures/import?file=bench.csv", file);
            expect(imported, 201);
            rates[run] = 10_000 / RawBaseline.seconds(start);
            long answered = System.nanoTime();
            // and until a client reading after its write sees the rows: the projections' share of the work
            while (http.get("/api/v1/projects/" + Http.seg(p) + "/expenditures?size=1&minPosition="
                    + imported.position()).status() != 200) {
                Thread.onSpinWait();
            }
            readable[run] = 10_000 / RawBaseline.seconds(start);
            behind[run] = (System.nanoTime() - answered) / 1e6;
            eachReadable.add(String.format(Locale.ROOT, "%.0f", 10_000 / readable[run] * 1000));
        }
        Arrays.sort(behind);
        Arrays.sort(rates);
        Arrays.sort(readable);
        double rate = rates[rates.length / 2];
        double readableRate = readable[readable.length / 2];
        report(new Figure("3.csv_import_10000_rows", rate, "rows/s", rate / raw.get("batch100"), "raw.batches_of_100"));
        report(new Figure("3.csv_import_until_readable", readableRate, "rows/s", readableRate / raw.get("batch100"),
                "raw.batches_of_100; until a read with minPosition sees the import; each import in turn, ms: "
                        + String.join(", ", eachReadable)));
        report(new Figure("3.csv_import_answer_to_readable", behind[behind.length / 2], "ms", null,
                "median of " + runs + " imports: the projections' share"));
    }

    // ------------------------------------------------------------------ the history for 4, 5 and 6

    private final List<String> dataset = new ArrayList<>();
    /** The projects figure 1 writes to; figure 5 writes to them too, beside its reads. */
    private final List<String> writeProjects = new ArrayList<>();
    private String bigProject;

    private void dataset(SeireApplication.Running seire) throws Exception {
        Dataset data = new Dataset(seire.context().getBean(EventStore.class),
                seire.context().getBean(TransactionTemplate.class), jdbc);
        registerProgramme();
        bigProject = project("Šveits.bench.history-0", 100_000_000, PROGRAMME, "C1");
        dataset.add(bigProject);
        long settingUp = System.nanoTime();
        dataset.addAll(projectsInParallel(scale.datasetProjects() - 1,
                i -> project("Šveits.bench.history-" + (i + 1), 100_000_000, PROGRAMME, "C" + (1 + (i + 1) % 3))));
        double setUpSeconds = RawBaseline.seconds(settingUp);
        ProjectionProgress progress = seire.context().getBean(ProjectionProgress.class);
        awaitProjected(progress);
        CpuTime.Sample cpuBefore = cpu == null ? null : cpu.now();
        long start = System.nanoTime();
        data.append(bigProject, scale.datasetBigEvents() - 30);
        for (String p : dataset.subList(1, dataset.size())) {
            data.append(p, scale.datasetSmallEvents());
        }
        long appended = scale.datasetBigEvents() - 30L + (long) scale.datasetSmallEvents() * (dataset.size() - 1);
        double appendSeconds = RawBaseline.seconds(start);
        double appendRate = appended / appendSeconds;
        long head = new EventTable(jdbc).head();
        long lag = head - Math.max(0, progress.slowestToken());
        long projecting = System.nanoTime();
        awaitProjected(progress);
        double catchUp = RawBaseline.seconds(projecting);
        report(new Figure("history.events_appended", appendRate, "events/s", null, "direct appends, batches of 5000"));
        report(new Figure("history.live_projection", appended / RawBaseline.seconds(projecting), "events/s", null,
                "catch-up while loading"));
        long total = new EventTable(jdbc).count();
        report(new Figure("history.events_in_store", total, "events", null, null));
        if (cpu != null) {
            appendedPerSecond = appendRate;
            projectedPerSecond = appended / (appendSeconds + catchUp);
            if ("scale".equals(only)) {
                report(new Figure("scale.projects", dataset.size(), "projects", null, String.format(Locale.ROOT,
                        "one with %,d events, %d with %,d; set up over HTTP in %.0f s", scale.datasetBigEvents(),
                        dataset.size() - 1, scale.datasetSmallEvents(), setUpSeconds)));
                report(new Figure("scale.projection_lag_at_end_of_load", lag, "events", null,
                        "events appended but not yet projected when the last append committed"));
                report(new Figure("scale.projection_catch_up", catchUp, "s", null, "from the last append to every view"));
                report(new Figure("scale.live_projection_throughput", projectedPerSecond, "events/s", null,
                        "events / (append time + catch-up): the live projection, busy from the first append"));
            }
            cpuFigures(("scale".equals(only) ? "scale" : "history") + ".cpu.load", cpuBefore, appended,
                    "appending and projecting (live) each event");
        }
    }

    /** Sets up {@code count} projects through the API from four clients; returns their ids in the order given. */
    private List<String> projectsInParallel(int count, java.util.function.IntFunction<String> setUp) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                ids.add(pool.submit(() -> setUp.apply(n)));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> id : ids) {
                result.add(id.get());
            }
            return result;
        } finally {
            pool.shutdown();
        }
    }

    // ------------------------------------------------------------------ --scale: what one event costs, the model

    /** The JVM's and PostgreSQL's CPU, when {@code --scale} measures them (else null). */
    private CpuTime cpu;
    private double appendedPerSecond;
    private double projectedPerSecond;
    private double bytesPerEvent;
    private double rebuildPerSecond;
    private CpuTime.Sample rebuildCost;

    /** Reports the CPU the JVM and PostgreSQL spent per event since {@code before}, in microseconds. */
    private void cpuFigures(String name, CpuTime.Sample before, long events, String what) {
        CpuTime.Sample perEvent = cpu.now().minus(before).per(events);
        if (name.endsWith("rebuild")) {
            rebuildCost = perEvent;
        }
        report(new Figure(name + ".jvm", perEvent.jvm() * 1e6, "us/event", null, what + ": the JVM's CPU"));
        if (perEvent.postgres() >= 0) {
            report(new Figure(name + ".postgres", perEvent.postgres() * 1e6, "us/event", null,
                    what + ": PostgreSQL's CPU (postmaster and its backends)"));
        }
    }

    /** The database's size per event after the load (and its vacuum): the event table, and everything else. */
    private void databaseSize() {
        long events = new EventTable(jdbc).count();
        List<Map<String, Object>> tables = jdbc.queryForList("SELECT c.relname AS name, pg_total_relation_size(c.oid) "
                + "AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm') "
                + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
                + "AND c.relname <> 'bench_raw_event' ORDER BY 2 DESC");
        long store = 0;
        long rest = 0;
        for (Map<String, Object> t : tables) {
            long bytes = ((Number) t.get("bytes")).longValue();
            if (EventTable.TABLE.equals(t.get("name"))) {
                store += bytes;
            } else {
                rest += bytes;
            }
            if (bytes >= 1_000_000) {
                System.out.printf(Locale.ROOT, "  table %-34s %,12d bytes %8.1f bytes/event%n", t.get("name"), bytes,
                        (double) bytes / events);
            }
        }
        bytesPerEvent = (double) (store + rest) / events;
        report(new Figure("scale.db_size.event_store", (double) store / events, "bytes/event", null,
                EventTable.TABLE + " with its indexes and TOAST"));
        report(new Figure("scale.db_size.views_and_rest", (double) rest / events, "bytes/event", null,
                "every other table with its indexes (views, chain, snapshots, tokens, keys)"));
        report(new Figure("scale.db_size.total", (store + rest) / 1e9, "GB", null,
                String.format(Locale.ROOT, "%,d events, after VACUUM (ANALYZE)", events)));
    }

    /** The model's figures from this run's own measures (docs/CAPACITY.md shows the same sums). */
    private void model() {
        double esf = CapacityModel.ESF_PLUS_EVENTS_PER_YEAR;
        report(new Figure("model.append_headroom.esf_plus", CapacityModel.headroom(appendedPerSecond, esf), "x", null,
                "direct appends of this run / the average rate of 10^8 events a year"));
        report(new Figure("model.rebuild_hours.1e8_events", CapacityModel.hours(esf, rebuildPerSecond), "h", null,
                "at this run's rebuild rate, on this machine"));
        report(new Figure("model.disk.1e8_events", CapacityModel.gigabytes(esf, bytesPerEvent), "GB", null,
                "at this run's size per event, before WAL and backups"));
        if (rebuildCost != null && rebuildCost.postgres() > 0) {
            // the share of this machine's cores the rebuild kept busy, assumed to hold on more cores
            double efficiency = CapacityModel.efficiency(rebuildPerSecond, rebuildCost.jvm(), rebuildCost.postgres(),
                    Runtime.getRuntime().availableProcessors());
            report(new Figure("model.rebuild_cpu_efficiency", efficiency, "of cores", null,
                    "rebuild events/s x CPU per event (JVM + PostgreSQL) / this machine's cores"));
            // one rebuilding node of 8 cores with 8 segments and threads, PostgreSQL with 4 cores (docs/CAPACITY.md)
            double rate = efficiency * CapacityModel.replayRate(rebuildCost.jvm(), rebuildCost.postgres(), 1, 8, 8, 4);
            report(new Figure("model.rebuild_rate.8_core_node_4_core_db", rate, "events/s", null,
                    "this run's CPU per rebuilt event and efficiency; SEIRE_SEGMENTS=SEIRE_PROJECTION_THREADS=8"));
            report(new Figure("model.rebuild_hours.2e8_events.8_core_node_4_core_db", CapacityModel.hours(2 * esf, rate),
                    "h", null, "the same, for two years of ESF+"));
        }
    }

    /** Waits until the projections have handled every event stored so far. */
    private void awaitProjected(ProjectionProgress progress) throws InterruptedException {
        long head = new EventTable(jdbc).head();
        while (!progress.reachedPosition(head)) {
            Thread.sleep(1000);
            System.out.printf("  projecting: %,d of %,d events%n", Math.max(0, progress.slowestToken()), head);
        }
    }

    // ------------------------------------------------------------------ 5: reads at full history

    private void reads() {
        // what autovacuum does shortly after a bulk load, done first so the reads are timed in steady state and not
        // beside a background vacuum of a million fresh rows
        long vacuum = System.nanoTime();
        jdbc.execute("VACUUM (ANALYZE)");
        report(new Figure("history.vacuum_analyze", RawBaseline.seconds(vacuum), "s", null, "after the bulk load"));
        // and the checkpoint that would otherwise write the load's dirty pages out while the reads are timed
        long checkpoint = System.nanoTime();
        jdbc.execute("CHECKPOINT");
        report(new Figure("history.checkpoint", RawBaseline.seconds(checkpoint), "s", null, "after the bulk load"));
        // the loader ran inside the server's JVM: its garbage is collected now, so that the reads are not timed
        // beside the collector clearing a million events' worth of it (which paused them every 100 ms for seconds)
        System.gc();
        readFigure("5.budget_execution", "/budget-execution?period=2025");
        readFigure("5.results_framework", "/results-framework?period=2025");
        pageFigure("5.console_budget_execution_page", "/budget-execution?period=2025");
    }

    /** A console page, signed in through the form: the API's view and the page rendered from it (issue 14). */
    private void pageFigure(String name, String view) {
        Pages pages = new Pages(http.base()).signIn("admin", ADMIN_PASSWORD);
        for (int i = 0; i < scale.reads() / 2; i++) {
            page(pages, dataset.get(i % dataset.size()), view);
        }
        long[] all = new long[scale.reads()];
        long[] big = new long[Math.max(1, scale.reads() / 10)];
        for (int i = 0; i < all.length; i++) {
            String p = dataset.get(ThreadLocalRandom.current().nextInt(dataset.size()));
            all[i] = timed(() -> page(pages, p, view));
        }
        for (int i = 0; i < big.length; i++) {
            big[i] = timed(() -> page(pages, bigProject, view));
        }
        report(new Figure(name + ".p50", percentile(all, 50) / 1e6, "ms", null, null));
        report(new Figure(name + ".p99", percentile(all, 99) / 1e6, "ms", null, "HTML, signed in by form"));
        report(new Figure(name + ".p99_largest_project", percentile(big, 99) / 1e6, "ms", null,
                scale.datasetBigEvents() + " events in one project"));
    }

    private static void page(Pages pages, String project, String view) {
        var answer = pages.get("/projects/" + Http.seg(project) + view);
        if (answer.statusCode() != 200 || !answer.body().contains("<h1")) {
            throw new IllegalStateException("the page " + view + " of " + project + " answered " + answer.statusCode());
        }
    }

    private void readFigure(String name, String view) {
        try (PlainGets gets = new PlainGets(http.base(), "admin", ADMIN_PASSWORD)) {
            // steady state: the server's code compiled and the projects' rows cached, the largest project's too
            for (int i = 0; i < scale.reads() / 2; i++) {
                gets.expect("/api/v1/projects/" + Http.seg(dataset.get(i % dataset.size())) + view, 200);
            }
            for (int i = 0; i < scale.reads() / 10; i++) {
                gets.expect("/api/v1/projects/" + Http.seg(bigProject) + view, 200);
            }
            long[] all = new long[scale.reads()];
            long[] big = new long[Math.max(1, scale.reads() / 10)];
            for (int i = 0; i < all.length; i++) {
                String p = dataset.get(ThreadLocalRandom.current().nextInt(dataset.size()));
                all[i] = timed(() -> gets.expect("/api/v1/projects/" + Http.seg(p) + view, 200));
            }
            for (int i = 0; i < big.length; i++) {
                big[i] = timed(() -> gets.expect("/api/v1/projects/" + Http.seg(bigProject) + view, 200));
            }
            report(new Figure(name + ".p50", percentile(all, 50) / 1e6, "ms", null, null));
            report(new Figure(name + ".p99", percentile(all, 99) / 1e6, "ms", null, null));
            report(new Figure(name + ".p50_largest_project", percentile(big, 50) / 1e6, "ms", null, null));
            report(new Figure(name + ".p99_largest_project", percentile(big, 99) / 1e6, "ms", null,
                    scale.datasetBigEvents() + " events in one project"));

            // the same reads while a client records expenditures without pause (and the projections follow it)
            besideWrites(name, writeProjects, () -> {
                String p = dataset.get(ThreadLocalRandom.current().nextInt(dataset.size()));
                return timed(() -> gets.expect("/api/v1/projects/" + Http.seg(p) + view, 200));
            });
        }
    }

    /**
     * Times {@code scale.reads()} reads while one client records expenditures without pause into the given projects
     * (and the projections follow it); reports the p50 and p99 as {@code name.p50_beside_writes} and {@code …p99…}.
     */
    private void besideWrites(String name, List<String> writeInto, java.util.function.LongSupplier timedRead) {
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                String p = writeInto.get(ThreadLocalRandom.current().nextInt(writeInto.size()));
                expect(http.post("/api/v1/projects/" + Http.seg(p) + "/expenditures", expenditure()), 201);
                written.incrementAndGet();
            }
        }, "bench-writer");
        long[] loaded = new long[scale.reads()];
        long started = System.nanoTime();
        writer.start();
        try {
            for (int i = 0; i < loaded.length; i++) {
                loaded[i] = timedRead.getAsLong();
            }
        } finally {
            writing.set(false);
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double writesPerSecond = written.get() / RawBaseline.seconds(started);
        report(new Figure(name + ".p50_beside_writes", percentile(loaded, 50) / 1e6, "ms", null, null));
        report(new Figure(name + ".p99_beside_writes", percentile(loaded, 99) / 1e6, "ms", null,
                String.format(Locale.ROOT, "one client recording %.0f expenditures/s meanwhile", writesPerSecond)));
    }

    // ------------------------------------------------------------------ 7: programme roll-ups

    /** The programme every project of the history belongs to (figure 7 reads its roll-ups). */
    static final String PROGRAMME = "Šveits.bench.programme";

    private void registerProgramme() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", PROGRAMME);
        body.put("name", "Šveitsi-Eesti koostööprogramm (võrdlusmõõtmine)");
        body.put("currency", "EUR");
        body.put("claimCurrency", "CHF");
        body.put("ceiling", "900000000.00");
        body.put("fundingSources", List.of(
                Map.of("code", "CH", "name", "Šveitsi toetus", "share", "85", "claimable", true),
                Map.of("code", "EE", "name", "Riiklik kaasfinantseering", "share", "15", "claimable", false)));
        body.put("components", List.of(Map.of("code", "C1", "name", "Kodanikuühiskond"),
                Map.of("code", "C2", "name", "Sotsiaalne innovatsioon"), Map.of("code", "C3", "name", "Tervishoid")));
        body.put("indicators", List.of(Map.of("code", "P1", "name", "Nõustatud organisatsioonid", "unit", "organisatsioon")));
        expect(http.post("/api/v1/programmes", body), 201);
    }

    /** The programme's budget execution and results: every project of the history (one of them the largest). */
    private void programmeReads() {
        String base = "/api/v1/programmes/" + Http.seg(PROGRAMME);
        programmeFigure("7.programme_budget_execution", base + "/budget-execution?to=2025-12-31");
        programmeFigure("7.programme_results", base + "/results?to=2025-12-31");
    }

    private void programmeFigure(String name, String path) {
        String of = dataset.size() + " projects, one with " + scale.datasetBigEvents() + " events";
        try (PlainGets gets = new PlainGets(http.base(), "admin", ADMIN_PASSWORD)) {
            for (int i = 0; i < scale.reads() / 2; i++) {
                gets.expect(path, 200);
            }
            long[] times = new long[scale.reads()];
            for (int i = 0; i < times.length; i++) {
                times[i] = timed(() -> gets.expect(path, 200));
            }
            report(new Figure(name + ".p50", percentile(times, 50) / 1e6, "ms", null, of));
            report(new Figure(name + ".p99", percentile(times, 99) / 1e6, "ms", null, of));
            // the same while a client records expenditures into the programme's own projects, so that every read
            // finds some of them changed since the one before (their figures are computed again, ProjectFigures)
            besideWrites(name, dataset, () -> timed(() -> gets.expect(path, 200)));
        }
        // the same idle reads timed with Java's HttpClient, which the figures were timed with until 2026-11-30
        long[] times = new long[scale.reads()];
        for (int i = 0; i < times.length; i++) {
            times[i] = timed(() -> expect(http.get(path), 200));
        }
        report(new Figure(name + ".p50_java_http_client", percentile(times, 50) / 1e6, "ms", null, of));
        report(new Figure(name + ".p99_java_http_client", percentile(times, 99) / 1e6, "ms", null,
                "the idle reads timed with java.net.http.HttpClient (its selector thread and a JSON parse)"));
    }

    // ------------------------------------------------------------------ 6 and 9: exports from a small node

    /** The project figure 9 exports, with its expenditures appended, and the raw scan of them. */
    private String exportProject;
    private RawBaseline.Scan expenditureScan;

    private void exportDataset(SeireApplication.Running seire, RawBaseline baseline) throws Exception {
        exportProject = project("Šveits.bench.export", 100_000_000);
        Dataset data = new Dataset(seire.context().getBean(EventStore.class),
                seire.context().getBean(TransactionTemplate.class), jdbc);
        data.appendExpenditures(exportProject, scale.exportExpenditures());
        awaitProjected(seire.context().getBean(ProjectionProgress.class));
        jdbc.execute("VACUUM (ANALYZE) expenditure_version");
        baseline.expenditureScan(exportProject); // once to warm the cache, as the exports find it
        expenditureScan = baseline.expenditureScan(exportProject);
        if (expenditureScan.rows() != scale.exportExpenditures()) {
            throw new IllegalStateException("expected " + scale.exportExpenditures() + " expenditures, found "
                    + expenditureScan.rows());
        }
        report(new Figure("raw.expenditure_scan", expenditureScan.rowsPerSecond(), "rows/s", null,
                expenditureScan.rows() + " rows of one project in list order, every column, a cursor"));
    }

    /** Figures 6 and 9 run in a query node of their own, started with a 256 MB heap. */
    private void exports(Path dir) throws Exception {
        String jar = Jars.seire();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path gcLog = dir.resolve("export-node-gc.log");
        Files.deleteIfExists(gcLog);
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx" + EXPORT_NODE_HEAP_MB + "m", "-XX:+UseSerialGC",
                "-Xlog:gc:file=" + gcLog, "-jar", jar, "--server.port=" + port, "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(dir.resolve("export-node.log").toFile());
        builder.environment().put("SEIRE_MODE", "query");
        builder.environment().put("SEIRE_DB_URL", dbUrl);
        builder.environment().put("SEIRE_DB_USER", "postgres");
        builder.environment().put("SEIRE_VAR_DIR", dir.toString());
        builder.environment().put("SEIRE_MASTER_KEY_FILE", dir.resolve("master-key").toString());
        Process node = builder.start();
        try {
            Http small = new Http("http://localhost:" + port, "admin", ADMIN_PASSWORD)
                    .awaitHealthy(node, Duration.ofMinutes(2), "the export node (see " + dir.resolve("export-node.log") + ")");
            if (only == null) {
                auditExport(small);
            }
            expenditureExports(small, dir);
            if (only == null) {
                report(new Figure("6.audit_export.heap_limit", EXPORT_NODE_HEAP_MB, "MB", null,
                        "the exporting process ran with -Xmx" + EXPORT_NODE_HEAP_MB + "m"));
            }
            report(new Figure("9.expenditure_export.heap_limit", EXPORT_NODE_HEAP_MB, "MB", null,
                    "the exporting process ran with -Xmx" + EXPORT_NODE_HEAP_MB + "m"));
            report(new Figure("9.expenditure_export.max_heap_after_gc", maxHeapAfterGc(gcLog), "MB", null,
                    "the most the node held after any collection in its life (" + gcLog.getFileName() + ")"));
        } finally {
            node.destroy();
            node.waitFor();
        }
    }

    private void auditExport(Http small) {
        long start = System.nanoTime();
        long lines = small.countLines("/api/v1/projects/" + Http.seg(bigProject) + "/audit-trail", "text/csv");
        double seconds = RawBaseline.seconds(start);
        long entries = lines - 1;
        report(new Figure("6.audit_export.entries", entries, "entries", null, "from a query node with -Xmx256m"));
        report(new Figure("6.audit_export.rate", entries / seconds, "entries/s", null, "ratio below, after the raw scan"));
        exportRate = entries / seconds;
    }

    /** Figure 7: every expenditure of one project as CSV and as XLSX, each read to its last byte. */
    private void expenditureExports(Http small, Path dir) throws IOException {
        String path = "/api/v1/projects/" + Http.seg(exportProject) + "/expenditures?lang=et&format=";
        long rows = expenditureScan.rows();
        double raw = expenditureScan.rowsPerSecond();
        // a running server is warm: each export runs once untimed, so that the timed one runs compiled code
        small.download(path + "csv", dir.resolve("expenditures.csv"));
        small.download(path + "xlsx", dir.resolve("expenditures.xlsx"));

        long start = System.nanoTime();
        long lines = small.countLines(path + "csv", "*/*");
        double csvRate = (lines - 1) / RawBaseline.seconds(start);
        if (lines - 1 != rows) {
            throw new IllegalStateException("the CSV export holds " + (lines - 1) + " rows, not " + rows);
        }
        report(new Figure("9.expenditure_export.csv", csvRate, "rows/s", csvRate / raw, "raw.expenditure_scan; "
                + rows + " expenditures, streamed from the -Xmx" + EXPORT_NODE_HEAP_MB + "m node"));

        Path xlsx = dir.resolve("expenditures.xlsx");
        start = System.nanoTime();
        long bytes = small.download(path + "xlsx", xlsx);
        double xlsxRate = rows / RawBaseline.seconds(start);
        long sheetRows = XlsxRows.count(xlsx) - 1;
        if (sheetRows != rows) {
            throw new IllegalStateException("the XLSX export holds " + sheetRows + " rows, not " + rows);
        }
        report(new Figure("9.expenditure_export.xlsx", xlsxRate, "rows/s", xlsxRate / raw, "raw.expenditure_scan; "
                + String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) + ", every row read back from the file"));
    }

    /** The most heap a collection left in use, from a {@code -Xlog:gc} file ({@code … 120M->45M(247M) …}). */
    static double maxHeapAfterGc(Path gcLog) throws IOException {
        java.util.regex.Pattern after = java.util.regex.Pattern.compile("->(\\d+)M\\(");
        double max = 0;
        for (String line : Files.readAllLines(gcLog)) {
            java.util.regex.Matcher m = after.matcher(line);
            if (m.find()) {
                max = Math.max(max, Double.parseDouble(m.group(1)));
            }
        }
        return max;
    }

    private double exportRate;

    // ------------------------------------------------------------------ 4: rebuild of every projection

    private void rebuild(SeireApplication.Running seire, RawBaseline baseline) throws Exception {
        long events = new EventTable(jdbc).count();
        baseline.fillTo(events);
        double scan = baseline.orderedScan();
        report(new Figure("raw.ordered_scan", scan, "rows/s", null, baseline.rows() + " rows"));
        if (only == null) {
            report(new Figure("6.audit_export.vs_raw_scan", exportRate, "entries/s", exportRate / scan,
                    "raw.ordered_scan"));
        }
        ProjectionRebuild rebuild = seire.context().getBean(ProjectionRebuild.class);
        CpuTime.Sample cpuBefore = cpu == null ? null : cpu.now();
        ProjectionRebuild.Progress done = rebuild.rebuild(p -> System.out.printf("  rebuilding: %,d of %,d events%n",
                p.processed(), p.head()), Duration.ofSeconds(2));
        report(new Figure("4.rebuild_all_projections", done.eventsPerSecond(), "events/s", done.eventsPerSecond() / scan,
                "raw.ordered_scan"));
        ProjectionRebuild.Phases phases = rebuild.lastPhases();
        if (phases != null) {
            report(new Figure("4.rebuild.replay", phases.replay().toMillis() / 1000.0, "s", null,
                    "the rebuild's own replay (ADR 0053)" + (rebuild.lastReplay().complete() ? ""
                            : ", stopped: " + rebuild.lastReplay().failure())));
            report(new Figure("4.rebuild.processor", phases.processor().toMillis() / 1000.0, "s", null,
                    "the processor, from its start until every segment stood at the head"));
            report(new Figure("4.rebuild.indexes", phases.indexes().toMillis() / 1000.0, "s", null,
                    "building the dropped indexes again"));
        }
        if (cpu != null) {
            rebuildPerSecond = done.eventsPerSecond();
            cpuFigures("scale".equals(only) ? "scale.cpu.rebuild" : "4.cpu.rebuild", cpuBefore, events,
                    "rebuilding every projection");
        }
    }

    // ------------------------------------------------------------------ helpers

    private final AtomicInteger projectCounter = new AtomicInteger();

    /** A project like the seed one, with budget lines big enough for the load. */
    private String project(String prefix, long plannedCents) {
        return project(prefix, plannedCents, null, null);
    }

    /** The same, as a member of a registered programme (its O1 counts towards the programme's P1), when given. */
    private String project(String prefix, long plannedCents, String programme, String component) {
        String id = prefix + "-" + projectCounter.incrementAndGet();
        String base = "/api/v1/projects/" + Http.seg(id);
        String name = "Kodanikuühiskonna pädevuse suurendamine";
        Map<String, Object> body = programme == null ? Registration.of(id, name)
                : Registration.of(id, name, programme, component);
        expect(http.post("/api/v1/projects", body), 201);
        for (int i = 1; i <= 6; i++) {
            expect(http.post(base + "/sub-activities", Map.of("code", String.valueOf(i), "name", "Alategevus " + i)), 201);
        }
        String planned = java.math.BigDecimal.valueOf(plannedCents, 2).toPlainString();
        for (int i = 1; i <= 5; i++) {
            expect(http.post(base + "/budget-lines", Map.of("code", "AT" + i + "-SERVICES", "subActivity", String.valueOf(i),
                    "costCategory", "SERVICES", "planned", planned)), 201);
        }
        expect(http.post(base + "/budget-lines", Map.of("code", "AT6-STAFF", "subActivity", "6", "costCategory", "STAFF",
                "planned", planned)), 201);
        expect(http.post(base + "/budget-lines", Map.of("code", "AT6-INDIRECT", "subActivity", "6",
                "costCategory", "INDIRECT", "flatRate", Map.of("percent", "15", "ofCostCategory", "STAFF"))), 201);
        Map<String, Object> o1 = new LinkedHashMap<>();
        o1.put("code", "O1");
        o1.put("name", "Nõustatud organisatsioonide arv");
        o1.put("unit", "organisatsioon");
        o1.put("kind", "OUTPUT");
        o1.put("measure", "NUMBER");
        o1.put("aggregation", "SUM");
        o1.put("ascending", true);
        o1.put("baseline", "0");
        o1.put("milestones", List.of(Map.of("date", "2025-12-31", "value", "20")));
        o1.put("target", "150");
        if (programme != null) {
            o1.put("programmeIndicator", "P1");
        }
        expect(http.post(base + "/indicators", o1), 201);
        return id;
    }

    private static Map<String, Object> expenditure() {
        int day = ThreadLocalRandom.current().nextInt(1, 29);
        return Map.of("budgetLine", "AT6-STAFF", "amount", "12.34", "incurredOn", String.format("2025-03-%02d", day),
                "supplier", "OÜ Õun", "description", "Kulu – šokolaad");
    }

    private static byte[] csv(int rows, String prefix) {
        StringBuilder sb = new StringBuilder("id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n");
        for (int i = 0; i < rows; i++) {
            sb.append(prefix).append('-').append(i).append(";AT").append(1 + i % 5).append("-SERVICES;12,34;")
                    .append(String.format("%02d.%02d.2025", 1 + i % 28, 1 + i % 12))
                    .append(";;Tarnija OÜ;").append(prefix).append("-A-").append(i).append(";Kulu ").append(i).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void expect(Http.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    private static double median(long[] values) {
        return percentile(values, 50);
    }

    private static double percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private void report(Figure figure) {
        figures.add(figure);
        System.out.println(figure.line());
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", Java " + System.getProperty("java.version");
    }

    private void write(Path file, double seconds) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date", Instant.now().toString());
        doc.put("scale", scale.name());
        doc.put("machine", machine());
        doc.put("postgresql", jdbcVersion());
        doc.put("seconds", Math.round(seconds));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Figure f : figures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("value", f.value());
            m.put("unit", f.unit());
            m.put("ratio", f.ratio());
            m.put("baseline", f.baseline());
            list.add(m);
        }
        doc.put("figures", list);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
        System.out.printf("Done in %.0f s; figures in %s%n", seconds, file);
    }

    private String postgresVersion = "?";

    private String jdbcVersion() {
        return postgresVersion;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
