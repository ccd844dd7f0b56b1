package io.seire.command.personaldata;

import static io.seire.command.project.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.command.finance.ClaimedExpenditures;
import io.seire.command.finance.Ledger;
import io.seire.command.progress.ActivityProgress;
import io.seire.command.project.Outcome;
import io.seire.command.reporting.PeriodLocks;
import io.seire.command.results.IndicatorValues;
import io.seire.command.setup.ProjectSetup;
import io.seire.kernel.PersonalText;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.finance.CorrectExpenditure;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureDetails;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.finance.ImportExpenditures;
import io.seire.kernel.finance.ImportRow;
import io.seire.kernel.finance.RecordExpenditure;
import io.seire.kernel.personaldata.FreeTextRedacted;
import io.seire.kernel.personaldata.RedactFreeText;
import io.seire.kernel.personaldata.RedactedRecord;
import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.kernel.progress.ProgressStatus;
import io.seire.kernel.progress.ReportActivityProgress;
import io.seire.kernel.results.IndicatorValueRecorded;
import io.seire.kernel.results.RecordIndicatorValue;
import io.seire.kernel.setup.Aggregation;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.IndicatorKind;
import io.seire.kernel.setup.Measure;
import io.seire.platform.personaldata.PersonalData;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Free text is sealed under a key per record and field, the same for every version of the record, and redacting one
 * field destroys only that field's key (ADR 0037). The capabilities decide as the project aggregate has them decide,
 * fed by their own events.
 */
class FreeTextRulesTest {

    /** Keys of this test's own: every test records the same ids. */
    private final PersonalData personalData = io.seire.platform.testing.InMemoryDataKeys.personalData();
    private ProjectSetup setup;
    private Ledger ledger;
    private IndicatorValues values;
    private FreeTexts texts;
    private final PeriodLocks locks = new PeriodLocks();
    private long sequence = 10;

    @BeforeEach
    void books() {
        setup = new ProjectSetup();
        ledger = new Ledger();
        values = new IndicatorValues();
        texts = new FreeTexts();
        setup.on(registered());
        setup.on(subActivity("1"));
        setup.on(line("S", "1", "SERVICES", "100000.00"));
        setup.on(new IndicatorDefined(PROJECT, "O1", "Näitaja", "tk", IndicatorKind.OUTPUT, Measure.NUMBER,
                Aggregation.SUM, true, eur("0"), List.of(), eur("100")));
    }

    private static ExpenditureDetails spend(String description) {
        return new ExpenditureDetails("S", eur("100.00"), date("2024-07-01"), null, "OÜ Tarnija", null, description);
    }

    private ExpenditureRecorded record(String id, String description) {
        ExpenditureRecorded e = ((Outcome.New<ExpenditureRecorded>) ledger.decide(new RecordExpenditure(PROJECT, id,
                spend(description), false, null), setup, locks, ClaimedExpenditures.NONE, texts, personalData)).event();
        ledger.on(e, sequence++, setup);
        texts.on(e);
        return e;
    }

    private ExpenditureCorrected correct(String id, String amount, String description) {
        ExpenditureCorrected e = ledger.decide(new CorrectExpenditure(PROJECT, id, null, amount == null ? null
                        : eur(amount), null, null, null, null, description, false, "parandus"), setup, locks,
                ClaimedExpenditures.NONE, texts, personalData);
        ledger.on(e, setup);
        texts.on(e);
        return e;
    }

    private FreeTextRedacted redact(RedactedRecord kind, String scope, String id, String... fields) {
        FreeTextRedacted e = texts.decide(new RedactFreeText(PROJECT, kind, scope, id, List.of(fields),
                "Andmesubjekti taotlus"), personalData);
        texts.on(e);
        return e;
    }

    private String open(PersonalText text) {
        return personalData.open(text, PersonalData.REDACTED);
    }

    @Test
    void a_description_is_sealed_never_in_the_clear_and_opens_to_what_was_given() {
        ExpenditureRecorded e = record("E1", "Koolitus, juhendaja Mari Tamm");
        assertThat(e.description().keyId()).isNotNull();
        assertThat(e.description().legacyClear()).isNull();
        assertThat(e.description().ciphertext()).doesNotContain("Tamm");
        assertThat(e.toString()).doesNotContain("Tamm");
        assertThat(open(e.description())).isEqualTo("Koolitus, juhendaja Mari Tamm");
        assertThat(record("E2", null).description()).as("no text, no key").isNull();
        assertThat(record("E3", "  ").description()).isNull();
    }

