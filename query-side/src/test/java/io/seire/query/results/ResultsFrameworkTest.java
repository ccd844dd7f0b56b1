package io.seire.query.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.results.IndicatorValueCorrected;
import io.seire.kernel.results.IndicatorValueRecorded;
import io.seire.kernel.results.IndicatorValueRetracted;
import io.seire.kernel.setup.Aggregation;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.IndicatorKind;
import io.seire.kernel.setup.Measure;
import io.seire.kernel.setup.Milestone;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.query.ProjectionHarness;
import io.seire.query.read.Horizon;
import io.seire.query.read.Periods;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The results framework as a monitor reads it from the projected rows: cumulative values, % of target (two decimals,
 * HALF_UP) and status per period, as of any position.
 */
class ResultsFrameworkTest {

    private final ProjectionHarness harness = new ProjectionHarness("monitor");
    private final ResultsFramework view = new ResultsFramework(ProjectionHarness.client());
    private final String project = "results-" + UUID.randomUUID();

    private void register() {
        harness.feed(new ProjectRegistered(project, "Tulemused", "P", "B", "EUR", LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31), BigDecimal.TEN, List.of(
                new ReportingPeriod("2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
                new ReportingPeriod("2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))), null, null,
                List.of()));
    }

    private ResultsFramework.Row row(String period, Horizon horizon, String code) {
        var jdbc = ProjectionHarness.jdbc();
        return view.view(new ProjectScope(ProjectRow.find(ProjectionHarness.client(), project), horizon),
                        Periods.required(ProjectionHarness.client(), project, period)).stream()
                .filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void a_sum_indicator_adds_every_value_in_force_to_the_baseline_and_rounds_percent_of_target_half_up() {
        register();
        harness.feed(new IndicatorDefined(project, "O1", "Koolitatud", "inimest", IndicatorKind.OUTPUT, Measure.NUMBER,
                Aggregation.SUM, true, new BigDecimal("10"), List.of(new Milestone(LocalDate.of(2024, 12, 31),
                new BigDecimal("20"))), new BigDecimal("40")));
        harness.feed(IndicatorValueRecorded.inClear(project, "O1", "v1", "2024", "5", null, null));
        harness.feed(IndicatorValueRecorded.inClear(project, "O1", "v2", "2024", "3", null, null));
        long mistaken = harness.feed(IndicatorValueRecorded.inClear(project, "O1", "v3", "2024", "100", null, null));
        harness.feed(new IndicatorValueRetracted(project, "O1", "v3", "topelt"));
        harness.feed(new IndicatorValueCorrected(project, "O1", "v2", "4", "loendati üle"));
        harness.feed(IndicatorValueRecorded.inClear(project, "O1", "v4", "2025", "11", null, null));

        ResultsFramework.Row first = row("2024", Horizon.NOW, "O1");
        assertThat(first.valueInPeriod()).isEqualTo("9");       // 5 + 4: the retracted 100 counts as never recorded
        assertThat(first.cumulative()).isEqualTo("19");         // baseline 10 + 9
        assertThat(first.percentOfTarget()).isEqualTo("30.00"); // (19 - 10) / (40 - 10)
        assertThat(first.status()).isEqualTo("BEHIND");         // below the milestone of 20
        assertThat(first.values()).extracting(ResultsFramework.PeriodValue::value).containsExactly("5", "4");

        ResultsFramework.Row second = row("2025", Horizon.NOW, "O1");
        assertThat(second.valueInPeriod()).isEqualTo("11");
        assertThat(second.cumulative()).isEqualTo("30");
        assertThat(second.percentOfTarget()).isEqualTo("66.67"); // 20 / 30 = 66.666…, HALF_UP
        assertThat(second.status()).isEqualTo("ON_TRACK");

        // as of the mistaken value, before its retraction and the correction
        ResultsFramework.Row then = row("2024", new Horizon(mistaken), "O1");
        assertThat(then.valueInPeriod()).isEqualTo("108");
        assertThat(then.cumulative()).isEqualTo("118");
        assertThat(then.percentOfTarget()).isEqualTo("360.00");
        assertThat(then.status()).isEqualTo("ACHIEVED");
    }

    @Test
    void a_latest_indicator_that_should_fall_is_achieved_at_or_below_its_target() {
        register();
        harness.feed(new IndicatorDefined(project, "R1", "Ooteaeg", "päeva", IndicatorKind.RESULT, Measure.NUMBER,
                Aggregation.LATEST, false, new BigDecimal("50"), List.of(), new BigDecimal("20")));
        harness.feed(IndicatorValueRecorded.inClear(project, "R1", "a", "2024", "40", null, null));
        harness.feed(IndicatorValueRecorded.inClear(project, "R1", "b", "2024", "35", null, null));
        harness.feed(IndicatorValueRecorded.inClear(project, "R1", "c", "2025", "20", null, null));

        ResultsFramework.Row first = row("2024", Horizon.NOW, "R1");
        assertThat(first.valueInPeriod()).isEqualTo("35");
        assertThat(first.cumulative()).isEqualTo("35");
        assertThat(first.percentOfTarget()).isEqualTo("50.00"); // (35 - 50) / (20 - 50)
        assertThat(first.status()).isNull();                    // not reached, and no milestone to be behind

        ResultsFramework.Row second = row("2025", Horizon.NOW, "R1");
        assertThat(second.cumulative()).isEqualTo("20");
        assertThat(second.percentOfTarget()).isEqualTo("100.00");
        assertThat(second.status()).isEqualTo("ACHIEVED");
    }
}
