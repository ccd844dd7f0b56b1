package io.seire.query.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.query.ProjectionHarness;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code spending_day} is what is spent per budget line and day: the sum of the expenditure versions in force (not
 * superseded, not cancelled), kept by the database in the same statement as the versions (V8, per statement since
 * V41). These tests write many rows per statement, as a projection's JDBC batch and a rebuild's {@code COPY} do.
 */
class SpendingDayTest {

    private final JdbcTemplate jdbc = ProjectionHarness.jdbc();
    private final String project = "spending-" + UUID.randomUUID();
    private long position = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) * 1000;

    private String row(String id, String status, String line, String amount, String day) {
        position++;
        return "(" + position + ", '" + project + "', '" + id + "', 'RECORDED', '" + status + "', '" + line
                + "', 'STAFF', " + amount + ", DATE '" + day + "', now())";
    }

    private void insert(String... rows) {
        jdbc.update("INSERT INTO expenditure_version (position, project_id, expenditure_id, change, status, budget_line, "
                + "cost_category, amount, incurred_on, recorded_at) VALUES " + String.join(", ", rows));
    }

    private List<Map<String, Object>> spending() {
        return jdbc.queryForList("SELECT budget_line, incurred_on::text AS day, amount::text AS amount FROM spending_day "
                + "WHERE project_id = ? AND amount <> 0 ORDER BY 1, 2", project);
    }

    /** The same sums computed from the versions themselves. */
    private List<Map<String, Object>> inForce() {
        return jdbc.queryForList("SELECT budget_line, incurred_on::text AS day, sum(amount)::text AS amount "
                + "FROM expenditure_version WHERE project_id = ? AND superseded_position IS NULL AND status = 'RECORDED' "
                + "GROUP BY 1, 2 HAVING sum(amount) <> 0 ORDER BY 1, 2", project);
    }

    @Test
    void one_statement_of_many_rows_adds_each_days_sum_of_the_rows_in_force() {
        insert(row("E1", "RECORDED", "S", "100.10", "2025-03-01"), row("E2", "RECORDED", "S", "0.05", "2025-03-01"),
                row("E3", "CANCELLED", "S", "999.99", "2025-03-01"), row("E4", "RECORDED", "T", "7.00", "2025-03-02"));
        insert(row("E5", "RECORDED", "S", "1.00", "2025-03-01"));

        assertThat(spending()).containsExactly(
                Map.of("budget_line", "S", "day", "2025-03-01", "amount", "101.15"),
                Map.of("budget_line", "T", "day", "2025-03-02", "amount", "7.00"));
        assertThat(spending()).isEqualTo(inForce());
    }

    @Test
    void superseding_and_deleting_many_rows_in_one_statement_takes_each_out_once() {
        insert(row("E1", "RECORDED", "S", "100.00", "2025-03-01"), row("E2", "RECORDED", "S", "50.00", "2025-03-01"),
                row("E3", "RECORDED", "T", "20.00", "2025-03-05"), row("E4", "CANCELLED", "T", "5.00", "2025-03-05"));
        long superseding = position + 1;
        // E1 and E3 corrected: their earlier versions superseded in one statement, the new ones inserted in one
        jdbc.update("UPDATE expenditure_version SET superseded_position = ? WHERE project_id = ? "
                + "AND expenditure_id IN ('E1', 'E3', 'E4') AND superseded_position IS NULL", superseding, project);
        insert(row("E1", "RECORDED", "S", "120.00", "2025-03-02"), row("E3", "RECORDED", "T", "25.50", "2025-03-05"));
        assertThat(spending()).containsExactly(
                Map.of("budget_line", "S", "day", "2025-03-01", "amount", "50.00"),
                Map.of("budget_line", "S", "day", "2025-03-02", "amount", "120.00"),
                Map.of("budget_line", "T", "day", "2025-03-05", "amount", "25.50"));

        // an update that changes no amount (a redaction of the description) leaves the sums as they are
        jdbc.update("UPDATE expenditure_version SET description = '[redacted]' WHERE project_id = ?", project);
        assertThat(spending()).isEqualTo(inForce());

        jdbc.update("DELETE FROM expenditure_version WHERE project_id = ? AND budget_line = 'S'", project);
        assertThat(spending()).containsExactly(Map.of("budget_line", "T", "day", "2025-03-05", "amount", "25.50"));
        assertThat(spending()).isEqualTo(inForce());
    }

    @Test
    void rows_a_statement_does_not_insert_because_they_conflict_are_not_added() {
        insert(row("E1", "RECORDED", "S", "10.00", "2025-03-01"));
        long first = position;
        // a projection replaying a batch: the same position again is skipped by ON CONFLICT and must not count twice
        jdbc.update("INSERT INTO expenditure_version (position, project_id, expenditure_id, change, status, budget_line, "
                + "cost_category, amount, incurred_on, recorded_at) VALUES (?, ?, 'E1', 'RECORDED', 'RECORDED', 'S', "
                + "'STAFF', 10.00, DATE '2025-03-01', now()), (?, ?, 'E2', 'RECORDED', 'RECORDED', 'S', 'STAFF', 2.50, "
                + "DATE '2025-03-01', now()) ON CONFLICT DO NOTHING", first, project, first + 1, project);
        assertThat(spending()).containsExactly(Map.of("budget_line", "S", "day", "2025-03-01", "amount", "12.50"));
    }
}
