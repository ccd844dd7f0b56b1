package io.seire.command.personaldata;

import io.seire.command.project.Allowed;
import io.seire.command.project.Outcome;
import io.seire.kernel.Recorded;
import io.seire.kernel.access.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import io.seire.kernel.PersonalText;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.finance.ExpendituresImported;
import io.seire.kernel.personaldata.FreeTextRedacted;
import io.seire.kernel.personaldata.RedactFreeText;
import io.seire.kernel.personaldata.RedactedRecord;
import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.kernel.results.IndicatorValueRecorded;
import io.seire.platform.personaldata.PersonalData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The free text of a project's records as the rules need it (ADR 0037): which records exist, the sealed text each
 * field's latest version carries, and which fields are redacted. Each field of a record is sealed under a key of its
 * own (subject {@code <record>/<field>}), the same for every version of the record, so one redaction covers them all
 * and leaves the record's other fields readable. The state holds no clear text, except a record's text recorded before
 * sealing, until it is redacted.
 */
public class FreeTexts {

    private Set<String> records = new HashSet<>();
    /** subject → the sealed text of the field's latest version (absent when it has none, or is redacted). */
    private Map<String, PersonalText> current = new HashMap<>();
    private Set<String> redacted = new HashSet<>();

    // ---------------------------------------------------------------- the records' events

    @EventSourcingHandler
    public void on(ExpenditureRecorded e) {
        records.add(RedactedRecord.EXPENDITURE.record(null, e.expenditureId()));
        put(RedactedRecord.EXPENDITURE.subject(null, e.expenditureId(), "description"), e.description());
    }

    @EventSourcingHandler
    public void on(ExpendituresImported e) {
        e.rows().forEach(this::on);
    }

    @EventSourcingHandler
    public void on(ExpenditureCorrected e) {
        put(RedactedRecord.EXPENDITURE.subject(null, e.expenditureId(), "description"), e.description());
    }

    @EventSourcingHandler
    public void on(IndicatorValueRecorded e) {
        RedactedRecord kind = RedactedRecord.INDICATOR_VALUE;
        records.add(kind.record(e.indicator(), e.valueId()));
        put(kind.subject(e.indicator(), e.valueId(), "note"), e.note());
        put(kind.subject(e.indicator(), e.valueId(), "evidence"), e.evidence());
    }

    @EventSourcingHandler
    public void on(ActivityProgressReported e) {
        RedactedRecord kind = RedactedRecord.PROGRESS;
        records.add(kind.record(e.subActivity(), e.period()));
        put(kind.subject(e.subActivity(), e.period(), "summary"), e.summary());
        put(kind.subject(e.subActivity(), e.period(), "problems"), e.problems());
        put(kind.subject(e.subActivity(), e.period(), "measures"), e.measures());
        put(kind.subject(e.subActivity(), e.period(), "nextSteps"), e.nextSteps());
    }

    private void put(String subject, PersonalText text) {
        if (text == null || redacted.contains(subject)) {
            current.remove(subject); // a redacted field's later versions refer to it as redacted, with no text
        } else {
            current.put(subject, text);
        }
    }

    // ---------------------------------------------------------------- commands: who may send them, what they record

    @CommandHandler
    @Allowed(value = Role.ADMIN, to = "redact free text")
    public Recorded handle(RedactFreeText c, PersonalData personalData) {
        FreeTextRedacted redacted = decide(c, personalData);
        // answered with the record's id as its own writes answer it (a progress report's: sub-activity/period)
        return Outcome.record(c.kind() == RedactedRecord.PROGRESS ? c.scope() + "/" + c.recordId() : c.recordId(),
                redacted);
    }

    // ---------------------------------------------------------------- redaction

    /**
     * Redaction destroys the keys of the fields named, in the redacting write's transaction. It changes no figure and
     * no date, so it is allowed whatever periods are locked or requests claimed.
     */
    public FreeTextRedacted decide(RedactFreeText c, PersonalData personalData) {
        RedactedRecord kind = c.kind();
        if (c.fields() == null || c.fields().isEmpty()) {
            throw RuleViolation.badRequest("field-required", "fields", "Name the fields to redact: one or more of "
                    + String.join(", ", kind.fields()) + ".");
        }
        for (String field : c.fields()) {
            if (!kind.fields().contains(field)) {
                throw RuleViolation.badRequest("redactable-field", "fields", "'" + field + "' cannot be redacted; "
                        + "the fields with free text are " + String.join(", ", kind.fields()) + ".");
            }
        }
        if (c.reason() == null || c.reason().isBlank()) {
            throw RuleViolation.badRequest("reason-required", "reason", "Say why the text is redacted.");
        }
        String record = kind.record(c.scope(), c.recordId());
        if (!records.contains(record)) {
            throw RuleViolation.notFound("record-exists", "The project has no " + describe(kind, c.scope(),
                    c.recordId()) + ".");
        }
        List<String> fields = c.fields().stream().distinct().toList();
        for (String field : fields) {
            String subject = kind.subject(c.scope(), c.recordId(), field);
            if (redacted.contains(subject)) {
                throw RuleViolation.conflict("redacted-once", "fields", "The " + field + " of "
                        + describe(kind, c.scope(), c.recordId()) + " has already been redacted.");
            }
            if (!current.containsKey(subject)) {
                throw RuleViolation.unprocessable("text-to-redact", "fields", "The " + field + " of "
                        + describe(kind, c.scope(), c.recordId()) + " holds no text to redact.");
            }
        }
        for (String field : fields) {
            personalData.redact(c.projectId(), kind.subject(c.scope(), c.recordId(), field));
        }
        return new FreeTextRedacted(c.projectId(), kind, c.scope(), c.recordId(), fields, c.reason());
    }

