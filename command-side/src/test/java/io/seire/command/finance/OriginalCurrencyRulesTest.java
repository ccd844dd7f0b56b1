package io.seire.command.finance;

import static io.seire.command.project.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.project.Project;
import io.seire.kernel.finance.CorrectExpenditure;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureDetails;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.finance.OriginalAmount;
import io.seire.kernel.finance.RecordExpenditure;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules for an expenditure invoiced in another currency, each named. The project's currency is EUR. */
class OriginalCurrencyRulesTest {

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = projectFixture();
    }

    private TestExecutor<Project> given(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(registered(), subActivity("1"),
                line("S", "1", "STAFF", "5000.00")));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    static OriginalAmount chf(String amount, String rate) {
        return new OriginalAmount(new BigDecimal(amount), "CHF", new BigDecimal(rate), date("2024-07-01"),
                "Eesti Pank, päevakurss");
    }

    static ExpenditureDetails spend(String amount, OriginalAmount original) {
        return new ExpenditureDetails("S", amount == null ? null : eur(amount), date("2024-07-01"), null, "Šveitsi AG",
                "CH-1", "Koolitus", original);
    }

    static RecordExpenditure record(String id, ExpenditureDetails d) {
        return new RecordExpenditure(PROJECT, id, d, false, null);
    }

    static ExpenditureRecorded recorded(String id, String amount, OriginalAmount original) {
        return new ExpenditureRecorded(PROJECT, id, "S", eur(amount), date("2024-07-01"), null, "Šveitsi AG", "CH-1",
                io.seire.kernel.PersonalText.recordedInClear("Koolitus"), false, null, original);
    }

    @Test
    void amount_left_out_is_original_amount_times_rate() {
        given().when(record("E1", spend(null, chf("1000.00", "1.064"))), as(FINANCE))
                .expectEvents(recorded("E1", "1064.00", chf("1000.00", "1.064")));
    }

    @Test
    void amount_left_out_is_rounded_half_up_to_the_minor_unit() {
        // 10.05 × 1.5 = 15.075 → 15.08 (HALF_EVEN would give 15.08 too; 10.15 × 1.5 = 15.225 → 15.23, HALF_EVEN 15.22)
        given().when(record("E1", spend(null, chf("10.15", "1.5"))), as(FINANCE))
                .expectEvents(recorded("E1", "15.23", chf("10.15", "1.5")));
    }

    @Test
    void amount_given_must_agree_with_original_to_the_minor_unit() {
        given().when(record("E1", spend("1064.00", chf("1000.00", "1.064"))), as(FINANCE))
                .expectEvents(recorded("E1", "1064.00", chf("1000.00", "1.064")));
        given().when(record("E1", spend("1064.01", chf("1000.00", "1.064"))), as(FINANCE))
                .expectNoEvents().expectException(violates(Originals.AGREES));
    }

    @Test
    void original_currency_differs_from_the_project_currency() {
        OriginalAmount inEuro = new OriginalAmount(new BigDecimal("10.00"), "EUR", BigDecimal.ONE, date("2024-07-01"), null);
        given().when(record("E1", spend(null, inEuro)), as(FINANCE))
                .expectNoEvents().expectException(violates(Originals.CURRENCY_DIFFERS));
    }

    @Test
    void original_currency_is_an_iso_4217_code() {
        OriginalAmount bad = new OriginalAmount(new BigDecimal("10.00"), "XYZ", BigDecimal.ONE, date("2024-07-01"), null);
        given().when(record("E1", spend(null, bad)), as(FINANCE))
                .expectNoEvents().expectException(violates("currency-iso-4217"));
    }

    @Test
    void rate_positive_up_to_six_decimals() {
        given().when(record("E1", spend(null, chf("10.00", "0"))), as(FINANCE))
                .expectNoEvents().expectException(violates(Originals.RATE));
        given().when(record("E1", spend(null, chf("10.00", "-1.2"))), as(FINANCE))
                .expectNoEvents().expectException(violates(Originals.RATE));
        given().when(record("E1", spend(null, chf("10.00", "1.0640001"))), as(FINANCE))
                .expectNoEvents().expectException(violates(Originals.RATE));
        given().when(record("E1", spend(null, chf("10.00", "1.064001"))), as(FINANCE))
                .expectEvents(recorded("E1", "10.64", chf("10.00", "1.064001")));
    }

    @Test
    void original_amount_with_the_original_currencys_minor_digits() {
        given().when(record("E1", spend(null, chf("10.001", "1.064"))), as(FINANCE))
                .expectNoEvents().expectException(violates(Originals.AMOUNT_FITS));
        OriginalAmount yen = new OriginalAmount(new BigDecimal("1000.5"), "JPY", new BigDecimal("0.0062"),
                date("2024-07-01"), null);
        given().when(record("E1", spend(null, yen)), as(FINANCE))
                .expectNoEvents().expectException(violates(Originals.AMOUNT_FITS));
    }

    @Test
    void a_correction_with_a_new_rate_recomputes_the_amount() {
        given(recorded("E1", "1064.00", chf("1000.00", "1.064")))
                .when(new CorrectExpenditure(PROJECT, "E1", null, null, null, null, null, null, null, false,
                        "Vale kurss", chf("1000.00", "1.07")), as(FINANCE))
                .expectEvents(new ExpenditureCorrected(PROJECT, "E1", "S", eur("1070.00"), date("2024-07-01"), null,
                        "Šveitsi AG", "CH-1", io.seire.kernel.PersonalText.recordedInClear("Koolitus"), "Vale kurss",
                        chf("1000.00", "1.07")));
    }

    @Test
    void a_correction_of_the_amount_alone_must_agree_with_the_original() {
        given(recorded("E1", "1064.00", chf("1000.00", "1.064")))
                .when(new CorrectExpenditure(PROJECT, "E1", null, eur("1000.00"), null, null, null, null, null, false,
                        "Vale summa"), as(FINANCE))
                .expectNoEvents().expectException(violates(Originals.AGREES));
    }

    @Test
    void events_stored_before_there_were_originals_still_read() throws Exception {
        ObjectMapper json = io.seire.platform.eventstore.StoredJson.mapper();
        String old = "{\"projectId\":\"P\",\"expenditureId\":\"E1\",\"budgetLine\":\"S\",\"amount\":100.00,"
                + "\"incurredOn\":\"2024-07-01\",\"paidOn\":null,\"supplier\":\"OÜ\",\"invoice\":null,"
                + "\"description\":null,\"allowDuplicateInvoice\":false,\"corrects\":null}";
        ExpenditureRecorded recorded = json.readValue(old, ExpenditureRecorded.class);
        assertNull(recorded.original());
        assertEquals(new BigDecimal("100.00"), recorded.amount());
        String oldCorrection = "{\"projectId\":\"P\",\"expenditureId\":\"E1\",\"budgetLine\":\"S\",\"amount\":90.00,"
                + "\"incurredOn\":\"2024-07-01\",\"reason\":\"parandus\"}";
        ExpenditureCorrected corrected = json.readValue(oldCorrection, ExpenditureCorrected.class);
        assertNull(corrected.original());
        assertEquals("parandus", corrected.reason());
        // and a new one round-trips with its original, Estonian letters included
        ExpenditureRecorded now = recorded("E2", "1064.00", chf("1000.00", "1.064"));
        assertEquals(now, json.readValue(json.writeValueAsString(now), ExpenditureRecorded.class));
    }
}
