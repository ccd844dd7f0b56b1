package io.seire.command.results;

import static io.seire.command.project.Fixtures.*;

import io.seire.command.project.Project;
import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.kernel.progress.ProgressStatus;
import io.seire.kernel.progress.ReportActivityProgress;
import io.seire.kernel.results.CorrectIndicatorValue;
import io.seire.kernel.results.IndicatorValueCorrected;
import io.seire.kernel.results.IndicatorValueRecorded;
import io.seire.kernel.results.IndicatorValueRetracted;
import io.seire.kernel.results.RecordIndicatorValue;
import io.seire.kernel.results.RetractIndicatorValue;
import io.seire.kernel.setup.Aggregation;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.IndicatorKind;
import io.seire.kernel.setup.Measure;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of indicator values and progress reports, each named. */
class IndicatorValueRulesTest {

    static final IndicatorDefined SUM = indicator("O1", Measure.NUMBER, Aggregation.SUM);
    static final IndicatorDefined LATEST = indicator("R1", Measure.PERCENTAGE, Aggregation.LATEST);
    static final IndicatorDefined MAX = indicator("R2", Measure.NUMBER, Aggregation.MAX);
    static final IndicatorDefined TEXT = new IndicatorDefined(PROJECT, "T1", "Tegevuskava", "dokument",
            IndicatorKind.OUTPUT, Measure.TEXT, Aggregation.LATEST, true, null, List.of(), null);

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = projectFixture();
    }

    static IndicatorDefined indicator(String code, Measure measure, Aggregation aggregation) {
        return new IndicatorDefined(PROJECT, code, "Näitaja " + code, "tk", IndicatorKind.OUTPUT, measure, aggregation,
                true, eur("0"), List.of(), eur("100"));
    }

    private TestExecutor<Project> given(Object... more) {
        List<Object> events = new ArrayList<>(List.of(registered(), subActivity("1"), SUM, LATEST, MAX, TEXT));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    static RecordIndicatorValue value(String indicator, String id, String period, String value) {
        return new RecordIndicatorValue(PROJECT, indicator, id, period, value, "märkus", "https://näide.ee/tõend");
    }

    static IndicatorValueRecorded recorded(String indicator, String id, String period, String value) {
        return IndicatorValueRecorded.inClear(PROJECT, indicator, id, period, value, "märkus", "https://näide.ee/tõend");
    }

    @Test
    void a_value_is_recorded_for_an_existing_period() {
        given().when(value("O1", "V1", "2024", "3"), as(MANAGER)).expectEvents(recorded("O1", "V1", "2024", "3"));
        given().when(value("O1", "V1", "2031", "3"), as(MANAGER)).expectNoEvents()
                .expectException(violates("period-exists"));
    }

    @Test
    void the_indicator_exists() {
        given().when(value("X9", "V1", "2024", "3"), as(MANAGER)).expectException(violates("indicator-exists"));
    }

    @Test
    void the_value_fits_the_measure() {
        given().when(value("O1", "V1", "2024", "kolm"), as(MANAGER)).expectException(violates("value-fits-measure"));
        given().when(value("R1", "V1", "2024", "101"), as(MANAGER)).expectException(violates("value-fits-measure"));
        given().when(value("R1", "V1", "2024", "-1"), as(MANAGER)).expectException(violates("value-fits-measure"));
        given().when(value("R1", "V1", "2024", "99.5"), as(MANAGER)).expectEvents(recorded("R1", "V1", "2024", "99.5"));
        given().when(value("T1", "V1", "2024", "Tegevuskava kinnitatud 🎉"), as(MANAGER))
                .expectEvents(recorded("T1", "V1", "2024", "Tegevuskava kinnitatud 🎉"));
        given().when(value("T1", "V1", "2024", " "), as(MANAGER)).expectException(violates("value-fits-measure"));
    }

    @Test
    void a_number_has_at_most_15_digits_before_and_10_after_the_decimal_point() {
        given().when(value("O1", "V1", "2024", "1234567890123456"), as(MANAGER))
                .expectException(violates("value-fits-measure"));
        given().when(value("O1", "V1", "2024", "1." + "0".repeat(2000)), as(MANAGER))
                .expectException(violates("value-fits-measure"));
        given().when(value("O1", "V1", "2024", "123456789012345.0123456789"), as(MANAGER))
                .expectEvents(recorded("O1", "V1", "2024", "123456789012345.0123456789"));
    }

    @Test
    void a_second_latest_or_max_value_for_a_period_replaces_the_first_only_through_a_correction() {
        given(recorded("R1", "V1", "2024", "20")).when(value("R1", "V2", "2024", "25"), as(MANAGER))
                .expectNoEvents().expectException(violates("one-value-per-period"));
        given(recorded("R2", "V1", "2024", "20")).when(value("R2", "V2", "2024", "25"), as(MANAGER))
                .expectNoEvents().expectException(violates("one-value-per-period"));
        given(recorded("R1", "V1", "2024", "20")).when(value("R1", "V2", "2025", "25"), as(MANAGER))
                .expectSuccessfulHandlerExecution();
        given(recorded("O1", "V1", "2024", "2")).when(value("O1", "V2", "2024", "3"), as(MANAGER))
                .expectSuccessfulHandlerExecution();
        given(recorded("R1", "V1", "2024", "20"))
                .when(new CorrectIndicatorValue(PROJECT, "R1", "V1", "25", "Uuringu lõpptulemus"), as(MANAGER))
                .expectEvents(new IndicatorValueCorrected(PROJECT, "R1", "V1", "25", "Uuringu lõpptulemus"));
        given(recorded("R1", "V1", "2024", "20"), new IndicatorValueRetracted(PROJECT, "R1", "V1", "vale"))
                .when(value("R1", "V2", "2024", "25"), as(MANAGER)).expectSuccessfulHandlerExecution();
    }

    @Test
    void corrections_and_retractions_carry_a_reason() {
        given(recorded("O1", "V1", "2024", "2"))
                .when(new CorrectIndicatorValue(PROJECT, "O1", "V1", "3", ""), as(MANAGER))
                .expectException(violates("reason-required"));
        given(recorded("O1", "V1", "2024", "2"))
                .when(new RetractIndicatorValue(PROJECT, "O1", "V1", null), as(MANAGER))
                .expectException(violates("reason-required"));
        given(recorded("O1", "V1", "2024", "2"), new IndicatorValueRetracted(PROJECT, "O1", "V1", "vale"))
                .when(new CorrectIndicatorValue(PROJECT, "O1", "V1", "3", "uus"), as(MANAGER))
                .expectException(violates("value-not-retracted"));
    }

    @Test
    void only_managers_of_the_project_record_values() {
        given().when(value("O1", "V1", "2024", "3"), as(FINANCE)).expectException(violates("role-allows-write"));
    }

    @Test
    void a_progress_report_names_a_known_sub_activity_and_period_and_has_a_summary() {
        ReportActivityProgress report = new ReportActivityProgress(PROJECT, "1", "2024", ProgressStatus.ON_TRACK,
                "Koostati hankeplaan", null, null, "Kaardistus 2025. a. I-II kvartalis");
        given().when(report, as(MANAGER)).expectEvents(ActivityProgressReported.inClear(PROJECT, "1", "2024",
                ProgressStatus.ON_TRACK, "Koostati hankeplaan", null, null, "Kaardistus 2025. a. I-II kvartalis"));
        given().when(new ReportActivityProgress(PROJECT, "9", "2024", ProgressStatus.ON_TRACK, "x", null, null, null),
                as(MANAGER)).expectException(violates("sub-activity-exists"));
        given().when(new ReportActivityProgress(PROJECT, "1", "1999", ProgressStatus.ON_TRACK, "x", null, null, null),
                as(MANAGER)).expectException(violates("period-exists"));
        given().when(new ReportActivityProgress(PROJECT, "1", "2024", ProgressStatus.ON_TRACK, " ", null, null, null),
                as(MANAGER)).expectException(violates("field-required"));
    }
}
