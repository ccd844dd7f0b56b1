package io.seire.command.programme;

import static io.seire.command.project.Fixtures.ADMIN;
import static io.seire.command.project.Fixtures.LIAISON;
import static io.seire.command.project.Fixtures.as;
import static io.seire.command.project.Fixtures.violates;
import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.Recorded;
import io.seire.kernel.RuleViolation.Outcome;
import io.seire.kernel.programme.FundingSource;
import io.seire.kernel.programme.ProgrammeComponent;
import io.seire.kernel.programme.ProgrammeEvent;
import io.seire.kernel.programme.ProgrammeIndicator;
import io.seire.kernel.programme.ProgrammeRegistered;
import io.seire.kernel.programme.RegisterProgramme;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of a programme's registration, each named, as given / when / expect. */
class ProgrammeRulesTest {

    static final String ID = "Šveitsi-Eesti koostööprogramm";
    static final FundingSource SWISS = new FundingSource("CH", "Šveitsi toetus", new BigDecimal("85"), true);
    static final FundingSource NATIONAL = new FundingSource("EE", "Riiklik kaasfinantseering", new BigDecimal("15"), false);
    static final List<ProgrammeComponent> COMPONENTS = List.of(new ProgrammeComponent("1.01", "Kodanikuühiskond"),
            new ProgrammeComponent("1.02", "Sotsiaalne innovatsioon"));
    static final List<ProgrammeIndicator> INDICATORS = List.of(
            new ProgrammeIndicator("P1", "Nõustatud organisatsioonid", "organisatsioon"));

    private AggregateTestFixture<Programme> fixture;
    private InMemoryProgrammeRegister register;

    @BeforeEach
    void setUp() {
        register = new InMemoryProgrammeRegister();
        fixture = new AggregateTestFixture<>(Programme.class);
        fixture.registerCommandTargetResolver(command -> new VersionedAggregateIdentifier(
                ProgrammeEvent.stream(((RegisterProgramme) command.getPayload()).programmeId()), null));
        fixture.registerInjectableResource(register);
    }

    static RegisterProgramme register(String currency, String claimCurrency, String ceiling, List<FundingSource> sources,
                                      List<ProgrammeComponent> components, List<ProgrammeIndicator> indicators) {
        return new RegisterProgramme(ID, "Šveitsi-Eesti koostööprogramm", currency, claimCurrency,
                ceiling == null ? null : new BigDecimal(ceiling), sources, components, indicators);
    }

    static RegisterProgramme withSources(FundingSource... sources) {
        return register("EUR", "CHF", "1000000.00", List.of(sources), COMPONENTS, INDICATORS);
    }

    static ProgrammeRegistered registered() {
        return new ProgrammeRegistered(ID, "Šveitsi-Eesti koostööprogramm", "EUR", "CHF", new BigDecimal("1000000.00"),
                List.of(SWISS, NATIONAL), COMPONENTS, INDICATORS);
    }

    static FundingSource source(String code, String share, boolean claimable) {
        return new FundingSource(code, "Allikas " + code, new BigDecimal(share), claimable);
    }

    @Test
    void a_valid_programme_is_registered_in_a_stream_of_its_own() {
        fixture.givenNoPriorActivity()
                .when(withSources(SWISS, NATIONAL), as(ADMIN))
                .expectEvents(registered())
                .expectResultMessagePayload(new Recorded(ID, 0))
                .expectState(programme -> assertThat(programme).extracting("stream")
                        .isEqualTo("programme/" + ID));
        assertThat(register.locked).containsExactly(ID);
    }

    @Test
    void only_an_administrator_registers_programmes() {
        fixture.givenNoPriorActivity()
                .when(withSources(SWISS, NATIONAL), as(LIAISON))
                .expectNoEvents()
                .expectException(violates("role-allows-write", Outcome.FORBIDDEN));
    }

    @Test
    void a_programme_id_is_registered_once() {
        fixture.given(registered())
                .when(withSources(SWISS, NATIONAL), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("programme-id-unique", Outcome.CONFLICT));
    }

