package io.seire.command.reimbursement;

import io.seire.command.project.Allowed;
import io.seire.command.project.Outcome;
import io.seire.kernel.Recorded;
import io.seire.kernel.access.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import io.seire.command.finance.ClaimedExpenditures;
import io.seire.command.finance.Expenditure;
import io.seire.command.finance.Ledger;
import io.seire.command.programme.ClaimTerms;
import io.seire.command.programme.ProgrammeRegister;
import io.seire.command.setup.Amounts;
import io.seire.command.setup.Ids;
import io.seire.command.setup.ProjectSetup;
import io.seire.kernel.CurrencyCode;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.reimbursement.ApproveReimbursementRequest;
import io.seire.kernel.reimbursement.ClaimFigures;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A project's reimbursement requests: which expenditures each claims, what it claims, and where it stands
 * (submitted, approved, returned, paid). Claimed expenditures are locked like a reported period: the ledger asks
 * here ({@link ClaimedExpenditures}) before it lets one be corrected or cancelled.
 *
 * <p>A request includes every expenditure that is not cancelled, not held by another request, and either was paid
 * inside its window, or was excluded at an earlier approval (whatever its paid date), or is an adjustment
 * ({@code corrects}) of an expenditure another request holds (whatever its paid date). Against the programme's
 * ceiling it is checked under the programme's lock (ADR 0025).
 */
public class Reimbursements implements ClaimedExpenditures {

    enum Status { SUBMITTED, APPROVED, RETURNED, PAID }

    static final int RATE_DIGITS = 6;

    /** A request as the rules need it. */
    public static class Request {
        private LocalDate from;
        private LocalDate to;
        private Status status;
        private String programme;
        private ExchangeRate exchangeRate;
        private String claimCurrency;
        private List<ClaimedExpenditure> included;
        private ClaimFigures submitted;
        private ClaimFigures approved;

        Request() {
        }

        Request(ReimbursementRequested e) {
            this.from = e.from();
            this.to = e.to();
            this.status = Status.SUBMITTED;
            this.programme = e.programme();
            this.exchangeRate = e.exchangeRate();
            this.claimCurrency = e.claimCurrency();
            this.included = List.copyOf(e.included());
            this.submitted = e.figures();
        }

        boolean counts() {
            return status != Status.RETURNED;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && Objects.equals(from, r.from) && Objects.equals(to, r.to)
                    && status == r.status && Objects.equals(programme, r.programme)
                    && Objects.equals(exchangeRate, r.exchangeRate) && Objects.equals(claimCurrency, r.claimCurrency)
                    && Objects.equals(included, r.included) && Objects.equals(submitted, r.submitted)
                    && Objects.equals(approved, r.approved);
        }

        @Override
        public int hashCode() {
            return Objects.hash(from, to, status, submitted);
        }
    }

    private Map<String, Request> requests = new LinkedHashMap<>();
    /** Each claimed expenditure and the request that holds it. */
    private Map<String, String> held = new HashMap<>();
    /** Expenditures excluded at an approval: claimable again in any later request, whatever their paid date. */
    private Set<String> excluded = new HashSet<>();

    @Override
    public Optional<String> requestHolding(String expenditureId) {
        return Optional.ofNullable(held.get(expenditureId));
    }

    // ---------------------------------------------------------------- commands: who may send them, what they record

    @CommandHandler
    @Allowed(value = Role.FINANCE, to = "submit reimbursement requests")
    public Recorded handle(SubmitReimbursementRequest c, ProjectSetup setup, Ledger ledger,
                           ProgrammeRegister programmes) {
        return Outcome.record(c.requestId(), decide(c, setup, ledger, programmes));
    }

    @CommandHandler
    @Allowed(value = Role.LIAISON, to = "approve reimbursement requests")
    public Recorded handle(ApproveReimbursementRequest c, ProjectSetup setup, ProgrammeRegister programmes) {
        return Outcome.record(c.requestId(), decide(c, setup, programmes));
    }

    @CommandHandler
    @Allowed(value = Role.LIAISON, to = "return reimbursement requests")
    public Recorded handle(ReturnReimbursementRequest c) {
        return Outcome.record(c.requestId(), decide(c));
    }

