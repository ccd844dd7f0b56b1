package io.seire.command.reimbursement;

import static io.seire.command.project.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.seire.command.finance.Expenditure;
import io.seire.command.finance.Ledger;
import io.seire.command.programme.ClaimTerms;
import io.seire.command.programme.InMemoryProgrammeRegister;
import io.seire.command.project.Outcome;
import io.seire.command.reporting.PeriodLocks;
import io.seire.command.setup.ProjectSetup;
import io.seire.kernel.CurrencyCode;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.finance.CancelExpenditure;
import io.seire.kernel.finance.CorrectExpenditure;
import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureDetails;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.finance.RecordExpenditure;
import io.seire.kernel.programme.FundingSource;
import io.seire.kernel.reimbursement.ApproveReimbursementRequest;
import io.seire.kernel.reimbursement.ClaimFigures;
import io.seire.kernel.reimbursement.ClaimLine;
import io.seire.kernel.reimbursement.ClaimedExpenditure;
import io.seire.kernel.reimbursement.ExchangeRate;
import io.seire.kernel.reimbursement.Exclusion;
import io.seire.kernel.reimbursement.RecordReimbursementPayment;
import io.seire.kernel.reimbursement.ReimbursementPaymentRecorded;
import io.seire.kernel.reimbursement.ReimbursementRequestApproved;
import io.seire.kernel.reimbursement.ReimbursementRequestReturned;
import io.seire.kernel.reimbursement.ReimbursementRequested;
import io.seire.kernel.reimbursement.ReturnReimbursementRequest;
import io.seire.kernel.reimbursement.SubmitReimbursementRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random histories of expenditures, corrections, cancellations and reimbursement requests (submitted, approved with
 * random exclusions, returned, paid), run through the same decisions the project takes, keep two promises:
 *
 * <p><b>No expenditure is ever claimed twice</b>: after every step, the expenditures held by requests that are not
 * returned (an approved one holds what it did not exclude) are pairwise disjoint, and exactly those are refused a
 * direct correction or cancellation.
 *
 * <p><b>Approved claims plus what is still unclaimed equal the claimable share of all eligible spending.</b> Eligible
 * spending is every expenditure that is not cancelled (adjustments included, with their sign), at its amount now. A
 * set of expenditures has a <i>claimable share</i>: the {@code claimed} figure the contract's rules give for that set
 * as one request (lines summed, the flat rate of that set's own STAFF, the 85/15 split HALF_UP with the remainder to
 * the last source, the claimable 85 % part). Because every request rounds on its own, the claimable share of all
 * eligible spending is, exactly, the sum of the claimable shares of the parts it is claimed in: the approved set of
 * each approved (or paid) request, and the set of everything else (still unclaimed). The property: the sum of the
 * {@code claimed} figures the approvals recorded, plus the claimable share of the unclaimed set, equals that sum to
 * the cent — which holds only if no approved expenditure changed or vanished after its approval (claimed money is
 * locked, changes come as adjustments), if every eligible expenditure is in exactly one part, and if nothing was
 * lost. Without any rounding, the eligible amounts of the non-flat-rate lines of the approvals plus the unclaimed
 * amounts equal the eligible spending itself; and the claimable share so computed stays within a cent per part of
 * 85 % × (spending + 15 % of STAFF spending) computed without rounding.
 *
 * <p>At the end every request still submitted is approved or returned, so that each is either approved or out.
 */
class ClaimProperties {

    static final List<String> LINES = List.of("S1", "S2", "V");
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final ClaimTerms TERMS = new ClaimTerms(PROGRAMME, new CurrencyCode("CHF"), new BigDecimal("1000000000.00"),
            List.of(new FundingSource("CH", "Šveitsi toetus", new BigDecimal("85"), true),
                    new FundingSource("EE", "Riiklik kaasfinantseering", new BigDecimal("15"), false)));
    static final LocalDate DAY_ONE = LocalDate.of(2025, 1, 1);

