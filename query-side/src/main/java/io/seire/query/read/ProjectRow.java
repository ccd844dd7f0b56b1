package io.seire.query.read;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A project's registration as the views need it. */
public record ProjectRow(String id, String name, String programme, String beneficiary, String currency,
                         int minorDigits, LocalDate eligibleFrom, LocalDate eligibleTo, BigDecimal flexibilityPercent,
                         long position) {

    /** The project's registration, or null when there is no such project. */
    public static ProjectRow find(org.springframework.jdbc.core.JdbcTemplate jdbc, String projectId) {
        java.util.List<ProjectRow> rows = jdbc.query("SELECT project_id, name, programme, beneficiary, currency, "
                        + "minor_digits, eligible_from, eligible_to, flexibility_percent, position FROM project WHERE project_id = ?",
                (rs, i) -> new ProjectRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5).trim(), rs.getInt(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getBigDecimal(9), rs.getLong(10)),
                projectId);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
