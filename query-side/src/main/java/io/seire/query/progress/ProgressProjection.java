package io.seire.query.progress;

import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.query.read.EventPosition;
import io.seire.query.read.ProjectionWriter;
import io.seire.query.read.Projections;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/** Keeps every progress report. */
@Component
@ProcessingGroup(Projections.GROUP)
public class ProgressProjection {

    private final ProjectionWriter writer;

    public ProgressProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(ActivityProgressReported e, @EventPosition long position, @Timestamp Instant at,
                   @MetaDataValue("actor") String actor) {
        writer.update("INSERT INTO activity_progress (position, project_id, sub_activity, period_id, status, summary, "
                        + "problems, measures, next_steps, recorded_at, actor) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                        + "ON CONFLICT DO NOTHING",
                position, e.projectId(), e.subActivity(), e.period(), e.status().name(), e.summary(),
                e.problems(), e.measures(), e.nextSteps(), Projections.at(at), actor);
    }
}
