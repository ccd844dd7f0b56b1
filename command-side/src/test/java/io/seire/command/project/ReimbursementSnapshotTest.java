package io.seire.command.project;

import static io.seire.command.project.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.reimbursement.ClaimFigures;
import io.seire.kernel.reimbursement.ClaimLine;
import io.seire.kernel.reimbursement.ClaimSource;
import io.seire.kernel.reimbursement.ClaimedExpenditure;
import io.seire.kernel.reimbursement.ExchangeRate;
import io.seire.kernel.reimbursement.Exclusion;
import io.seire.kernel.reimbursement.ReimbursementPaymentRecorded;
import io.seire.kernel.reimbursement.ReimbursementRequestApproved;
import io.seire.kernel.reimbursement.ReimbursementRequestReturned;
import io.seire.kernel.reimbursement.ReimbursementRequested;
import io.seire.platform.eventstore.EventVersionResolver;
import io.seire.platform.eventstore.StoredJson;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** A snapshot of a project with reimbursement requests restores which request holds which expenditure. */
class ReimbursementSnapshotTest {

    static ClaimFigures figures(List<String> ids, String amount) {
        return new ClaimFigures(ids, List.of(new ClaimLine("S", "STAFF", eur(amount))), eur(amount),
                List.of(new ClaimSource("CH", new BigDecimal("85"), true, eur(amount)),
                        new ClaimSource("EE", new BigDecimal("15"), false, eur("0.00"))), eur(amount), eur(amount));
    }

    static ReimbursementRequested requested(String id, String from, String to, String... expenditures) {
        return new ReimbursementRequested(PROJECT, id, PROGRAMME, date(from), date(to),
                new ExchangeRate(new BigDecimal("0.9412"), date("2025-07-01"), "ECB"), "CHF",
                java.util.Arrays.stream(expenditures).map(e -> new ClaimedExpenditure(e, "S", eur("10.00"))).toList(),
                figures(List.of(expenditures), "10.00"));
    }

    @Test
    void a_snapshot_restores_every_request_and_what_it_holds() {
        // the n-th event has sequence number n, as the recorded ones below had when they were given by hand
        List<Object> events = new java.util.ArrayList<>();
        events.add(registered());
        events.add(subActivity("1"));
        events.add(line("S", "1", "STAFF", "1000.00"));
        for (int i = 1; i <= 4; i++) {
            events.add(new ExpenditureRecorded(PROJECT, "E" + i, "S", eur("10.00"), date("2025-0" + i + "-01"),
                    date("2025-0" + i + "-01"), null, null, null, false, null));
        }
        events.add(requested("R1", "2025-01-01", "2025-02-28", "E1", "E2"));
        events.add(new ReimbursementRequestApproved(PROJECT, "R1", List.of(new Exclusion("E2", "Arve puudub")), "Osaliselt",
                figures(List.of("E1"), "10.00"), "CHF"));
        events.add(new ReimbursementPaymentRecorded(PROJECT, "R1", date("2025-05-01"), eur("10.00"), "CHF"));
        events.add(requested("R2", "2025-03-01", "2025-03-31", "E2", "E3"));
        events.add(new ReimbursementRequestReturned(PROJECT, "R2", "Vale kurss"));
        events.add(requested("R3", "2025-04-01", "2025-04-30", "E2", "E3", "E4"));
        Project project = replay(events.toArray());

        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(StoredJson.mapper())
                .revisionResolver(new EventVersionResolver()).build();
        SerializedObject<byte[]> snapshot = serializer.serialize(project, byte[].class);
        Project restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(project);
        assertThat(new String(snapshot.getData(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"E1\":\"R1\"", "\"E2\":\"R3\"", "\"E4\":\"R3\"")
                .contains("\"excluded\":[\"E2\"]");
    }
}