    // a liaison of the programme or an administrator (who may do everything)
    @CommandHandler
    @Allowed(value = Role.LIAISON, to = "record payments of reimbursement requests")
    public Recorded handle(RecordReimbursementPayment c) {
        return Outcome.record(c.requestId(), decide(c));
    }

    // ---------------------------------------------------------------- submit

    public ReimbursementRequested decide(SubmitReimbursementRequest c, ProjectSetup setup, Ledger ledger,
                                         ProgrammeRegister programmes) {
        Ids.check("id", c.requestId());
        if (c.from() == null || c.to() == null) {
            throw RuleViolation.badRequest("field-required", c.from() == null ? "from" : "to", "is required");
        }
        ExchangeRate rate = checkedRate(c.exchangeRate());
        if (c.from().isAfter(c.to())) {
            throw RuleViolation.unprocessable("request-window-in-order", "to", "The request's window ends (" + c.to()
                    + ") before it starts (" + c.from() + ").");
        }
        ClaimTerms terms = (setup.programme() == null ? Optional.<ClaimTerms>empty()
                : programmes.claimTerms(setup.programme())).orElseThrow(() -> RuleViolation.unprocessable(
                "requests-only-in-a-registered-programme", null, "Project '" + c.projectId() + "' belongs to no "
                        + "registered programme ('" + setup.programme() + "' is not registered), so there is no "
                        + "claim currency, ceiling or funding share to claim against."));
        if (requests.containsKey(c.requestId())) {
            throw RuleViolation.conflict("request-id-unique", "id", "A reimbursement request with the id '"
                    + c.requestId() + "' was already submitted.");
        }
        requests.forEach((id, r) -> {
            if (r.counts() && !c.from().isAfter(r.to) && !r.from.isAfter(c.to())) {
                throw RuleViolation.conflict("request-windows-do-not-overlap", "from", "Reimbursement request '" + id
                        + "' (" + r.status.name().toLowerCase() + ") already covers payments from " + r.from + " to "
                        + r.to + "; the window " + c.from() + " to " + c.to() + " overlaps it. Windows of requests "
                        + "that are not returned must not overlap.");
            }
        });
        List<ClaimedExpenditure> included = includedIn(c.from(), c.to(), ledger);
        if (included.isEmpty()) {
            throw RuleViolation.unprocessable("request-claims-something", null, "There is nothing to claim: no "
                    + "expenditure that is not claimed already was paid between " + c.from() + " and " + c.to()
                    + ", and no excluded expenditure or adjustment of a claimed one is waiting.");
        }
        ClaimFigures figures = ClaimArithmetic.figures(included, setup.budgetLines(),
                ClaimArithmetic.shares(terms.fundingSources()), rate.rate(), setup.currency(), terms.claimCurrency());
        // held until commit: no other request of the programme is checked against the ceiling in between
        programmes.lock(terms.programmeId());
        checkCeiling(terms, programmes.claimsAgainstCeiling(terms.programmeId()), figures.claimedInClaimCurrency(),
                "This request");
        return new ReimbursementRequested(c.projectId(), c.requestId(), terms.programmeId(), c.from(), c.to(), rate,
                terms.claimCurrency().code(), included, figures);
    }

    /** The expenditures a request with this window includes, in the order they were recorded. */
    List<ClaimedExpenditure> includedIn(LocalDate from, LocalDate to, Ledger ledger) {
        List<ClaimedExpenditure> included = new ArrayList<>();
        for (Expenditure e : ledger.inRecordedOrder()) {
            if (e.isCancelled() || held.containsKey(e.id())) {
                continue;
            }
            LocalDate paidOn = e.details().paidOn();
            boolean paidInWindow = paidOn != null && !paidOn.isBefore(from) && !paidOn.isAfter(to);
            boolean excludedBefore = excluded.contains(e.id());
            boolean adjustsClaimed = e.corrects() != null && held.containsKey(e.corrects());
            if (paidInWindow || excludedBefore || adjustsClaimed) {
                included.add(new ClaimedExpenditure(e.id(), e.details().budgetLine(), e.details().amount()));
            }
        }
        return included;
    }

