package io.seire.command.setup;

import static io.seire.command.project.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.project.Project;
import io.seire.command.reporting.ChainHeads;
import io.seire.kernel.reporting.ReportKind;
import io.seire.kernel.reporting.ReportSubmitted;
import io.seire.kernel.reporting.Signatory;
import io.seire.kernel.reporting.SubmitReport;
import io.seire.kernel.setup.Partner;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.RegisterProject;
import io.seire.platform.eventstore.StoredJson;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the monitoring report's header and signature block need (issue 13): the contract number and partners of a
 * project, the author and the confirming person of a report; and events stored before they existed still read.
 */
class ContractAndSignatoriesTest {

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = projectFixture();
        fixture.registerInjectableResource((ChainHeads) (project, sequence) -> "ab".repeat(32));
    }

    private static RegisterProject register(String contract, List<Partner> partners) {
        return new RegisterProject(PROJECT, "Kodanikuühiskonna pädevuse suurendamine", PROGRAMME,
                "SA Kodanikuühiskonna Sihtkapital", "EUR", FROM, TO, BigDecimal.TEN, List.of(P2024, P2025, P2026), null,
                contract, partners);
    }

    @Test
    void the_contract_number_and_partners_are_recorded_blank_country_and_role_as_none() {
        fixture.givenNoPriorActivity()
                .when(register("SIM-2024/0042", List.of(new Partner("Berner Fachhochschule", "CH", " "))), as(ADMIN))
                .expectEvents(new ProjectRegistered(PROJECT, "Kodanikuühiskonna pädevuse suurendamine", PROGRAMME,
                        "SA Kodanikuühiskonna Sihtkapital", "EUR", FROM, TO, BigDecimal.TEN, List.of(P2024, P2025, P2026),
                        null, "SIM-2024/0042", List.of(new Partner("Berner Fachhochschule", "CH", null))));
    }

    @Test
    void partner_named() {
        fixture.givenNoPriorActivity()
                .when(register(null, List.of(new Partner(" ", "LT", null))), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("partner-named"));
    }

    @Test
    void signatory_complete() {
        fixture.given(registered())
                .when(new SubmitReport(PROJECT, "R1", "2024", ReportKind.INTERIM, "Hinnang",
                        new Signatory("Evelyn Valtin", "Projektijuht"), new Signatory("Tiina Oraste", " ")), as(MANAGER))
                .expectNoEvents()
                .expectException(violates("signatory-complete"));
    }

    @Test
    void events_stored_before_there_were_partners_or_signatories_still_read() throws Exception {
        ObjectMapper json = StoredJson.mapper();
        ProjectRegistered old = json.readValue("{\"projectId\":\"P\",\"name\":\"Projekt\",\"programme\":\"G\","
                + "\"beneficiary\":\"SA\",\"currency\":\"EUR\",\"eligibleFrom\":\"2024-06-01\",\"eligibleTo\":\"2028-07-31\","
                + "\"flexibilityPercent\":10,\"reportingPeriods\":[],\"component\":null}", ProjectRegistered.class);
        assertThat(old.contractNumber()).isNull();
        assertThat(old.partners()).isEmpty();
        ReportSubmitted report = json.readValue("{\"projectId\":\"P\",\"reportId\":\"R1\",\"period\":\"2024\","
                + "\"kind\":\"INTERIM\",\"assessment\":\"Hinnang\",\"composedFromSequence\":12,\"chainHead\":\"ab\"}",
                ReportSubmitted.class);
        assertThat(report.author()).isNull();
        assertThat(report.confirmedBy()).isNull();
        // and new ones round-trip with their Lithuanian and Cyrillic letters
        ProjectRegistered now = new ProjectRegistered("P", "Projektas ąčęėįšųūž", "G", "SA", "EUR", FROM, TO,
                BigDecimal.TEN, List.of(), null, "LT-Ž-7", List.of(new Partner("Нарвский центр", "EE", "партнёр")));
        assertThat(json.readValue(json.writeValueAsString(now), ProjectRegistered.class)).isEqualTo(now);
    }
}