    @Test
    void a_correction_seals_under_the_same_key_and_one_redaction_covers_every_version() {
        ExpenditureRecorded first = record("E1", "Sõit, Mari Tamm");
        ExpenditureCorrected second = correct("E1", null, "Sõidukulu, Mari Tamm Tartu");
        assertThat(second.description().keyId()).isEqualTo(first.description().keyId());
        assertThat(open(second.description())).isEqualTo("Sõidukulu, Mari Tamm Tartu");
        ExpenditureCorrected third = correct("E1", "90.00", null);
        assertThat(third.description()).as("a correction that leaves it out carries it as it was")
                .isEqualTo(second.description());

        redact(RedactedRecord.EXPENDITURE, null, "E1", "description");
        assertThat(open(first.description())).isEqualTo(PersonalData.REDACTED);
        assertThat(open(second.description())).isEqualTo(PersonalData.REDACTED);
        ExpenditureCorrected fourth = correct("E1", "80.00", null);
        assertThat(open(fourth.description())).as("a later version stays redacted").isEqualTo(PersonalData.REDACTED);
        assertThat(fourth.description().ciphertext()).isNull();
        assertThat(open(correct("E1", "70.00", PersonalData.REDACTED).description())).isEqualTo(PersonalData.REDACTED);
        assertThatThrownBy(() -> correct("E1", null, "Uus tekst"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule())
                        .isEqualTo("redacted-text-stays-redacted"));
    }

