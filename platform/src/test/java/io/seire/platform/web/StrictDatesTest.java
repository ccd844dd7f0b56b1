package io.seire.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StrictDatesTest {

    @Test
    void a_date_is_yyyy_mm_dd_of_a_day_that_exists_within_the_recorded_years() {
        assertThat(StrictDates.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(StrictDates.parse("1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(StrictDates.parse("2999-12-31")).isEqualTo(LocalDate.of(2999, 12, 31));
    }

    @Test
    void instants_date_times_and_other_shapes_are_refused() {
        for (String text : new String[] {"2024-07-01T00:00:00Z", "2024-07-01T00:00", "2024-07-01Z", "2024-7-1",
                "20240701", "2024-W27-1", " 2024-07-01", ""}) {
            assertThatThrownBy(() -> StrictDates.parse(text)).as(text).isInstanceOf(StrictDates.NotADate.class)
                    .hasMessageContaining("YYYY-MM-DD");
        }
    }

    @Test
    void impossible_days_and_years_outside_the_bounds_are_refused_saying_why() {
        assertThatThrownBy(() -> StrictDates.parse("2023-04-31")).hasMessageContaining("APRIL 31");
        assertThatThrownBy(() -> StrictDates.parse("3000-01-01")).hasMessageContaining("between 1900-01-01 and 2999-12-31");
        assertThatThrownBy(() -> StrictDates.parse("+6000000-01-01")).hasMessageContaining("between");
    }
}