    @EventSourcingHandler
    public void on(FreeTextRedacted e) {
        for (String field : e.fields()) {
            String subject = e.kind().subject(e.scope(), e.recordId(), field);
            redacted.add(subject);
            current.remove(subject); // and with it any text recorded in the clear
        }
    }

    private static String describe(RedactedRecord kind, String scope, String id) {
        return switch (kind) {
            case EXPENDITURE -> "expenditure '" + id + "'";
            case INDICATOR_VALUE -> "value '" + id + "' of indicator '" + scope + "'";
            case PROGRESS -> "progress report of sub-activity '" + scope + "' for period '" + id + "'";
        };
    }

    // ---------------------------------------------------------------- for the records' rules

    /**
     * Whether {@code given} is the text the field holds now, as a repeated record compares it (blank counts as none). A
     * redacted field's text is known to nobody: there only {@code [redacted]} itself counts as the same.
     */
    public boolean same(String projectId, String subject, String given, PersonalData personalData) {
        return same(subject, given, t -> personalData.open(t, PersonalData.REDACTED));
    }

    /** As above, opening with the keys an {@link #opener} read (an import's repeated rows: one query for all). */
    public boolean same(String subject, String given, PersonalData.Opener opener) {
        return same(subject, given, t -> opener.open(t, PersonalData.REDACTED));
    }

    private boolean same(String subject, String given, java.util.function.Function<PersonalText, String> open) {
        String text = given == null || given.isBlank() ? null : given;
        if (redacted.contains(subject)) {
            return PersonalData.REDACTED.equals(text);
        }
        PersonalText now = current.get(subject);
        return Objects.equals(text, now == null ? null : open.apply(now));
    }

    /** Reads the keys of the texts these subjects hold now, in one query. */
    public PersonalData.Opener opener(List<String> subjects, PersonalData personalData) {
        return personalData.opener(subjects.stream().map(current::get)
                .filter(t -> t != null && t.keyId() != null).map(PersonalText::keyId).distinct().toList());
    }

    /**
     * The fields of a later version of a record: a field not {@code given} (null) keeps what it holds, without any
     * cryptography; a redacted field given {@code [redacted]} or nothing stays redacted; a redacted field given other
     * text is refused (409); every other text is sealed under the field's key (one query, one batch).
     */
    public List<PersonalText> later(String projectId, List<String> subjects, List<String> given,
                                    boolean keepWhenNotGiven, PersonalData personalData) {
        List<PersonalText> result = new ArrayList<>(java.util.Collections.nCopies(subjects.size(), null));
        List<Integer> toSeal = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            String subject = subjects.get(i);
            String text = given.get(i);
            boolean isRedacted = redacted.contains(subject);
            PersonalText kept = current.get(subject);
            if (text == null && keepWhenNotGiven && kept != null && kept.keyId() == null) {
                toSeal.add(i); // recorded in the clear before sealing: a later version carries it sealed
                given = new ArrayList<>(given);
                given.set(i, kept.legacyClear());
            } else if (text == null && keepWhenNotGiven || isRedacted && PersonalData.REDACTED.equals(text)) {
                result.set(i, isRedacted ? personalData.redacted(projectId, subject) : kept);
            } else if (text == null || text.isBlank()) {
                result.set(i, null);
            } else if (isRedacted) {
                throw RuleViolation.conflict("redacted-text-stays-redacted", null, "The "
                        + subject.substring(subject.lastIndexOf('/') + 1) + " of " + subject.substring(0,
                        subject.lastIndexOf('/')) + " has been redacted; it can be given no new text (send it as "
                        + PersonalData.REDACTED + " or leave it out).");
            } else {
                toSeal.add(i);
            }
        }
        if (!toSeal.isEmpty()) {
            List<String> texts = given;
            List<PersonalText> sealed = personalData.seal(projectId, toSeal.stream().map(subjects::get).toList(),
                    toSeal.stream().map(texts::get).toList());
            for (int j = 0; j < toSeal.size(); j++) {
                result.set(toSeal.get(j), sealed.get(j));
            }
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FreeTexts other && records.equals(other.records) && current.equals(other.current)
                && redacted.equals(other.redacted);
    }

    @Override
    public int hashCode() {
        return Objects.hash(records, current, redacted);
    }
}