    private static ExchangeRate checkedRate(ExchangeRate r) {
        if (r == null) {
            throw RuleViolation.badRequest("field-required", "exchangeRate", "is required");
        }
        if (r.rate() == null) {
            throw RuleViolation.badRequest("field-required", "exchangeRate.rate", "is required");
        }
        if (r.rate().signum() <= 0) {
            throw RuleViolation.badRequest("rate-positive-up-to-six-decimals", "exchangeRate.rate",
                    "must be more than zero, not " + r.rate().toPlainString());
        }
        if (r.rate().stripTrailingZeros().scale() > RATE_DIGITS) {
            throw RuleViolation.badRequest("rate-positive-up-to-six-decimals", "exchangeRate.rate",
                    r.rate().toPlainString() + " has more than " + RATE_DIGITS + " digits after the decimal point");
        }
        if (r.date() == null) {
            throw RuleViolation.badRequest("field-required", "exchangeRate.date", "is required");
        }
        if (r.source() == null || r.source().isBlank()) {
            throw RuleViolation.badRequest("field-required", "exchangeRate.source",
                    "Say where the rate comes from (e.g. the central bank's reference rate of that day).");
        }
        BigDecimal stripped = r.rate().stripTrailingZeros();
        return new ExchangeRate(stripped.scale() < 0 ? stripped.setScale(0) : stripped, r.date(), r.source());
    }

    /** The programme's claims together stay within its ceiling (claim currency). */
    static void checkCeiling(ClaimTerms terms, BigDecimal countedNow, BigDecimal adding, String what) {
        BigDecimal after = countedNow.add(adding);
        if (after.compareTo(terms.ceiling()) > 0) {
            String currency = terms.claimCurrency().code();
            int digits = terms.claimCurrency().minorDigits();
            throw RuleViolation.unprocessable("claims-within-the-ceiling", null, what + " would claim "
                    + money(adding, digits) + " " + currency + ", but programme '" + terms.programmeId()
                    + "' has " + money(countedNow, digits) + " " + currency + " claimed against its ceiling of "
                    + money(terms.ceiling(), digits) + " " + currency + ", so only "
                    + money(terms.ceiling().subtract(countedNow).max(BigDecimal.ZERO), digits) + " " + currency
                    + " remain. Nothing was recorded.");
        }
    }

