package io.seire.query.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.query.read.Horizon;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.Where;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * ADR 0044: the expenditure list keeps one fixed condition per filter given, never a catch-all
 * {@code (:x IS NULL OR col = :x)}, and with named parameters sends the text it sent with positional ones (so each
 * combination of filters keeps its plan and the partial index {@code expenditure_current_list}).
 */
class ExpenditureStatementsTest {

    private static final ProjectRow PROJECT = new ProjectRow("P", "P", "G", "B", "EUR", 2, null, null, BigDecimal.TEN,
            1, null, 1);
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 6, 30);

    private static Where.Positional statement(Horizon horizon, ExpenditureList.Filter filter) {
        Where where = ExpenditureList.where(new ProjectScope(PROJECT, horizon), filter);
        return Where.Positional.of(where.sql(), where.params());
    }

    @Test
    void a_filter_adds_its_one_fixed_condition_only_when_given() {
        assertThat(statement(Horizon.NOW, new ExpenditureList.Filter(null, null, null)).sql())
                .isEqualTo("project_id = ? AND superseded_position IS NULL");
        assertThat(statement(Horizon.NOW, new ExpenditureList.Filter(FROM, null, null)).sql())
                .isEqualTo("project_id = ? AND superseded_position IS NULL AND incurred_on >= ?");
        assertThat(statement(Horizon.NOW, new ExpenditureList.Filter(null, TO, null)).sql())
                .isEqualTo("project_id = ? AND superseded_position IS NULL AND incurred_on <= ?");
        assertThat(statement(Horizon.NOW, new ExpenditureList.Filter(null, null, "L")).sql())
                .isEqualTo("project_id = ? AND superseded_position IS NULL AND budget_line = ?");
        Where.Positional all = statement(Horizon.NOW, new ExpenditureList.Filter(FROM, TO, "L"));
        assertThat(all.sql()).isEqualTo("project_id = ? AND superseded_position IS NULL AND incurred_on >= ? "
                + "AND incurred_on <= ? AND budget_line = ?").doesNotContain("IS NULL OR");
        assertThat(all.args()).containsExactly("P", FROM, TO, "L");
    }

    @Test
    void an_earlier_horizon_binds_its_position_twice_as_before() {
        Where.Positional earlier = statement(new Horizon(42), new ExpenditureList.Filter(null, null, "L"));
        assertThat(earlier.sql()).isEqualTo("project_id = ? AND position <= ? AND (superseded_position IS NULL "
                + "OR superseded_position > ?) AND budget_line = ?");
        assertThat(earlier.args()).containsExactly("P", 42L, 42L, "L");
    }
}
