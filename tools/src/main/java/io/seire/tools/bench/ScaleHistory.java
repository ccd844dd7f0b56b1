package io.seire.tools.bench;

import java.util.List;

/**
 * {@code ops/bench --scale N}: the shape of a history of N events, as a programme's would be: many projects of about a
 * year of work each (ESF+ averages 10^8 events a year over 10^5 projects, 1,000 per project), one of them large (a
 * tenth of the history). The projects are set up through the API, so their number is capped at {@value #MAX_PROJECTS}
 * (beyond it each project holds more than a year's events); the events are appended directly ({@link Dataset}).
 */
record ScaleHistory(long events, int projects, int bigEvents, int smallEvents) {

    /** The fewest events {@code --scale} takes: below this the quick run measures the same. */
    static final long MIN_EVENTS = 10_000;
    /** The most: 10^8 events and their views need about as much disk as this kind of machine has. */
    static final long MAX_EVENTS = 100_000_000;
    /** A year of an average ESF+ project: 10^8 events a year over 10^5 projects. */
    static final int EVENTS_PER_PROJECT_YEAR = 1_000;
    static final int MIN_PROJECTS = 10;
    static final int MAX_PROJECTS = 2_000;

    /** The shape for {@code events} events: the largest project a tenth of them, the rest spread evenly. */
    static ScaleHistory of(long events) {
        if (events < MIN_EVENTS || events > MAX_EVENTS) {
            throw new IllegalArgumentException("--scale takes an event count from " + MIN_EVENTS + " to " + MAX_EVENTS
                    + ", not " + events);
        }
        long big = events / 10;
        long rest = events - big;
        int projects = (int) Math.max(MIN_PROJECTS, Math.min(MAX_PROJECTS, 1 + rest / EVENTS_PER_PROJECT_YEAR));
        int small = (int) (rest / (projects - 1));
        // what the even spread leaves over goes to the largest project, so that the history holds exactly N events
        int bigEvents = (int) (events - (long) small * (projects - 1));
        return new ScaleHistory(events, projects, bigEvents, small);
    }

    /**
     * The event count of {@code --scale N} or {@code --scale=N} ({@code 1e7}, {@code 10^7}, {@code 10_000_000} and
     * {@code 10,000,000} are read too), or -1 when the option is not given.
     */
    static long parse(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--scale") || arg.startsWith("--scale=")) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                        : i + 1 < args.size() ? args.get(i + 1) : "";
                return of(count(value)).events();
            }
        }
        return -1;
    }

    private static long count(String value) {
        String v = value.trim().replace("_", "").replace(",", "");
        try {
            if (v.matches("10\\^\\d{1,2}")) {
                return Math.round(Math.pow(10, Integer.parseInt(v.substring(3))));
            }
            if (v.matches("\\d+(\\.\\d+)?[eE]\\d{1,2}")) {
                return new java.math.BigDecimal(v).longValueExact();
            }
            return Long.parseLong(v);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--scale takes an event count (e.g. 100000, 1e6 or 10^7), not '"
                    + value + "'");
        }
    }
}
