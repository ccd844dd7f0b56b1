package io.seire.tools.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by this JVM and by the embedded PostgreSQL (its postmaster, the children it has reaped and
 * the children alive, read from {@code /proc}), so that a figure can say what one event costs on each side: the
 * per-core measures of docs/CAPACITY.md. Linux only; elsewhere, or with an external database, PostgreSQL's share is
 * unknown (negative).
 */
final class CpuTime {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on every Linux this runs on). */
    static final double TICKS_PER_SECOND = 100;

    /** CPU seconds of the JVM and of PostgreSQL (negative when unknown). */
    record Sample(double jvm, double postgres) {
        Sample minus(Sample earlier) {
            return new Sample(jvm - earlier.jvm, postgres < 0 || earlier.postgres < 0 ? -1 : postgres - earlier.postgres);
        }

        /** Each side's CPU divided among {@code count} operations (PostgreSQL's stays unknown if it was). */
        Sample per(long count) {
            return new Sample(jvm / count, postgres < 0 ? -1 : postgres / count);
        }
    }

    /** One process's line of {@code /proc/<pid>/stat}: its parent, its own ticks and its reaped children's. */
    record Stat(long pid, long parent, long ownTicks, long childrenTicks) {
        static Stat parse(String line) {
            // the command (field 2) is in parentheses and may hold spaces or parentheses itself
            long pid = Long.parseLong(line.substring(0, line.indexOf(' ')));
            String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
            // f[0] is field 3 (state): field n is f[n - 3]
            return new Stat(pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                    Long.parseLong(f[13]) + Long.parseLong(f[14]));
        }
    }

    private final Path dataDirectory;

    /** For the embedded PostgreSQL whose data lives in {@code dataDirectory} (null: PostgreSQL not measured). */
    CpuTime(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    Sample now() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        return new Sample(jvm, postgres());
    }

    private double postgres() {
        if (dataDirectory == null) {
            return -1;
        }
        try {
            List<String> pidFile = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            long postmaster = Long.parseLong(pidFile.get(0).trim());
            long ticks = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) processes::iterator) {
                    if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    Stat stat;
                    try {
                        stat = Stat.parse(Files.readString(p.resolve("stat")));
                    } catch (IOException | RuntimeException gone) {
                        continue; // ended meanwhile
                    }
                    if (stat.pid() == postmaster) {
                        ticks += stat.ownTicks() + stat.childrenTicks();
                    } else if (stat.parent() == postmaster) {
                        ticks += stat.ownTicks();
                    }
                }
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
