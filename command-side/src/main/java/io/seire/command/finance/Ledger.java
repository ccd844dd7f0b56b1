package io.seire.command.finance;

import io.seire.command.reporting.PeriodLocks;
import io.seire.command.setup.Amounts;
import io.seire.command.setup.BudgetLine;
import io.seire.command.setup.Ids;
import io.seire.command.setup.ProjectSetup;
import io.seire.command.personaldata.FreeTexts;
import io.seire.command.project.Allowed;
import io.seire.command.project.Outcome;
import io.seire.kernel.Recorded;
import io.seire.kernel.access.Role;
import io.seire.kernel.finance.ImportResult;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import io.seire.kernel.PersonalText;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.personaldata.RedactedRecord;
import io.seire.platform.personaldata.PersonalData;
import io.seire.kernel.finance.CancelExpenditure;
import io.seire.kernel.finance.CorrectExpenditure;
import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureDetails;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.finance.ExpendituresImported;
import io.seire.kernel.finance.ImportExpenditures;
import io.seire.kernel.finance.ImportRejected;
import io.seire.kernel.finance.ImportRow;
import io.seire.kernel.finance.RecordExpenditure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the project spent: every expenditure with its current fields, and the running totals the budget rules read.
 * Nothing is ever overwritten: a correction or cancellation is a new event carrying its reason.
 */
public class Ledger {

    /**
     * What an import comes to: its new rows, each as it would be recorded alone, and how many rows were recorded
     * before as they are. The rows are recorded together, in {@link ExpendituresImported} events.
     */
    public record ImportOutcome(List<ExpenditureRecorded> events, int unchanged) {
    }

    private Map<String, Expenditure> expenditures = new HashMap<>();
    private Totals totals = new Totals();

    // ---------------------------------------------------------------- commands: who may send them, what they record

    @CommandHandler
    @Allowed(value = Role.FINANCE, to = "record expenditures")
    public Recorded handle(RecordExpenditure c, ProjectSetup setup, PeriodLocks locks, ClaimedExpenditures claims,
                           FreeTexts texts, PersonalData personalData) {
        return decide(c, setup, locks, claims, texts, personalData).recorded(c.expenditureId());
    }

    @CommandHandler
    @Allowed(value = Role.FINANCE, to = "import expenditures")
    public ImportResult handle(ImportExpenditures c, ProjectSetup setup, PeriodLocks locks, FreeTexts texts,
                               PersonalData personalData) {
        ImportOutcome outcome = decide(c, setup, locks, texts, personalData);
        ExpendituresImported.of(c.projectId(), outcome.events()).forEach(AggregateLifecycle::apply);
        return new ImportResult(outcome.events().size(), outcome.unchanged(), AggregateLifecycle.getVersion());
    }

    @CommandHandler
    @Allowed(value = Role.FINANCE, to = "correct expenditures")
    public Recorded handle(CorrectExpenditure c, ProjectSetup setup, PeriodLocks locks, ClaimedExpenditures claims,
                           FreeTexts texts, PersonalData personalData) {
        return Outcome.record(c.expenditureId(), decide(c, setup, locks, claims, texts, personalData));
    }

    @CommandHandler
    @Allowed(value = Role.FINANCE, to = "cancel expenditures")
    public Recorded handle(CancelExpenditure c, ProjectSetup setup, PeriodLocks locks, ClaimedExpenditures claims) {
        return Outcome.record(c.expenditureId(), decide(c, setup, locks, claims));
    }

    // ---------------------------------------------------------------- record

