package io.seire.command.setup;

import static io.seire.command.project.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.seire.command.programme.InMemoryProgrammeRegister;
import io.seire.command.programme.ProgrammeTerms;
import io.seire.command.project.Project;
import io.seire.kernel.Recorded;
import io.seire.kernel.RuleViolation.Outcome;
import io.seire.kernel.setup.Aggregation;
import io.seire.kernel.setup.DefineIndicator;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.IndicatorKind;
import io.seire.kernel.setup.Measure;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.RegisterProject;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The changes a registered programme brings to a project's setup, each rule named: the project keeps the programme's
 * currency and names one of its components; its number indicators may count towards the programme's indicators; a
 * text indicator needs no unit.
 */
class ProjectInProgrammeRulesTest {

    static final ProgrammeTerms SWISS_ESTONIAN = ProgrammeTerms.of(PROGRAMME, "EUR", List.of("1.01", "1.02"),
            List.of("P1", "P2"));

    private InMemoryProgrammeRegister programmes;
    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        programmes = new InMemoryProgrammeRegister().programme(SWISS_ESTONIAN);
        fixture = projectFixture(programmes);
    }

    private static RegisterProject register(String programme, String currency, String component) {
        return new RegisterProject(PROJECT, "Kodanikuühiskonna pädevuse suurendamine", programme,
                "SA Kodanikuühiskonna Sihtkapital", currency, FROM, TO, BigDecimal.TEN, List.of(P2024, P2025, P2026),
                component);
    }

    private static ProjectRegistered registeredIn(String programme, String component) {
        return new ProjectRegistered(PROJECT, "Kodanikuühiskonna pädevuse suurendamine", programme,
                "SA Kodanikuühiskonna Sihtkapital", "EUR", FROM, TO, BigDecimal.TEN, List.of(P2024, P2025, P2026),
                component);
    }

    private static DefineIndicator indicator(String code, String unit, Measure measure, String programmeIndicator) {
        boolean text = measure == Measure.TEXT;
        return new DefineIndicator(PROJECT, code, "Näitaja " + code, unit, IndicatorKind.OUTPUT, measure,
                text ? Aggregation.LATEST : Aggregation.SUM, true, text ? null : eur("0"), List.of(),
                text ? null : eur("10"), programmeIndicator);
    }

    private static IndicatorDefined defined(String code, String unit, Measure measure, String programmeIndicator) {
        boolean text = measure == Measure.TEXT;
        return new IndicatorDefined(PROJECT, code, "Näitaja " + code, unit, IndicatorKind.OUTPUT, measure,
                text ? Aggregation.LATEST : Aggregation.SUM, true, text ? null : eur("0"), List.of(),
                text ? null : eur("10"), programmeIndicator);
    }

    @Test
    void a_project_of_a_registered_programme_names_one_of_its_components() {
        fixture.givenNoPriorActivity()
                .when(register(PROGRAMME, "EUR", "1.02"), as(ADMIN))
                .expectEvents(registeredIn(PROGRAMME, "1.02"))
                .expectResultMessagePayload(new Recorded(PROJECT, 0));
        fixture.givenNoPriorActivity()
                .when(register(PROGRAMME, "EUR", "9.99"), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("component-of-the-programme", Outcome.UNPROCESSABLE));
    }

    @Test
    void a_project_of_a_registered_programme_may_name_no_component() {
        fixture.givenNoPriorActivity()
                .when(register(PROGRAMME, "EUR", null), as(ADMIN))
                .expectEvents(registeredIn(PROGRAMME, null));
    }

    @Test
    void a_project_of_a_registered_programme_keeps_its_currency() {
        fixture.givenNoPriorActivity()
                .when(register(PROGRAMME, "CHF", "1.01"), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("project-keeps-the-programme-currency", Outcome.UNPROCESSABLE));
    }

    @Test
    void registration_holds_the_programmes_lock_so_a_programme_registered_at_the_same_moment_sees_the_project() {
        fixture.givenNoPriorActivity()
                .when(register("ESF+", "CHF", null), as(ADMIN))
                .expectSuccessfulHandlerExecution();
        assertThat(programmes.locked).containsExactly("ESF+");
    }

    @Test
    void a_project_whose_programme_is_not_registered_works_as_before() {
        fixture.givenNoPriorActivity()
                .when(register("ESF+", "EUR", null), as(ADMIN))
                .expectEvents(registeredIn("ESF+", null));
        fixture.given(registeredIn("ESF+", null))
                .when(indicator("O1", "tk", Measure.NUMBER, null), as(ADMIN))
                .expectEvents(defined("O1", "tk", Measure.NUMBER, null));
    }

    @Test
    void a_component_needs_a_registered_programme() {
        fixture.givenNoPriorActivity()
                .when(register("ESF+", "EUR", "1.01"), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("component-of-the-programme", Outcome.UNPROCESSABLE));
    }

    @Test
    void a_text_indicator_needs_no_unit() {
        fixture.given(registeredIn(PROGRAMME, "1.01"))
                .when(indicator("T1", null, Measure.TEXT, null), as(ADMIN))
                .expectEvents(defined("T1", "", Measure.TEXT, null));
        fixture.given(registeredIn(PROGRAMME, "1.01"))
                .when(indicator("T1", "", Measure.TEXT, null), as(ADMIN))
                .expectEvents(defined("T1", "", Measure.TEXT, null));
    }

    @Test
    void a_number_or_percentage_indicator_needs_a_unit() {
        fixture.given(registeredIn(PROGRAMME, "1.01"))
                .when(indicator("O1", null, Measure.NUMBER, null), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("indicator-unit-required", Outcome.BAD_REQUEST));
        fixture.given(registeredIn(PROGRAMME, "1.01"))
                .when(indicator("R1", "", Measure.PERCENTAGE, null), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("indicator-unit-required", Outcome.BAD_REQUEST));
    }

    @Test
    void an_indicator_counts_towards_an_indicator_of_the_registered_programme() {
        fixture.given(registeredIn(PROGRAMME, "1.01"))
                .when(indicator("O1", "organisatsioon", Measure.NUMBER, "P2"), as(ADMIN))
                .expectEvents(defined("O1", "organisatsioon", Measure.NUMBER, "P2"));
        fixture.given(registeredIn(PROGRAMME, "1.01"))
                .when(indicator("O1", "organisatsioon", Measure.NUMBER, "P9"), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("programme-indicator-exists", Outcome.UNPROCESSABLE));
        fixture.given(registeredIn("ESF+", null))
                .when(indicator("O1", "organisatsioon", Measure.NUMBER, "P1"), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("programme-indicator-exists", Outcome.UNPROCESSABLE));
    }

    @Test
    void only_number_indicators_count_towards_a_programme_indicator() {
        fixture.given(registeredIn(PROGRAMME, "1.01"))
                .when(indicator("R1", "%", Measure.PERCENTAGE, "P1"), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("only-number-indicators-count-for-the-programme", Outcome.UNPROCESSABLE));
        fixture.given(registeredIn(PROGRAMME, "1.01"))
                .when(indicator("T1", "dokument", Measure.TEXT, "P1"), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("only-number-indicators-count-for-the-programme", Outcome.UNPROCESSABLE));
    }
}
