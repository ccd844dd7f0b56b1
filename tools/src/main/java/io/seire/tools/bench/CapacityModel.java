package io.seire.tools.bench;

/**
 * The arithmetic of docs/CAPACITY.md, so that {@code ops/bench --scale} prints the model's figures from the run's own
 * measures and a test checks the sums: a rate from what one event costs on each side, and what a history of a given
 * size costs in time and disk.
 */
final class CapacityModel {

    /** ESF+ in a year: 10^5 projects, 10^8 events (issue 16). */
    static final long ESF_PLUS_EVENTS_PER_YEAR = 100_000_000L;
    static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

    private CapacityModel() {
    }

    /**
     * Events per second a replay can reach when each event costs {@code jvmSeconds} of a query node's CPU and
     * {@code postgresSeconds} of the database's: the query nodes bring {@code min(nodes × coresPerNode, segments)}
     * cores (one segment is one thread), PostgreSQL its {@code postgresCores}; the smaller side bounds the rate.
     */
    static double replayRate(double jvmSeconds, double postgresSeconds, int nodes, int coresPerNode, int segments,
                             int postgresCores) {
        if (jvmSeconds <= 0 || postgresSeconds <= 0 || nodes < 1 || coresPerNode < 1 || segments < 1 || postgresCores < 1) {
            throw new IllegalArgumentException("costs and cores must be positive");
        }
        double nodeSide = Math.min((double) nodes * coresPerNode, segments) / jvmSeconds;
        double databaseSide = postgresCores / postgresSeconds;
        return Math.min(nodeSide, databaseSide);
    }

    /**
     * The share of {@code cores} a run kept busy: {@code eventsPerSecond} events each costing {@code jvmSeconds} and
     * {@code postgresSeconds} of CPU. Below 1, the rest was waiting (commits, round trips).
     */
    static double efficiency(double eventsPerSecond, double jvmSeconds, double postgresSeconds, int cores) {
        return eventsPerSecond * (jvmSeconds + postgresSeconds) / cores;
    }

    /** Hours to handle {@code events} at {@code eventsPerSecond}. */
    static double hours(double events, double eventsPerSecond) {
        return events / eventsPerSecond / 3600;
    }

    /** Gigabytes (10^9 bytes) of {@code events} at {@code bytesPerEvent}. */
    static double gigabytes(double events, double bytesPerEvent) {
        return events * bytesPerEvent / 1e9;
    }

    /** How many times the average rate of {@code eventsPerYear} a measured {@code eventsPerSecond} is. */
    static double headroom(double eventsPerSecond, double eventsPerYear) {
        return eventsPerSecond / (eventsPerYear / SECONDS_PER_YEAR);
    }
}
