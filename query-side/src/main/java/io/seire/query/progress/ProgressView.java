package io.seire.query.progress;

import io.seire.query.read.Periods;
import io.seire.query.read.ProjectScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Per sub-activity, the latest progress report for a period, with the earlier versions it superseded. */
@Component
public class ProgressView {

    public record Version(String status, String summary, String problems, String measures, String nextSteps,
                          Instant recordedAt, String actor) {
    }

    public record SubActivityProgress(String subActivity, String name, String status, String summary, String problems,
                                      String measures, String nextSteps, Instant recordedAt, String actor,
                                      List<Version> earlierVersions) {
    }

    public record View(String period, List<SubActivityProgress> subActivities) {
    }

    private final JdbcClient jdbc;

    public ProgressView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public View view(ProjectScope scope, Periods.Period period) {
        Map<String, List<Version>> reports = new HashMap<>();
        jdbc.sql("SELECT sub_activity, status, summary, problems, measures, next_steps, recorded_at, actor "
                        + "FROM activity_progress WHERE project_id = :projectId AND period_id = :periodId "
                        + "AND position <= :maxPosition ORDER BY position")
                .param("projectId", scope.id()).param("periodId", period.id()).param("maxPosition", scope.maxPosition())
                .query(rs -> {
                    reports.computeIfAbsent(rs.getString("sub_activity"), k -> new ArrayList<>()).add(new Version(
                            rs.getString("status"), rs.getString("summary"), rs.getString("problems"),
                            rs.getString("measures"), rs.getString("next_steps"), rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("actor")));
                });
        List<SubActivityProgress> rows = jdbc.sql("SELECT code, name FROM sub_activity WHERE project_id = :projectId "
                        + "AND position <= :maxPosition ORDER BY position")
                .param("projectId", scope.id()).param("maxPosition", scope.maxPosition())
                .query((rs, i) -> {
                    List<Version> versions = reports.getOrDefault(rs.getString("code"), List.of());
                    if (versions.isEmpty()) {
                        return new SubActivityProgress(rs.getString("code"), rs.getString("name"), null, null, null, null, null,
                                null, null, List.of());
                    }
                    Version latest = versions.get(versions.size() - 1);
                    List<Version> earlier = new ArrayList<>(versions.subList(0, versions.size() - 1));
                    java.util.Collections.reverse(earlier);
                    return new SubActivityProgress(rs.getString("code"), rs.getString("name"), latest.status(), latest.summary(),
                            latest.problems(), latest.measures(), latest.nextSteps(), latest.recordedAt(),
                            latest.actor(), earlier);
                }).list();
        return new View(period.id(), rows);
    }
}
