package io.seire.query.read;

import io.seire.kernel.ProjectEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Notes when each project event was recorded, so {@code asOf} can be turned into a position. */
@Component
@ProcessingGroup(Projections.GROUP)
public class ProjectEventLog {

    private final JdbcTemplate jdbc;

    public ProjectEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(ProjectEvent event, TrackingToken token, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO project_event (project_id, position, sequence, recorded_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                event.projectId(), Projections.position(token), sequence, Projections.at(recordedAt));
    }
}