    @Test
    void a_programme_id_cannot_contain_a_slash_so_its_stream_meets_no_other() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProgramme("ESF+/2021", "ESF+", "EUR", "EUR", new BigDecimal("10.00"),
                        List.of(SWISS, NATIONAL), List.of(), List.of()), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("id-format", Outcome.BAD_REQUEST));
    }

    @Test
    void funding_shares_add_up_to_exactly_100() {
        fixture.givenNoPriorActivity()
                .when(withSources(SWISS, source("EE", "14.99", false)), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("funding-shares-add-up-to-100", Outcome.BAD_REQUEST));
        fixture.givenNoPriorActivity()
                .when(withSources(SWISS, source("EE", "15.01", false)), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("funding-shares-add-up-to-100", Outcome.BAD_REQUEST));
        fixture.givenNoPriorActivity()
                .when(withSources(source("A", "33.33", true), source("B", "33.33", false), source("C", "33.34", false)),
                        as(ADMIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_funding_share_is_more_than_0_and_at_most_100() {
        fixture.givenNoPriorActivity()
                .when(withSources(source("CH", "100", true), source("EE", "0", false)), as(ADMIN))
                .expectException(violates("funding-share-range", Outcome.BAD_REQUEST));
        fixture.givenNoPriorActivity()
                .when(withSources(source("CH", "110", true), source("EE", "-10", false)), as(ADMIN))
                .expectException(violates("funding-share-range", Outcome.BAD_REQUEST));
    }

    @Test
    void at_least_one_funding_source_is_claimable() {
        fixture.givenNoPriorActivity()
                .when(withSources(source("CH", "85", false), source("EE", "15", false)), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("a-funding-source-is-claimable", Outcome.BAD_REQUEST));
    }

    @Test
    void a_programme_has_a_funding_source() {
        fixture.givenNoPriorActivity()
                .when(withSources(), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("funding-sources-required", Outcome.BAD_REQUEST));
    }

    @Test
    void codes_unique_within_each_list() {
        fixture.givenNoPriorActivity()
                .when(withSources(source("CH", "85", true), source("CH", "15", false)), as(ADMIN))
                .expectException(violates("programme-codes-unique", Outcome.BAD_REQUEST));
        fixture.givenNoPriorActivity()
                .when(register("EUR", "CHF", "10.00", List.of(SWISS, NATIONAL), List.of(COMPONENTS.get(0),
                        new ProgrammeComponent("1.01", "Teine")), INDICATORS), as(ADMIN))
                .expectException(violates("programme-codes-unique", Outcome.BAD_REQUEST));
        fixture.givenNoPriorActivity()
                .when(register("EUR", "CHF", "10.00", List.of(SWISS, NATIONAL), COMPONENTS, List.of(INDICATORS.get(0),
                        new ProgrammeIndicator("P1", "Teine", "tk"))), as(ADMIN))
                .expectException(violates("programme-codes-unique", Outcome.BAD_REQUEST));
        // the same code in two different lists is fine
        fixture.givenNoPriorActivity()
                .when(register("EUR", "CHF", "10.00", List.of(SWISS, NATIONAL), List.of(new ProgrammeComponent("CH",
                        "Šveits")), List.of(new ProgrammeIndicator("CH", "Šveits", "tk"))), as(ADMIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void programme_indicators_have_a_unit() {
        fixture.givenNoPriorActivity()
                .when(register("EUR", "CHF", "10.00", List.of(SWISS, NATIONAL), COMPONENTS,
                        List.of(new ProgrammeIndicator("P1", "Nõustatud", " "))), as(ADMIN))
                .expectException(violates("field-required", Outcome.BAD_REQUEST));
    }

    @Test
    void currencies_are_iso_4217_codes() {
        fixture.givenNoPriorActivity()
                .when(register("EURO", "CHF", "10.00", List.of(SWISS, NATIONAL), COMPONENTS, INDICATORS), as(ADMIN))
                .expectException(violates("currency-iso-4217", Outcome.BAD_REQUEST));
        fixture.givenNoPriorActivity()
                .when(register("EUR", "SFR", "10.00", List.of(SWISS, NATIONAL), COMPONENTS, INDICATORS), as(ADMIN))
                .expectException(violates("currency-iso-4217", Outcome.BAD_REQUEST));
    }

    @Test
    void the_ceiling_is_positive_money_in_the_claim_currency() {
        fixture.givenNoPriorActivity()
                .when(register("EUR", "CHF", "0", List.of(SWISS, NATIONAL), COMPONENTS, INDICATORS), as(ADMIN))
                .expectException(violates("amount-positive-with-minor-digits", Outcome.BAD_REQUEST));
        fixture.givenNoPriorActivity()
                .when(register("EUR", "CHF", "1000.001", List.of(SWISS, NATIONAL), COMPONENTS, INDICATORS), as(ADMIN))
                .expectException(violates("amount-positive-with-minor-digits", Outcome.BAD_REQUEST));
        // whole yen only: the claim currency's minor unit decides, not the programme's currency
        fixture.givenNoPriorActivity()
                .when(register("EUR", "JPY", "1000.50", List.of(SWISS, NATIONAL), COMPONENTS, INDICATORS), as(ADMIN))
                .expectException(violates("amount-positive-with-minor-digits", Outcome.BAD_REQUEST));
        fixture.givenNoPriorActivity()
                .when(register("EUR", "CHF", null, List.of(SWISS, NATIONAL), COMPONENTS, INDICATORS), as(ADMIN))
                .expectException(violates("amount-positive-with-minor-digits", Outcome.BAD_REQUEST));
    }

    @Test
    void projects_already_naming_the_programme_keep_its_currency() {
        register.project("Šveits.1.01.25-0006", ID, "EUR").project("Šveits.1.01.25-0007", ID, "CHF")
                .project("ESF-1", "ESF+", "CHF");
        fixture.givenNoPriorActivity()
                .when(withSources(SWISS, NATIONAL), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("projects-keep-the-programme-currency", Outcome.UNPROCESSABLE));
        assertThat(register.locked).containsExactly(ID);
        register.project("Šveits.1.01.25-0007", "ESF+", "CHF");
        fixture.givenNoPriorActivity()
                .when(withSources(SWISS, NATIONAL), as(ADMIN))
                .expectEvents(registered());
    }
}
