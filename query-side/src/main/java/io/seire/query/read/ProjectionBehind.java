package io.seire.query.read;

/** The views have not yet caught up with a position a client asked for: answered 503 with Retry-After. */
public class ProjectionBehind extends io.seire.platform.web.RetryLater {

    private final long requested;
    private final long reached;

    public ProjectionBehind(long requested, long reached) {
        super("The views have reached position " + reached + " but not yet " + requested
                + "; try again in a moment.", 1);
        this.requested = requested;
        this.reached = reached;
    }

    public long requested() {
        return requested;
    }

    public long reached() {
        return reached;
    }
}