    /**
     * Records an expenditure. Its description is free text: sealed, once every rule has passed, under a new key of the
     * record's own (ADR 0037); a repeated record compares it with the text it holds.
     */
    public Outcome<ExpenditureRecorded> decide(RecordExpenditure c, ProjectSetup setup, PeriodLocks locks,
                                               ClaimedExpenditures claims, FreeTexts texts, PersonalData personalData) {
        Ids.check("id", c.expenditureId());
        ExpenditureDetails given = Originals.resolve(c.details(), setup, "");
        ExpenditureRecorded event = recorded(c.projectId(), c.expenditureId(), given, setup, c.allowDuplicateInvoice(),
                c.corrects(), null);
        Expenditure existing = expenditures.get(c.expenditureId());
        if (existing != null) {
            if (sameAs(existing, event) && texts.same(c.projectId(), description(c.expenditureId()),
                    given.description(), personalData)) {
                return new Outcome.AlreadyRecorded<>(existing.id(), existing.recordedSequence());
            }
            throw RuleViolation.conflict("expenditure-id-unique", "id", "An expenditure with the id '"
                    + c.expenditureId() + "' is already recorded with different content.");
        }
        checkRecordable(event, setup, locks, claims, totals, new BudgetRules(setup), "");
        PersonalText description = personalData.sealNew(c.projectId(), List.of(description(c.expenditureId())),
                java.util.Collections.singletonList(given.description())).get(0);
        return new Outcome.New<>(recorded(c.projectId(), c.expenditureId(), given, setup, c.allowDuplicateInvoice(),
                c.corrects(), description));
    }

    /** The subject whose key seals an expenditure's description. */
    public static String description(String expenditureId) {
        return RedactedRecord.EXPENDITURE.subject(null, expenditureId, "description");
    }

    private static ExpenditureRecorded recorded(String projectId, String id, ExpenditureDetails given,
                                                ProjectSetup setup, boolean allowDuplicateInvoice, String corrects,
                                                PersonalText description) {
        return new ExpenditureRecorded(projectId, id, given.budgetLine(), normalized(given.amount(), setup),
                given.incurredOn(), given.paidOn(), given.supplier(), given.invoice(), description,
                allowDuplicateInvoice, corrects, given.original());
    }

    private void checkRecordable(ExpenditureRecorded e, ProjectSetup setup, PeriodLocks locks,
                                 ClaimedExpenditures claims, Totals working, BudgetRules rules, String fieldPrefix) {
        ExpenditureDetails d = e.details();
        boolean adjustment = e.corrects() != null;
        checkDetails(d, adjustment, setup, locks, fieldPrefix);
        if (adjustment) {
            Expenditure corrected = expenditures.get(e.corrects());
            if (corrected == null) {
                throw RuleViolation.unprocessable("adjustment-names-an-expenditure", fieldPrefix + "corrects",
                        "There is no expenditure '" + e.corrects() + "' to adjust.");
            }
            if (locks.lockedPeriodOf(corrected.details().incurredOn(), setup).isEmpty()
                    && claims.requestHolding(e.corrects()).isEmpty()) {
                throw RuleViolation.unprocessable("adjustment-only-for-locked-periods", fieldPrefix + "corrects",
                        "Expenditure '" + e.corrects() + "' is in an open period and not claimed in a reimbursement "
                                + "request; correct it directly instead of recording an adjustment.");
            }
        }
        boolean reusesCorrectedInvoice = adjustment && Objects.equals(Totals.invoiceKey(d),
                Totals.invoiceKey(expenditures.get(e.corrects()).details()));
        if (!e.allowDuplicateInvoice() && !reusesCorrectedInvoice && working.invoiceCount(d) > 0) {
            throw duplicateInvoice(d, fieldPrefix);
        }
        Sums after = working.with(d, setup.line(d.budgetLine()).costCategory(), 1);
        rules.check(working, after, d);
    }

    private void checkDetails(ExpenditureDetails d, boolean adjustment, ProjectSetup setup, PeriodLocks locks,
                              String fieldPrefix) {
        if (d.budgetLine() == null || d.budgetLine().isBlank()) {
            throw RuleViolation.badRequest("field-required", fieldPrefix + "budgetLine", "is required");
        }
        BudgetLine line = setup.findLine(d.budgetLine()).orElseThrow(() -> RuleViolation.unprocessable(
                "budget-line-exists", fieldPrefix + "budgetLine", "The project has no budget line '" + d.budgetLine() + "'."));
        if (line.isFlatRate()) {
            throw RuleViolation.unprocessable("flat-rate-line-computed", fieldPrefix + "budgetLine", "Budget line '"
                    + line.code() + "' is a flat rate of " + line.flatRate().ofCostCategory()
                    + " costs; its spending is computed, not recorded.");
        }
        if (adjustment) {
            if (d.amount() == null || d.amount().signum() == 0) {
                throw RuleViolation.badRequest(Amounts.RULE, fieldPrefix + "amount", "An adjustment must not be zero");
            }
            Amounts.checkMinorDigits(fieldPrefix + "amount", d.amount(), setup.currency());
        } else {
            Amounts.checkPositive(fieldPrefix + "amount", d.amount(), setup.currency());
        }
        if (d.incurredOn() == null) {
            throw RuleViolation.badRequest("field-required", fieldPrefix + "incurredOn", "is required");
        }
        setup.checkInsideEligibility("dates-inside-eligibility", fieldPrefix + "incurredOn", d.incurredOn(),
                "The incurred date");
        if (d.paidOn() != null) {
            setup.checkInsideEligibility("dates-inside-eligibility", fieldPrefix + "paidOn", d.paidOn(), "The paid date");
        }
        locks.checkOpen(d.incurredOn(), setup, fieldPrefix + "incurredOn", "The incurred date " + d.incurredOn());
    }

