package io.seire.command.results;

import io.seire.command.reporting.PeriodLocks;
import io.seire.command.setup.Ids;
import io.seire.command.setup.ProjectSetup;
import io.seire.command.personaldata.FreeTexts;
import io.seire.command.project.Allowed;
import io.seire.command.project.Outcome;
import io.seire.kernel.Recorded;
import io.seire.kernel.access.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import io.seire.kernel.PersonalText;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.personaldata.RedactedRecord;
import io.seire.platform.personaldata.PersonalData;
import java.util.List;
import io.seire.kernel.results.CorrectIndicatorValue;
import io.seire.kernel.results.IndicatorValueCorrected;
import io.seire.kernel.results.IndicatorValueRecorded;
import io.seire.kernel.results.IndicatorValueRetracted;
import io.seire.kernel.results.RecordIndicatorValue;
import io.seire.kernel.results.RetractIndicatorValue;
import io.seire.kernel.setup.Aggregation;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.Measure;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Indicator values per reporting period. Under {@code LATEST} and {@code MAX} a period has one value; a second one
 * replaces it only through an explicit correction. Corrections and retractions are new events with a reason.
 */
public class IndicatorValues {

    // ---------------------------------------------------------------- commands: who may send them, what they record

    @CommandHandler
    @Allowed(value = Role.MANAGER, to = "record indicator values")
    public Recorded handle(RecordIndicatorValue c, ProjectSetup setup, PeriodLocks locks, FreeTexts texts,
                           PersonalData personalData) {
        return decide(c, setup, locks, texts, personalData).recorded(c.valueId());
    }

    @CommandHandler
    @Allowed(value = Role.MANAGER, to = "correct indicator values")
    public Recorded handle(CorrectIndicatorValue c, ProjectSetup setup, PeriodLocks locks) {
        return Outcome.record(c.valueId(), decide(c, setup, locks));
    }

    @CommandHandler
    @Allowed(value = Role.MANAGER, to = "retract indicator values")
    public Recorded handle(RetractIndicatorValue c, ProjectSetup setup, PeriodLocks locks) {
        return Outcome.record(c.valueId(), decide(c, setup, locks));
    }

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** One recorded value as the rules need it. */
    public static class Value {
        private String indicator;
        private String period;
        private String value;
        private boolean retracted;
        private long sequence;

        Value() {
        }

        Value(IndicatorValueRecorded e, long sequence) {
            this.indicator = e.indicator();
            this.period = e.period();
            this.value = e.value();
            this.sequence = sequence;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Value v && Objects.equals(indicator, v.indicator) && Objects.equals(period, v.period)
                    && Objects.equals(value, v.value) && retracted == v.retracted && sequence == v.sequence;
        }

        @Override
        public int hashCode() {
            return Objects.hash(indicator, period, value, retracted, sequence);
        }
    }

    private Map<String, Value> values = new HashMap<>();
    /** indicator + period → the value in force, for indicators that hold one value per period. */
    private Map<String, String> single = new HashMap<>();

    /**
     * Records a value. Its note and evidence are free text, each sealed (once every rule has passed) under a new key
     * of its own, so either can be redacted alone (ADR 0037).
     */
    public Outcome<IndicatorValueRecorded> decide(RecordIndicatorValue c, ProjectSetup setup, PeriodLocks locks,
                                                  FreeTexts texts, PersonalData personalData) {
        IndicatorDefined indicator = indicator(setup, c.indicator());
        Ids.check("id", c.valueId());
        if (c.period() == null || c.period().isBlank()) {
            throw RuleViolation.badRequest("field-required", "period", "is required");
        }
        if (setup.period(c.period()).isEmpty()) {
            throw RuleViolation.unprocessable("period-exists", "period",
                    "The project has no reporting period '" + c.period() + "'.");
        }
        String value = fit(indicator, c.value());
        Value existing = values.get(c.valueId());
        if (existing != null) {
            if (existing.indicator.equals(c.indicator()) && existing.period.equals(c.period())
                    && existing.value.equals(value)
                    && texts.same(c.projectId(), subject(c, "note"), c.note(), personalData)
                    && texts.same(c.projectId(), subject(c, "evidence"), c.evidence(), personalData)) {
                return new Outcome.AlreadyRecorded<>(c.valueId(), existing.sequence);
            }
            throw RuleViolation.conflict("value-id-unique", "id",
                    "A value with the id '" + c.valueId() + "' is already recorded with different content.");
        }
        checkOpen(locks, c.period());
        if (holdsOneValue(indicator) && single.containsKey(key(c.indicator(), c.period()))) {
            throw RuleViolation.conflict("one-value-per-period", "period", "Indicator '" + c.indicator()
                    + "' already has a value for period '" + c.period() + "' and counts " + indicator.aggregation()
                    + "; correct that value instead of recording a second one.");
        }
        List<PersonalText> sealed = personalData.sealNew(c.projectId(),
                List.of(subject(c, "note"), subject(c, "evidence")), java.util.Arrays.asList(c.note(), c.evidence()));
        return new Outcome.New<>(new IndicatorValueRecorded(c.projectId(), c.indicator(), c.valueId(), c.period(),
                value, sealed.get(0), sealed.get(1)));
    }

