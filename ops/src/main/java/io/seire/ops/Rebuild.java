package io.seire.ops;

import io.seire.query.read.ProjectionRebuild;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ops/rebuild}: rebuilds every projection from the event store (reset tokens, replay), printing progress.
 * Stop every Seire process that runs projections first (ops/run, query nodes).
 */
public final class Rebuild {

    private Rebuild() {
    }

    public static void main(String[] args) throws Exception {
        String refusal = null;
        try (SeireApplication.Running seire = SeireApplication.start("query",
                Path.of(SeireApplication.env("SEIRE_VAR_DIR", "var")), "--server.port=0", "--logging.level.root=WARN")) {
            ProjectionRebuild rebuild = seire.context().getBean(ProjectionRebuild.class);
            ProjectionRebuild.Progress done;
            try {
                done = rebuild.rebuild(p -> System.out.printf(
                    "rebuilt %,d of %,d events (%.0f%%), %,.0f events/s%n", p.processed(), p.head(),
                    p.head() == 0 ? 100.0 : 100.0 * p.processed() / p.head(), p.eventsPerSecond()), Duration.ofSeconds(1));
                System.out.printf("Projections rebuilt: %,d events at %,.0f events/s%n", done.processed(),
                        done.eventsPerSecond());
            } catch (ProjectionRebuild.ClaimedElsewhere refused) {
                refusal = refused.getMessage();
            }
        }
        if (refusal != null) {
            System.err.println("Rebuild refused: " + refusal);
            System.exit(2);
        }
    }
}