    @Test
    void a_repeated_record_compares_its_description_by_opening_it() {
        record("E1", "Koolitus");
        RecordExpenditure same = new RecordExpenditure(PROJECT, "E1", spend("Koolitus"), false, null);
        assertThat(ledger.decide(same, setup, locks, ClaimedExpenditures.NONE, texts, personalData))
                .isInstanceOf(Outcome.AlreadyRecorded.class);
        RecordExpenditure other = new RecordExpenditure(PROJECT, "E1", spend("Muu"), false, null);
        assertThatThrownBy(() -> ledger.decide(other, setup, locks, ClaimedExpenditures.NONE, texts, personalData))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule())
                        .isEqualTo("expenditure-id-unique"));
        assertThatThrownBy(() -> correct("E1", null, "Koolitus"))
                .as("the same description again changes nothing")
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule())
                        .isEqualTo("correction-changes-something"));
    }

    @Test
    void an_import_seals_each_described_row_under_a_key_of_its_own() {
        List<ImportRow> rows = List.of(new ImportRow(2, "K1", spend("Rida üks")), new ImportRow(3, "K2", spend(null)),
                new ImportRow(4, "K3", spend("Rida kolm")));
        List<ExpenditureRecorded> events = ledger.decide(new ImportExpenditures(PROJECT, "fail.csv", rows, List.of()),
                setup, locks, texts, personalData).events();
        assertThat(events).extracting(e -> open(e.description())).containsExactly("Rida üks", null, "Rida kolm");
        assertThat(events.get(0).description().keyId()).isNotEqualTo(events.get(2).description().keyId());
        for (io.seire.kernel.finance.ExpendituresImported e
                : io.seire.kernel.finance.ExpendituresImported.of(PROJECT, events)) {
            ledger.on(e, sequence++, setup);
            texts.on(e);
        }
        Ledger.ImportOutcome again = ledger.decide(new ImportExpenditures(PROJECT, "fail.csv", rows, List.of()),
                setup, locks, texts, personalData);
        assertThat(again.events()).as("the same file again records nothing").isEmpty();
        assertThat(again.unchanged()).isEqualTo(3);
        List<ImportRow> changed = List.of(new ImportRow(2, "K1", spend("Rida üks, muudetud")));
        assertThatThrownBy(() -> ledger.decide(new ImportExpenditures(PROJECT, "fail.csv", changed, List.of()),
                setup, locks, texts, personalData)).isInstanceOf(io.seire.kernel.finance.ImportRejected.class);
    }

    @Test
    void redacting_a_note_leaves_the_evidence_readable() {
        IndicatorValueRecorded e = ((Outcome.New<IndicatorValueRecorded>) values.decide(new RecordIndicatorValue(PROJECT, "O1",
                "V1", "2024", "3", "Nõustas Mari Tamm", "https://näide.ee/tõend"), setup, locks, texts,
                personalData)).event();
        values.on(e, sequence++, setup);
        texts.on(e);
        assertThat(e.note().keyId()).isNotEqualTo(e.evidence().keyId());
        redact(RedactedRecord.INDICATOR_VALUE, "O1", "V1", "note");
        assertThat(open(e.note())).isEqualTo(PersonalData.REDACTED);
        assertThat(open(e.evidence())).isEqualTo("https://näide.ee/tõend");
    }

    @Test
    void every_report_of_a_sub_activity_and_period_seals_a_field_under_the_same_key() {
        ActivityProgressReported first = report("Alustas Mari Tamm", "Haigus");
        ActivityProgressReported second = report("Jätkas Mari Tamm", null);
        assertThat(second.summary().keyId()).isEqualTo(first.summary().keyId());
        assertThat(second.problems()).isNull();
        redact(RedactedRecord.PROGRESS, "1", "2024", "summary");
        assertThat(open(first.summary())).isEqualTo(PersonalData.REDACTED);
        assertThat(open(second.summary())).isEqualTo(PersonalData.REDACTED);
        assertThat(open(first.problems())).isEqualTo("Haigus");
        assertThat(open(report(PersonalData.REDACTED, "Uus mure").summary())).isEqualTo(PersonalData.REDACTED);
        assertThatThrownBy(() -> report("Uus kokkuvõte", null)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.rule()).isEqualTo("redacted-text-stays-redacted"));
    }

    private ActivityProgressReported report(String summary, String problems) {
        ActivityProgressReported e = ActivityProgress.decide(new ReportActivityProgress(PROJECT, "1", "2024",
                ProgressStatus.ON_TRACK, summary, problems, null, null), setup, locks, texts, personalData);
        texts.on(e);
        return e;
    }

    @Test
    void redaction_names_known_fields_of_a_known_record_with_a_reason_once() {
        record("E1", "Koolitus");
        record("E2", null);
        assertThat(rule(new RedactFreeText(PROJECT, RedactedRecord.EXPENDITURE, null, "E1", List.of("amount"), "x")))
                .isEqualTo("redactable-field");
        assertThat(rule(new RedactFreeText(PROJECT, RedactedRecord.EXPENDITURE, null, "E1", List.of(), "x")))
                .isEqualTo("field-required");
        assertThat(rule(new RedactFreeText(PROJECT, RedactedRecord.EXPENDITURE, null, "E1", List.of("description"),
                " "))).isEqualTo("reason-required");
        assertThat(rule(new RedactFreeText(PROJECT, RedactedRecord.EXPENDITURE, null, "E9", List.of("description"),
                "x"))).isEqualTo("record-exists");
        assertThat(rule(new RedactFreeText(PROJECT, RedactedRecord.EXPENDITURE, null, "E2", List.of("description"),
                "x"))).isEqualTo("text-to-redact");
        redact(RedactedRecord.EXPENDITURE, null, "E1", "description");
        assertThat(rule(new RedactFreeText(PROJECT, RedactedRecord.EXPENDITURE, null, "E1", List.of("description"),
                "x"))).isEqualTo("redacted-once");
    }

    @Test
    void a_text_recorded_in_the_clear_is_sealed_when_a_later_version_carries_it_and_leaves_the_state_when_redacted() {
        ExpenditureRecorded legacy = new ExpenditureRecorded(PROJECT, "E-OLD", "S", eur("100.00"), date("2024-07-01"),
                null, "OÜ", null, "Vana tekst Mari Tamm", false, null);
        ledger.on(legacy, sequence++, setup);
        texts.on(legacy);
        ExpenditureCorrected later = correct("E-OLD", "90.00", null);
        assertThat(later.description().legacyClear()).isNull();
        assertThat(open(later.description())).isEqualTo("Vana tekst Mari Tamm");
        redact(RedactedRecord.EXPENDITURE, null, "E-OLD", "description");
        assertThat(open(later.description())).isEqualTo(PersonalData.REDACTED);
        assertThat(open(correct("E-OLD", "80.00", null).description())).isEqualTo(PersonalData.REDACTED);
    }

    private String rule(RedactFreeText command) {
        try {
            texts.decide(command, personalData);
        } catch (RuleViolation v) {
            return v.rule();
        }
        return "none";
    }
}
