package io.seire.query.read;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.eventhandling.TrackingToken;

/** The one processing group every project view belongs to: its events are handled in order, per project. */
public final class Projections {

    public static final String GROUP = "project-views";

    private Projections() {
    }

    /** The global position of the event being handled. */
    public static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a position"));
    }

    public static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