    private static String subject(RecordIndicatorValue c, String field) {
        return RedactedRecord.INDICATOR_VALUE.subject(c.indicator(), c.valueId(), field);
    }

    @EventSourcingHandler
    public void on(IndicatorValueRecorded e, @SequenceNumber long sequence, ProjectSetup setup) {
        values.put(e.valueId(), new Value(e, sequence));
        if (holdsOneValue(setup.indicator(e.indicator()).orElseThrow())) {
            single.put(key(e.indicator(), e.period()), e.valueId());
        }
    }

    public IndicatorValueCorrected decide(CorrectIndicatorValue c, ProjectSetup setup, PeriodLocks locks) {
        IndicatorDefined indicator = indicator(setup, c.indicator());
        Value current = existing(c.indicator(), c.valueId());
        required("reason", c.reason(), "A correction needs a reason.");
        String value = fit(indicator, c.value());
        checkOpen(locks, current.period);
        if (value.equals(current.value)) {
            throw RuleViolation.unprocessable("correction-changes-something", "value",
                    "The correction changes nothing: the value already is " + value + ".");
        }
        return new IndicatorValueCorrected(c.projectId(), c.indicator(), c.valueId(), value, c.reason());
    }

    @EventSourcingHandler
    public void on(IndicatorValueCorrected e) {
        values.get(e.valueId()).value = e.value();
    }

    public IndicatorValueRetracted decide(RetractIndicatorValue c, ProjectSetup setup, PeriodLocks locks) {
        indicator(setup, c.indicator());
        Value current = existing(c.indicator(), c.valueId());
        required("reason", c.reason(), "A retraction needs a reason.");
        checkOpen(locks, current.period);
        return new IndicatorValueRetracted(c.projectId(), c.indicator(), c.valueId(), c.reason());
    }

    @EventSourcingHandler
    public void on(IndicatorValueRetracted e) {
        Value value = values.get(e.valueId());
        value.retracted = true;
        single.remove(key(value.indicator, value.period), e.valueId());
    }

    /** The period a value belongs to, for rules elsewhere (locked periods). */
    public String periodOf(String valueId) {
        Value v = values.get(valueId);
        return v == null ? null : v.period;
    }

    private static String fit(IndicatorDefined indicator, String value) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.badRequest("value-fits-measure", "value", "is required");
        }
        if (indicator.measure() == Measure.TEXT) {
            return value;
        }
        String v = value.strip();
        if (!DECIMAL.matcher(v).matches()) {
            throw RuleViolation.badRequest("value-fits-measure", "value", "Indicator '" + indicator.code()
                    + "' is measured as a " + indicator.measure().name().toLowerCase() + "; '" + io.seire.kernel.Bounds.shortened(value)
                    + "' is not a decimal number such as \"12\" or \"12.5\".");
        }
        BigDecimal n = new BigDecimal(v);
        String outOfBounds = io.seire.kernel.Bounds.decimalProblem(n);
        if (outOfBounds != null) {
            throw RuleViolation.badRequest("value-fits-measure", "value", "Indicator '" + indicator.code() + "': '"
                    + io.seire.kernel.Bounds.shortened(v) + "' " + outOfBounds + ".");
        }
        if (indicator.measure() == Measure.PERCENTAGE) {
            if (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw RuleViolation.badRequest("value-fits-measure", "value", "Indicator '" + indicator.code()
                        + "' is a percentage; " + v + " is not between 0 and 100.");
            }
        }
        return v;
    }

    private Value existing(String indicator, String valueId) {
        Value v = values.get(valueId);
        if (v == null || !v.indicator.equals(indicator)) {
            throw RuleViolation.notFound("value-exists", "Indicator '" + indicator + "' has no value '" + valueId + "'.");
        }
        if (v.retracted) {
            throw RuleViolation.conflict("value-not-retracted", null,
                    "Value '" + valueId + "' is retracted; it cannot be changed any more.");
        }
        return v;
    }

    private static IndicatorDefined indicator(ProjectSetup setup, String code) {
        return setup.indicator(code).orElseThrow(() ->
                RuleViolation.notFound("indicator-exists", "The project has no indicator '" + code + "'."));
    }

    private static void checkOpen(PeriodLocks locks, String period) {
        if (locks.isLocked(period)) {
            throw RuleViolation.conflict(PeriodLocks.RULE, "period", "Reporting period '" + period
                    + "' is locked: its report has been submitted. Record the change in an open period instead.");
        }
    }

    private static boolean holdsOneValue(IndicatorDefined indicator) {
        return indicator.aggregation() != Aggregation.SUM;
    }

    private static String key(String indicator, String period) {
        return indicator + '\u0000' + period;
    }

    private static void required(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.badRequest("reason-required", field, message);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorValues other && Objects.equals(values, other.values)
                && Objects.equals(single, other.single);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, single);
    }
}
