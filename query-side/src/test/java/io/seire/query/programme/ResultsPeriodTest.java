package io.seire.query.programme;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.query.read.Periods;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which reporting period of a project counts in a programme's results at {@code to} (ADR 0022). */
class ResultsPeriodTest {

    static final Periods.Period H1 = new Periods.Period("2025H1", 0, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30));
    static final Periods.Period Q4 = new Periods.Period("2025Q4", 1, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31));
    static final List<Periods.Period> PERIODS = List.of(H1, Q4);

    static Periods.Period at(String to) {
        return ProgrammeRollUps.periodFor(PERIODS, LocalDate.parse(to));
    }

    @Test
    void the_period_containing_to_counts() {
        assertThat(at("2025-01-01")).isEqualTo(H1);
        assertThat(at("2025-06-30")).isEqualTo(H1);
        assertThat(at("2025-10-01")).isEqualTo(Q4);
    }

    @Test
    void between_two_periods_the_one_before_counts() {
        assertThat(at("2025-07-01")).isEqualTo(H1);
        assertThat(at("2025-09-30")).isEqualTo(H1);
    }

    @Test
    void after_the_last_period_the_last_one_counts() {
        assertThat(at("2027-01-01")).isEqualTo(Q4);
    }

    @Test
    void before_the_first_period_none_counts_and_the_baseline_stands() {
        assertThat(at("2024-12-31")).isNull();
        assertThat(ProgrammeRollUps.periodFor(List.of(), LocalDate.parse("2025-01-01"))).isNull();
    }
}