    private static RuleViolation duplicateInvoice(ExpenditureDetails d, String fieldPrefix) {
        return RuleViolation.conflict("invoice-not-duplicated", fieldPrefix + "invoice", "Invoice '" + d.invoice()
                + "' of '" + d.supplier() + "' is already recorded. If it really is a second expenditure on the same "
                + "invoice, record it with allowDuplicateInvoice set to true.");
    }

    private static boolean sameAs(Expenditure existing, ExpenditureRecorded e) {
        return Objects.equals(existing.details(), e.details()) && Objects.equals(existing.corrects(), e.corrects())
                && existing.allowDuplicateInvoice() == e.allowDuplicateInvoice();
    }

    @EventSourcingHandler
    public void on(ExpenditureRecorded e, @SequenceNumber long sequence, ProjectSetup setup) {
        expenditures.put(e.expenditureId(), new Expenditure(e.expenditureId(), e.details(), sequence, e.corrects(),
                e.allowDuplicateInvoice()));
        totals.add(e.details(), setup.line(e.budgetLine()).costCategory());
    }

    @EventSourcingHandler
    public void on(ExpendituresImported e, @SequenceNumber long sequence, ProjectSetup setup) {
        for (ExpenditureRecorded row : e.rows()) {
            on(row, sequence, setup);
        }
    }

    // ---------------------------------------------------------------- import