    /** One step; {@code pick} chooses an earlier expenditure or request, {@code mask} which ones an approval excludes. */
    record Step(int kind, int pick, int line, long cents, int day, int length, boolean paid, long mask) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 11),
                        Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 2),
                        Arbitraries.longs().between(1, 200_000), Arbitraries.integers().between(0, 700),
                        Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 4).map(i -> i > 0),
                        Arbitraries.longs())
                .as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(60);
    }

    @Property(tries = 300)
    void approved_claims_plus_the_unclaimed_share_equal_the_claimable_share_and_nothing_is_claimed_twice(
            @ForAll("histories") List<Step> steps, @ForAll("rates") BigDecimal rate) {
        Books books = new Books(rate);
        int n = 0;
        for (Step s : steps) {
            books.take(s, n++);
            books.checkNothingIsClaimedTwice();
        }
        books.resolveEverySubmittedRequest();
        books.checkNothingIsClaimedTwice();
        books.checkTheClaimableShareIsExact();
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("3")).ofScale(6);
    }

    /** A project's books: the same capabilities the project aggregate decides with, fed by their own events. */
    static final class Books {
        final ProjectSetup setup = new ProjectSetup();
        final Ledger ledger = new Ledger();
        final io.seire.command.personaldata.FreeTexts texts = new io.seire.command.personaldata.FreeTexts();
        final PeriodLocks locks = new PeriodLocks();
        final Reimbursements reimbursements = new Reimbursements();
        final InMemoryProgrammeRegister programmes = new InMemoryProgrammeRegister().claimTerms(TERMS);
        final ExchangeRate rate;
        long sequence;
        final List<String> expenditureIds = new ArrayList<>();
        final Map<String, ReimbursementRequested> requested = new LinkedHashMap<>();
        final Map<String, ReimbursementRequestApproved> approved = new HashMap<>();
        final Set<String> returned = new HashSet<>();
        final Set<String> paid = new HashSet<>();

        Books(BigDecimal rate) {
            this.rate = new ExchangeRate(rate, DAY_ONE, "ECB");
            setup.on(registered());
            setup.on(subActivity("1"));
            setup.on(line("S1", "1", "STAFF", "1000000000.00"));
            setup.on(line("S2", "1", "STAFF", "1000000000.00"));
            setup.on(line("V", "1", "SERVICES", "1000000000.00"));
            setup.on(flatRate("IND", "1", "INDIRECT", "15", "STAFF"));
            sequence = 6;
        }

        void take(Step s, int n) {
            switch (s.kind()) {
                case 0, 1, 2, 3 -> record("E" + n, null, LINES.get(s.line()), cents(s.cents()), s.day(), s.paid());
                case 4, 5 -> correct(s, n);
                case 6 -> cancel(s, n);
                case 7, 8 -> submit(s, n);
                case 9 -> approve(s);
                case 10 -> giveBack(s);
                default -> pay(s);
            }
        }

        void record(String id, String corrects, String line, BigDecimal amount, int day, boolean paidToo) {
            LocalDate date = DAY_ONE.plusDays(day);
            ExpenditureDetails details = new ExpenditureDetails(line, amount, date, paidToo ? date : null, null, null,
                    "kulu");
            Outcome<ExpenditureRecorded> outcome = ledger.decide(new RecordExpenditure(PROJECT, id, details, false, corrects), setup,
                    locks, reimbursements, texts, PERSONAL_DATA);
            ExpenditureRecorded e = ((Outcome.New<ExpenditureRecorded>) outcome).event();
            ledger.on(e, sequence++, setup);
            texts.on(e);
            expenditureIds.add(id);
        }

        /** A correction of a claimed expenditure is refused; its difference is recorded as an adjustment instead. */
        void correct(Step s, int n) {
            Expenditure e = pickLive(s.pick());
            if (e == null) {
                return;
            }
            // an adjustment keeps its sign: here they take money back
            BigDecimal amount = e.corrects() == null ? cents(s.cents()) : cents(s.cents()).negate();
            LocalDate paidOn = s.paid() ? DAY_ONE.plusDays(s.day()) : null;
            boolean claimed = reimbursements.requestHolding(e.id()).isPresent();
            try {
                ExpenditureCorrected corrected = ledger.decide(new CorrectExpenditure(PROJECT, e.id(), null, amount,
                        null, paidOn, null, null, null, false, "parandus"), setup, locks, reimbursements, texts,
                        PERSONAL_DATA);
                assertThat(claimed).as("a claimed expenditure was corrected directly").isFalse();
                ledger.on(corrected, setup);
            } catch (RuleViolation v) {
                if (v.rule().equals("correction-changes-something")) {
                    return;
                }
                assertThat(v.rule()).isEqualTo(Ledger.CLAIMED_RULE);
                assertThat(claimed).isTrue();
                BigDecimal difference = amount.subtract(e.details().amount());
                if (difference.signum() != 0) {
                    record("A" + n, e.id(), e.details().budgetLine(), difference, s.day(), s.paid());
                }
            }
        }

        /** A cancellation of a claimed expenditure is refused; an adjustment of its whole amount takes it back. */
        void cancel(Step s, int n) {
            Expenditure e = pickLive(s.pick());
            if (e == null) {
                return;
            }
            boolean claimed = reimbursements.requestHolding(e.id()).isPresent();
            try {
                ExpenditureCancelled cancelled = ledger.decide(new CancelExpenditure(PROJECT, e.id(), "topelt"), setup,
                        locks, reimbursements);
                assertThat(claimed).as("a claimed expenditure was cancelled directly").isFalse();
                ledger.on(cancelled, setup);
            } catch (RuleViolation v) {
                assertThat(v.rule()).isEqualTo(Ledger.CLAIMED_RULE);
                assertThat(claimed).isTrue();
                record("A" + n, e.id(), e.details().budgetLine(), e.details().amount().negate(), s.day(), s.paid());
            }
        }

        void submit(Step s, int n) {
            LocalDate from = DAY_ONE.plusDays(s.day());
            try {
                ReimbursementRequested e = reimbursements.decide(new SubmitReimbursementRequest(PROJECT, "R" + n, from,
                        from.plusDays(s.length()), rate), setup, ledger, programmes);
                reimbursements.on(e);
                requested.put(e.requestId(), e);
            } catch (RuleViolation v) {
                assertThat(v.rule()).isIn("request-windows-do-not-overlap", "request-claims-something");
            }
        }

        void approve(Step s) {
            ReimbursementRequested r = pickRequest(s.pick(), true);
            if (r == null) {
                return;
            }
            List<Exclusion> excluded = new ArrayList<>();
            for (int i = 0; i < r.included().size() && i < 63; i++) {
                if ((s.mask() >>> i & 1) == 1) {
                    excluded.add(new Exclusion(r.included().get(i).expenditure(), "tõend puudub"));
                }
            }
            approve(r, excluded);
        }

        void approve(ReimbursementRequested r, List<Exclusion> excluded) {
            ReimbursementRequestApproved e = reimbursements.decide(new ApproveReimbursementRequest(PROJECT,
                    r.requestId(), excluded, null), setup, programmes);
            reimbursements.on(e);
            approved.put(r.requestId(), e);
        }

        void giveBack(Step s) {
            ReimbursementRequested r = pickRequest(s.pick(), true);
            if (r != null) {
                giveBack(r);
            }
        }

        void giveBack(ReimbursementRequested r) {
            ReimbursementRequestReturned e = reimbursements.decide(new ReturnReimbursementRequest(PROJECT,
                    r.requestId(), "tagasi"));
            reimbursements.on(e);
            returned.add(r.requestId());
        }

        void pay(Step s) {
            List<String> payable = approved.keySet().stream().filter(id -> !paid.contains(id)).sorted().toList();
            if (payable.isEmpty()) {
                return;
            }
            String id = payable.get(s.pick() % payable.size());
            BigDecimal amount = approved.get(id).approved().claimedInClaimCurrency();
            if (amount.signum() <= 0) {
                return;
            }
            ReimbursementPaymentRecorded e = reimbursements.decide(new RecordReimbursementPayment(PROJECT, id,
                    DAY_ONE.plusDays(800), amount));
            reimbursements.on(e);
            paid.add(id);
        }

        void resolveEverySubmittedRequest() {
            int i = 0;
            for (ReimbursementRequested r : List.copyOf(requested.values())) {
                if (!approved.containsKey(r.requestId()) && !returned.contains(r.requestId())) {
                    if (i++ % 3 == 2) {
                        giveBack(r);
                    } else {
                        approve(r, List.of());
                    }
                }
            }
        }

        // ------------------------------------------------------------ the promises

        /** What each request that is not returned holds: all it included, less what its approval excluded. */
        Map<String, Set<String>> holdings() {
            Map<String, Set<String>> holdings = new LinkedHashMap<>();
            for (ReimbursementRequested r : requested.values()) {
                if (returned.contains(r.requestId())) {
                    continue;
                }
                Set<String> held = new HashSet<>(r.included().stream().map(ClaimedExpenditure::expenditure).toList());
                ReimbursementRequestApproved a = approved.get(r.requestId());
                if (a != null) {
                    a.excluded().forEach(x -> held.remove(x.expenditure()));
                }
                holdings.put(r.requestId(), held);
            }
            return holdings;
        }

        void checkNothingIsClaimedTwice() {
            Map<String, String> holder = new HashMap<>();
            holdings().forEach((request, held) -> held.forEach(id -> {
                String before = holder.put(id, request);
                assertThat(before).as("expenditure %s claimed by %s and %s", id, before, request).isNull();
            }));
            for (String id : expenditureIds) {
                assertThat(reimbursements.requestHolding(id).orElse(null)).as(id).isEqualTo(holder.get(id));
            }
        }

        void checkTheClaimableShareIsExact() {
            Map<String, Expenditure> eligible = new LinkedHashMap<>();
            for (Expenditure e : ledger.inRecordedOrder()) {
                if (!e.isCancelled()) {
                    eligible.put(e.id(), e);
                }
            }
            Map<String, Set<String>> approvedSets = holdings();
            Set<String> unclaimed = new java.util.LinkedHashSet<>(eligible.keySet());
            BigDecimal recordedClaims = BigDecimal.ZERO;
            BigDecimal recordedLineAmounts = BigDecimal.ZERO;
            BigDecimal shareOfParts = BigDecimal.ZERO;
            int parts = 1;
            for (Map.Entry<String, Set<String>> part : approvedSets.entrySet()) {
                ClaimFigures figures = approved.get(part.getKey()).approved();
                assertThat(eligible.keySet()).as("an approved expenditure is still eligible").containsAll(part.getValue());
                unclaimed.removeAll(part.getValue());
                recordedClaims = recordedClaims.add(figures.claimed());
                recordedLineAmounts = recordedLineAmounts.add(figures.lines().stream()
                        .filter(l -> !l.budgetLine().equals("IND")).map(ClaimLine::eligible)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
                shareOfParts = shareOfParts.add(share(part.getValue(), eligible));
                parts++;
            }
            BigDecimal unclaimedShare = share(unclaimed, eligible);
            shareOfParts = shareOfParts.add(unclaimedShare);

            assertThat(recordedClaims.add(unclaimedShare)).isEqualByComparingTo(shareOfParts);

            BigDecimal spending = eligible.values().stream().map(e -> e.details().amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal unclaimedAmounts = unclaimed.stream().map(id -> eligible.get(id).details().amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(recordedLineAmounts.add(unclaimedAmounts)).isEqualByComparingTo(spending);

            BigDecimal staff = eligible.values().stream().filter(e -> !e.details().budgetLine().equals("V"))
                    .map(e -> e.details().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal unrounded = spending.add(staff.multiply(new BigDecimal("0.15"))).multiply(new BigDecimal("0.85"));
            assertThat(shareOfParts.subtract(unrounded).abs())
                    .isLessThanOrEqualTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(parts)));
        }

        /** The claimable share of a set of expenditures at their amounts now, as one request would claim it. */
        BigDecimal share(Set<String> ids, Map<String, Expenditure> eligible) {
            List<ClaimedExpenditure> items = ids.stream().map(eligible::get)
                    .map(e -> new ClaimedExpenditure(e.id(), e.details().budgetLine(), e.details().amount())).toList();
            return ClaimArithmetic.figures(items, setup.budgetLines(), ClaimArithmetic.shares(TERMS.fundingSources()),
                    rate.rate(), setup.currency(), TERMS.claimCurrency()).claimed();
        }

        // ------------------------------------------------------------ picking

        Expenditure pickLive(int pick) {
            List<Expenditure> live = ledger.inRecordedOrder().stream().filter(e -> !e.isCancelled()).toList();
            return live.isEmpty() ? null : live.get(pick % live.size());
        }

        ReimbursementRequested pickRequest(int pick, boolean submittedOnly) {
            List<ReimbursementRequested> open = requested.values().stream()
                    .filter(r -> !submittedOnly || (!approved.containsKey(r.requestId())
                            && !returned.contains(r.requestId())))
                    .toList();
            return open.isEmpty() ? null : open.get(pick % open.size());
        }

        static BigDecimal cents(long cents) {
            return BigDecimal.valueOf(cents, 2);
        }
    }
}
