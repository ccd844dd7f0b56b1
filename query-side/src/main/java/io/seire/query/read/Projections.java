package io.seire.query.read;

import java.sql.Timestamp;
import java.time.Instant;

/** The one processing group every project view belongs to: its events are handled in order, per project. */
public final class Projections {

    public static final String GROUP = "project-views";

    private Projections() {
    }

    public static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
