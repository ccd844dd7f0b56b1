package io.seire.query.read;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A project's registration as the views need it; {@code component} is null when it names none. {@code projectedTo}
 * is how far the projections had applied the project's history when the row was read: its state, by which
 * {@link ProjectFigures} remembers figures (read with the row, so that a roll-up of many projects asks once).
 */
public record ProjectRow(String id, String name, String programme, String beneficiary, String currency,
                         int minorDigits, LocalDate eligibleFrom, LocalDate eligibleTo, BigDecimal flexibilityPercent,
                         long position, String component, long projectedTo) {

    static final String COLUMNS = "project_id, name, programme, beneficiary, currency, minor_digits, eligible_from, "
            + "eligible_to, flexibility_percent, position, component, projected_to";

    static ProjectRow read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ProjectRow(rs.getString("project_id"), rs.getString("name"), rs.getString("programme"),
                rs.getString("beneficiary"), rs.getString("currency").trim(), rs.getInt("minor_digits"),
                rs.getObject("eligible_from", LocalDate.class), rs.getObject("eligible_to", LocalDate.class),
                rs.getBigDecimal("flexibility_percent"), rs.getLong("position"), rs.getString("component"),
                rs.getLong("projected_to"));
    }

    /** The project's registration, or null when there is no such project. */
    public static ProjectRow find(org.springframework.jdbc.core.simple.JdbcClient jdbc, String projectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE project_id = :projectId")
                .param("projectId", projectId).query((rs, i) -> read(rs)).optional().orElse(null);
    }

    /** The projects that name a programme, ordered by id. */
    public static java.util.List<ProjectRow> ofProgramme(org.springframework.jdbc.core.simple.JdbcClient jdbc,
                                                         String programme) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE programme = :programme ORDER BY project_id")
                .param("programme", programme).query((rs, i) -> read(rs)).list();
    }
}