    private static String money(BigDecimal amount, int digits) {
        return amount.setScale(digits, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @EventSourcingHandler
    public void on(ReimbursementRequested e) {
        requests.put(e.requestId(), new Request(e));
        for (ClaimedExpenditure c : e.included()) {
            held.put(c.expenditure(), e.requestId());
        }
    }

    // ---------------------------------------------------------------- approve

    public ReimbursementRequestApproved decide(ApproveReimbursementRequest c, ProjectSetup setup,
                                               ProgrammeRegister programmes) {
        Request request = awaitingDecision(c.requestId());
        List<Exclusion> exclusions = c.excluded() == null ? List.of() : List.copyOf(c.excluded());
        Set<String> leftOut = new HashSet<>();
        Set<String> inRequest = new HashSet<>(request.submitted.expenditures());
        for (int i = 0; i < exclusions.size(); i++) {
            Exclusion x = exclusions.get(i);
            String field = "excluded[" + i + "]";
            if (x == null || x.expenditure() == null || x.expenditure().isBlank()) {
                throw RuleViolation.badRequest("field-required", field + ".expenditure", "is required");
            }
            if (x.reason() == null || x.reason().isBlank()) {
                throw RuleViolation.badRequest("field-required", field + ".reason",
                        "Say why expenditure '" + x.expenditure() + "' is left out.");
            }
            if (!leftOut.add(x.expenditure())) {
                throw RuleViolation.badRequest("exclusion-named-once", field + ".expenditure", "Expenditure '"
                        + x.expenditure() + "' is excluded twice; name it once.");
            }
            if (!inRequest.contains(x.expenditure())) {
                throw RuleViolation.unprocessable("excluded-expenditure-in-the-request", field + ".expenditure",
                        "Expenditure '" + x.expenditure() + "' is not claimed in reimbursement request '"
                                + c.requestId() + "', so it cannot be excluded from it.");
            }
        }
        List<ClaimedExpenditure> kept = request.included.stream().filter(e -> !leftOut.contains(e.expenditure()))
                .toList();
        ClaimFigures approved = ClaimArithmetic.figures(kept, setup.budgetLines(),
                request.submitted.sources().stream().map(ClaimArithmetic.Share::of).toList(),
                request.exchangeRate.rate(), setup.currency(), new CurrencyCode(request.claimCurrency));
        BigDecimal more = approved.claimedInClaimCurrency().subtract(request.submitted.claimedInClaimCurrency());
        if (more.signum() > 0) {
            // leaving out a negative adjustment raises the claim: the ceiling must still hold
            ClaimTerms terms = programmes.claimTerms(request.programme).orElseThrow();
            programmes.lock(request.programme);
            checkCeiling(terms, programmes.claimsAgainstCeiling(request.programme), more, "Approving it so");
        }
        return new ReimbursementRequestApproved(c.projectId(), c.requestId(), exclusions, c.comment(), approved,
                request.claimCurrency);
    }

    @EventSourcingHandler
    public void on(ReimbursementRequestApproved e) {
        Request request = requests.get(e.requestId());
        request.status = Status.APPROVED;
        request.approved = e.approved();
        for (Exclusion x : e.excluded()) {
            held.remove(x.expenditure());
            excluded.add(x.expenditure());
        }
    }

    // ---------------------------------------------------------------- return

    public ReimbursementRequestReturned decide(ReturnReimbursementRequest c) {
        awaitingDecision(c.requestId());
        if (c.comment() == null || c.comment().isBlank()) {
            throw RuleViolation.badRequest("field-required", "comment", "Say why the request is returned.");
        }
        return new ReimbursementRequestReturned(c.projectId(), c.requestId(), c.comment());
    }

    @EventSourcingHandler
    public void on(ReimbursementRequestReturned e) {
        Request request = requests.get(e.requestId());
        request.status = Status.RETURNED;
        for (ClaimedExpenditure c : request.included) {
            held.remove(c.expenditure(), e.requestId());
        }
    }

    // ---------------------------------------------------------------- payment

    public ReimbursementPaymentRecorded decide(RecordReimbursementPayment c) {
        Request request = existing(c.requestId());
        if (c.paidOn() == null) {
            throw RuleViolation.badRequest("field-required", "paidOn", "is required");
        }
        CurrencyCode currency = new CurrencyCode(request.claimCurrency);
        Amounts.checkPositive("amount", c.amount(), currency);
        if (request.status != Status.APPROVED) {
            throw RuleViolation.conflict("only-approved-requests-are-paid", null, "Reimbursement request '"
                    + c.requestId() + "' is " + request.status.name().toLowerCase() + "; only an approved request "
                    + "can be paid, once.");
        }
        BigDecimal approved = request.approved.claimedInClaimCurrency();
        if (c.amount().compareTo(approved) > 0) {
            throw RuleViolation.unprocessable("payment-within-the-approved-amount", "amount", "The payment of "
                    + c.amount().toPlainString() + " " + currency + " is more than the " + approved.toPlainString()
                    + " " + currency + " approved for reimbursement request '" + c.requestId() + "'.");
        }
        return new ReimbursementPaymentRecorded(c.projectId(), c.requestId(), c.paidOn(),
                c.amount().setScale(currency.minorDigits()), currency.code());
    }

    @EventSourcingHandler
    public void on(ReimbursementPaymentRecorded e) {
        requests.get(e.requestId()).status = Status.PAID;
    }

    // ---------------------------------------------------------------- helpers

    private Request existing(String requestId) {
        Request request = requests.get(requestId);
        if (request == null) {
            throw RuleViolation.notFound("request-exists", "The project has no reimbursement request '" + requestId
                    + "'.");
        }
        return request;
    }

    private Request awaitingDecision(String requestId) {
        Request request = existing(requestId);
        if (request.status != Status.SUBMITTED) {
            throw RuleViolation.conflict("request-awaits-decision", null, "Reimbursement request '" + requestId
                    + "' is already " + request.status.name().toLowerCase() + "; only a submitted request can be "
                    + "approved or returned.");
        }
        return request;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reimbursements r && Objects.equals(requests, r.requests) && Objects.equals(held, r.held)
                && Objects.equals(excluded, r.excluded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requests, held, excluded);
    }
}
