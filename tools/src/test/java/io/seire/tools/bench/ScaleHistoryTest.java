package io.seire.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ops/bench --scale N}: its argument, the history's shape, the CPU read from /proc and the capacity model's sums. */
class ScaleHistoryTest {

    @Test
    void scale_takes_the_event_count_in_either_form_and_as_powers_of_ten() {
        assertThat(ScaleHistory.parse(List.of("--scale", "100000"))).isEqualTo(100_000);
        assertThat(ScaleHistory.parse(List.of("--scale=1000000"))).isEqualTo(1_000_000);
        assertThat(ScaleHistory.parse(List.of("--scale", "1e7"))).isEqualTo(10_000_000);
        assertThat(ScaleHistory.parse(List.of("--scale", "10^7"))).isEqualTo(10_000_000);
        assertThat(ScaleHistory.parse(List.of("--scale", "10_000_000"))).isEqualTo(10_000_000);
        assertThat(ScaleHistory.parse(List.of("--scale=10,000,000"))).isEqualTo(10_000_000);
        assertThat(ScaleHistory.parse(List.of("--quick"))).isEqualTo(-1);
    }

    @Test
    void scale_refuses_what_is_not_an_event_count_in_its_range() {
        for (List<String> bad : List.of(List.of("--scale"), List.of("--scale", "many"), List.of("--scale=-5"),
                List.of("--scale", "1.5"), List.of("--scale", "9999"), List.of("--scale", "1e9"), List.of("--scale", "10^99"))) {
            assertThatThrownBy(() -> ScaleHistory.parse(bad)).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--scale");
        }
    }

    @Test
    void the_history_holds_exactly_the_events_asked_for_a_tenth_in_one_project_the_rest_a_year_each() {
        ScaleHistory small = ScaleHistory.of(100_000);
        assertThat(small.projects()).isEqualTo(91);
        assertThat(small.smallEvents()).isEqualTo(1_000);
        assertThat(small.bigEvents()).isEqualTo(10_000);

        ScaleHistory ten = ScaleHistory.of(10_000_000);
        assertThat(ten.projects()).isEqualTo(ScaleHistory.MAX_PROJECTS); // capped: set up over HTTP
        assertThat(ten.smallEvents()).isEqualTo(4_502);
        for (long n : new long[] {10_000, 123_457, 1_000_000, 9_999_999, 10_000_000, 100_000_000}) {
            ScaleHistory h = ScaleHistory.of(n);
            assertThat(h.bigEvents() + (long) h.smallEvents() * (h.projects() - 1)).as("events of " + n).isEqualTo(n);
            assertThat(h.bigEvents()).as("largest of " + n).isGreaterThanOrEqualTo(h.smallEvents());
            assertThat(h.projects()).isBetween(ScaleHistory.MIN_PROJECTS, ScaleHistory.MAX_PROJECTS);
        }
    }

    @Test
    void a_proc_stat_line_gives_the_parent_and_the_ticks_even_with_parentheses_in_the_command() {
        String line = "4242 (postgres: seire (idle)) S 4200 4200 4200 0 -1 4194304 1500 0 0 0 "
                + "731 219 17 5 20 0 1 0 123456 200000000 5000 18446744073709551615";
        CpuTime.Stat stat = CpuTime.Stat.parse(line);
        assertThat(stat.pid()).isEqualTo(4242);
        assertThat(stat.parent()).isEqualTo(4200);
        assertThat(stat.ownTicks()).isEqualTo(731 + 219);
        assertThat(stat.childrenTicks()).isEqualTo(17 + 5);
    }

    @Test
    void the_replay_rate_is_bounded_by_the_smaller_side_and_by_the_segments() {
        // 100 us of a node's CPU and 50 us of PostgreSQL's per event
        assertThat(CapacityModel.replayRate(100e-6, 50e-6, 1, 2, 4, 2)).isCloseTo(20_000, within(1e-6));
        // more nodes than segments bring nothing: 4 segments are 4 threads
        assertThat(CapacityModel.replayRate(100e-6, 50e-6, 8, 4, 4, 64)).isCloseTo(40_000, within(1e-6));
        // the database bounds it: 16 cores at 50 us
        assertThat(CapacityModel.replayRate(100e-6, 50e-6, 16, 4, 64, 16)).isCloseTo(320_000, within(1e-6));
        assertThatThrownBy(() -> CapacityModel.replayRate(0, 50e-6, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_efficiency_is_the_share_of_the_cores_the_measured_rate_kept_busy() {
        // the --scale 300000 run: 9,990.75 events/s at 100.29 + 44.17 us of CPU each on 2 cores
        assertThat(CapacityModel.efficiency(9_990.75, 100.29e-6, 44.17e-6, 2)).isCloseTo(0.7216, within(1e-4));
        // the --scale 10000000 run, the model's input since: 35,527.22 events/s at 18.69 + 25.71 us on 2 cores
        assertThat(CapacityModel.efficiency(35_527.22, 18.69e-6, 25.71e-6, 2)).isCloseTo(0.7887, within(1e-4));
        // docs/CAPACITY.md's rows at 0.79: 4-core node and 2-core PostgreSQL 61,455 events/s, 8 and 4 122,909
        assertThat(0.79 * CapacityModel.replayRate(18.69e-6, 25.71e-6, 1, 4, 4, 2)).isCloseTo(61_455, within(10.0));
        assertThat(0.79 * CapacityModel.replayRate(18.69e-6, 25.71e-6, 1, 8, 8, 4)).isCloseTo(122_909, within(10.0));
        assertThat(CapacityModel.hours(2e8, 122_909)).isCloseTo(0.45, within(0.01));
    }

    @Test
    void hours_disk_and_headroom_are_the_plain_sums() {
        assertThat(CapacityModel.hours(2e8, 10_000)).isCloseTo(5.5556, within(1e-4));
        assertThat(CapacityModel.gigabytes(1e8, 2_500)).isCloseTo(250, within(1e-9));
        // 10^8 events a year are 3.17 a second on average
        assertThat(CapacityModel.headroom(3_168.8, 1e8)).isCloseTo(1_000, within(0.1));
    }
}