    /**
     * Records every row of an import, or none. The descriptions are sealed at the end, once every row has passed its
     * rules: a new key per described row, all stored in one batch.
     */
    public ImportOutcome decide(ImportExpenditures c, ProjectSetup setup, PeriodLocks locks, FreeTexts texts,
                                PersonalData personalData) {
        List<ImportRejected.BadRow> bad = new ArrayList<>(c.unreadable());
        List<ExpenditureRecorded> events = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        Set<String> idsInFile = new HashSet<>();
        Totals working = totals.copy();
        BudgetRules rules = new BudgetRules(setup);
        int unchanged = 0;
        // the descriptions of rows recorded before are compared by opening them: their keys in one query
        PersonalData.Opener opener = texts.opener(c.rows().stream().map(ImportRow::expenditureId)
                .filter(id -> id != null && expenditures.containsKey(id)).map(Ledger::description).toList(),
                personalData);
        for (ImportRow row : c.rows()) {
            try {
                Ids.check("id", row.expenditureId());
                textFits("supplier", row.details().supplier());
                textFits("invoice", row.details().invoice());
                textFits("description", row.details().description());
                if (!idsInFile.add(row.expenditureId())) {
                    throw RuleViolation.unprocessable("expenditure-id-unique", "id",
                            "The id '" + row.expenditureId() + "' appears twice in the file.");
                }
                ExpenditureDetails given = Originals.resolve(row.details(), setup, "");
                ExpenditureRecorded event = recorded(c.projectId(), row.expenditureId(), given, setup, false, null,
                        null);
                Expenditure existing = expenditures.get(row.expenditureId());
                if (existing != null) {
                    if (!sameAs(existing, event) || !texts.same(description(row.expenditureId()),
                            given.description(), opener)) {
                        throw RuleViolation.conflict("expenditure-id-unique", "id", "An expenditure with the id '"
                                + row.expenditureId() + "' is already recorded with different content.");
                    }
                    unchanged++;
                    continue;
                }
                checkRecordable(event, setup, locks, ClaimedExpenditures.NONE, working, rules, "");
                working.add(event.details(), setup.line(event.budgetLine()).costCategory());
                events.add(event);
                descriptions.add(given.description());
            } catch (RuleViolation v) {
                bad.add(new ImportRejected.BadRow(row.line(), column(v.field()), v.getMessage()));
            }
        }
        if (!bad.isEmpty()) {
            bad.sort(Comparator.comparingInt(ImportRejected.BadRow::row));
            throw new ImportRejected(bad);
        }
        List<PersonalText> sealed = personalData.sealNew(c.projectId(),
                events.stream().map(e -> description(e.expenditureId())).toList(), descriptions);
        List<ExpenditureRecorded> described = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ExpenditureRecorded e = events.get(i);
            described.add(new ExpenditureRecorded(e.projectId(), e.expenditureId(), e.budgetLine(), e.amount(),
                    e.incurredOn(), e.paidOn(), e.supplier(), e.invoice(), sealed.get(i), e.allowDuplicateInvoice(),
                    e.corrects(), e.original()));
        }
        return new ImportOutcome(described, unchanged);
    }

    /** The file's column a rule's field is read from. */
    private static String column(String field) {
        if (field == null) {
            return "";
        }
        return switch (field) {
            case "original.amount" -> "originalAmount";
            case "original.currency" -> "originalCurrency";
            case "original.rate" -> "rate";
            case "original.rateDate" -> "rateDate";
            default -> field;
        };
    }

    /** A file's text is bounded as a request body's is (there, by the JSON reader). */
    private static void textFits(String column, String text) {
        String problem = io.seire.kernel.Bounds.textProblem(column, text);
        if (problem != null) {
            throw RuleViolation.badRequest("text-too-long", column, problem);
        }
    }

    // ---------------------------------------------------------------- correct

    /**
     * Corrects an expenditure. A new description is sealed under the key of every earlier version's (so one redaction
     * covers them all); a correction that gives none carries the sealed one as it is.
     */
    public ExpenditureCorrected decide(CorrectExpenditure c, ProjectSetup setup, PeriodLocks locks,
                                       ClaimedExpenditures claims, FreeTexts texts, PersonalData personalData) {
        Expenditure current = existing(c.expenditureId());
        if (c.reason() == null || c.reason().isBlank()) {
            throw RuleViolation.badRequest("reason-required", "reason", "A correction needs a reason.");
        }
        checkNotClaimed(c.expenditureId(), claims, "corrected");
        ExpenditureDetails before = current.details();
        locks.checkOpen(before.incurredOn(), setup, "incurredOn", "Expenditure '" + c.expenditureId()
                + "', incurred on " + before.incurredOn() + ",");
        // a new original without an amount: the amount follows from it; otherwise both keep what was before
        BigDecimal amount = c.original() != null && c.amount() == null ? null : or(c.amount(), before.amount());
        ExpenditureDetails after = Originals.resolve(new ExpenditureDetails(
                or(c.budgetLine(), before.budgetLine()), amount,
                or(c.incurredOn(), before.incurredOn()), or(c.paidOn(), before.paidOn()),
                or(c.supplier(), before.supplier()), or(c.invoice(), before.invoice()),
                null, or(c.original(), before.original())), setup, "");
        after = after.with(normalized(after.amount(), setup), after.original());
        String subject = description(c.expenditureId());
        boolean describes = c.description() != null
                && !texts.same(c.projectId(), subject, c.description(), personalData);
        if (after.equals(before) && !describes) {
            throw RuleViolation.unprocessable("correction-changes-something", null,
                    "The correction changes nothing: every field given already has that value.");
        }
        checkDetails(after, current.corrects() != null, setup, locks, "");
        if (!c.allowDuplicateInvoice() && !current.allowDuplicateInvoice()
                && !Objects.equals(Totals.invoiceKey(after), Totals.invoiceKey(before))
                && totals.invoiceCount(after, before) > 0) {
            throw duplicateInvoice(after, "");
        }
        Sums corrected = totals.with(before, setup.line(before.budgetLine()).costCategory(), -1)
                .with(after, setup.line(after.budgetLine()).costCategory(), 1);
        new BudgetRules(setup).check(totals, corrected, after);
        // sealed last, once every rule has passed
        PersonalText description = texts.later(c.projectId(), List.of(subject),
                java.util.Collections.singletonList(describes ? c.description() : null), true, personalData).get(0);
        return new ExpenditureCorrected(c.projectId(), c.expenditureId(), after.budgetLine(), after.amount(),
                after.incurredOn(), after.paidOn(), after.supplier(), after.invoice(), description, c.reason(),
                after.original());
    }

    @EventSourcingHandler
    public void on(ExpenditureCorrected e, ProjectSetup setup) {
        Expenditure expenditure = expenditures.get(e.expenditureId());
        totals.remove(expenditure.details(), setup.line(expenditure.details().budgetLine()).costCategory());
        expenditure.correct(e.details());
        totals.add(e.details(), setup.line(e.budgetLine()).costCategory());
    }

    // ---------------------------------------------------------------- cancel

    public ExpenditureCancelled decide(CancelExpenditure c, ProjectSetup setup, PeriodLocks locks,
                                       ClaimedExpenditures claims) {
        Expenditure current = existing(c.expenditureId());
        if (c.reason() == null || c.reason().isBlank()) {
            throw RuleViolation.badRequest("reason-required", "reason", "A cancellation needs a reason.");
        }
        checkNotClaimed(c.expenditureId(), claims, "cancelled");
        locks.checkOpen(current.details().incurredOn(), setup, null, "Expenditure '" + c.expenditureId()
                + "', incurred on " + current.details().incurredOn() + ",");
        return new ExpenditureCancelled(c.projectId(), c.expenditureId(), c.reason());
    }

    @EventSourcingHandler
    public void on(ExpenditureCancelled e, ProjectSetup setup) {
        Expenditure expenditure = expenditures.get(e.expenditureId());
        expenditure.cancel();
        totals.remove(expenditure.details(), setup.line(expenditure.details().budgetLine()).costCategory());
    }

    // ---------------------------------------------------------------- helpers

    public static final String CLAIMED_RULE = "claimed-expenditure-changes-by-adjustment";

    /** Claimed money is locked like a reported period: it changes only by an adjustment naming it. */
    private static void checkNotClaimed(String id, ClaimedExpenditures claims, String how) {
        claims.requestHolding(id).ifPresent(request -> {
            throw RuleViolation.conflict(CLAIMED_RULE, null, "Expenditure '" + id + "' is claimed in reimbursement "
                    + "request '" + request + "', so it cannot be " + how + " directly. Record an adjustment instead: "
                    + "a new expenditure naming '" + id + "' in corrects, with the difference as its amount "
                    + "(negative to reduce it); it falls into the next reimbursement request.");
        });
    }

    /** Every expenditure ever recorded (cancelled ones included), in the order they were recorded. */
    public List<Expenditure> inRecordedOrder() {
        List<Expenditure> all = new ArrayList<>(expenditures.values());
        all.sort(Comparator.comparingLong(Expenditure::recordedSequence));
        return all;
    }

    private Expenditure existing(String id) {
        Expenditure e = expenditures.get(id);
        if (e == null) {
            throw RuleViolation.notFound("expenditure-exists", "The project has no expenditure '" + id + "'.");
        }
        if (e.isCancelled()) {
            throw RuleViolation.conflict("expenditure-not-cancelled", null,
                    "Expenditure '" + id + "' is cancelled; it cannot be changed any more.");
        }
        return e;
    }

    public java.util.Optional<Expenditure> find(String id) {
        return java.util.Optional.ofNullable(expenditures.get(id));
    }

    /** Amounts are kept with exactly the currency's minor digits, so equal amounts are equal content. */
    private static java.math.BigDecimal normalized(java.math.BigDecimal amount, ProjectSetup setup) {
        return amount != null && io.seire.kernel.Money.fitsMinorUnit(amount, setup.currency())
                ? amount.setScale(setup.currency().minorDigits()) : amount;
    }

    private static <T> T or(T given, T current) {
        return given == null ? current : given;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ledger other && Objects.equals(expenditures, other.expenditures)
                && Objects.equals(totals, other.totals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expenditures, totals);
    }
}
