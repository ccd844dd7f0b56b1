package io.seire.query.reimbursement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.reimbursement.ClaimFigures;
import io.seire.kernel.reimbursement.Exclusion;
import io.seire.query.read.Decimals;
import io.seire.query.read.Paging;
import io.seire.query.read.ProjectScope;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** A project's reimbursement requests as they stood at the reader's horizon: the list and each request. */
@Component
public class ReimbursementViews {

    public record ExchangeRateView(String rate, LocalDate date, String source) {
    }

    public record LineView(String budgetLine, String costCategory, String eligible) {
    }

    public record SourceView(String source, String share, boolean claimable, String amount) {
    }

    public record ExclusionView(String expenditure, String reason) {
    }

    /** The approved figures: those of the request without the excluded expenditures. */
    public record ApprovedView(List<String> expenditures, List<ExclusionView> excluded, List<LineView> lines,
                               String eligibleTotal, List<SourceView> sources, String claimed,
                               String claimedInClaimCurrency) {
    }

    public record PaymentView(LocalDate paidOn, String amount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(String status, Instant at, String actor, String comment) {
    }

    public record RequestView(String id, LocalDate from, LocalDate to, String status, String claimCurrency,
                              ExchangeRateView exchangeRate, List<String> expenditures, List<LineView> lines,
                              String eligibleTotal, List<SourceView> sources, String claimed,
                              String claimedInClaimCurrency, ApprovedView approved, PaymentView payment,
                              List<HistoryEntry> history) {
    }

    /** A request in the list: its window, status and the figures that count. */
    public record RequestSummary(String id, LocalDate from, LocalDate to, String status, String claimCurrency,
                                 ExchangeRateView exchangeRate, String eligibleTotal, String claimed,
                                 String claimedInClaimCurrency, String approvedClaimedInClaimCurrency,
                                 PaymentView payment) {
    }

    private static final TypeReference<List<Exclusion>> EXCLUSIONS = new TypeReference<>() {
    };

    /** A request as submitted, read from its row. */
    record Submitted(String id, String programme, LocalDate from, LocalDate to, BigDecimal rate, LocalDate rateDate,
                     String rateSource, String claimCurrency, int claimDigits, ClaimFigures figures,
                     BigDecimal claimedInClaimCurrency, Instant at, String actor) {
    }

    /** What happened to a request after its submission. */
    record Step(String requestId, String status, String comment, List<Exclusion> excluded, ClaimFigures figures,
                BigDecimal claimedInClaimCurrency, LocalDate paidOn, BigDecimal paidAmount, Instant at,
                String actor) {
    }

    /** A request and its steps up to a horizon. */
    record Request(Submitted submitted, List<Step> steps) {
        String status() {
            String status = "SUBMITTED";
            for (Step s : steps) {
                status = s.status();
            }
            return status;
        }

        Step step(String status) {
            return steps.stream().filter(s -> s.status().equals(status)).findFirst().orElse(null);
        }
    }

    private final JdbcClient jdbc;

    public ReimbursementViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Paging.Page<RequestSummary> list(ProjectScope scope, Paging paging) {
        long total = jdbc.sql("SELECT count(*) FROM reimbursement_request WHERE project_id = :projectId "
                        + "AND position <= :maxPosition")
                .param("projectId", scope.id()).param("maxPosition", scope.maxPosition())
                .query(Long.class).single();
        List<Submitted> page = jdbc.sql("SELECT " + SUBMITTED + " FROM reimbursement_request WHERE project_id = :projectId "
                        + "AND position <= :maxPosition ORDER BY from_date, position LIMIT :size OFFSET :offset")
                .param("projectId", scope.id()).param("maxPosition", scope.maxPosition())
                .param("size", paging.size()).param("offset", paging.offset())
                .query((rs, i) -> submitted(rs)).list();
        Map<String, List<Step>> steps = steps(List.of(scope.id()), Map.of(scope.id(), scope.maxPosition()))
                .getOrDefault(scope.id(), Map.of());
        List<RequestSummary> items = new ArrayList<>();
        for (Submitted s : page) {
            Request r = new Request(s, steps.getOrDefault(s.id(), List.of()));
            Step approval = r.step("APPROVED");
            Step payment = r.step("PAID");
            items.add(new RequestSummary(s.id(), s.from(), s.to(), r.status(), s.claimCurrency(), rate(s),
                    scope.money(s.figures().eligibleTotal()), scope.money(s.figures().claimed()),
                    claim(s, s.claimedInClaimCurrency()),
                    approval == null ? null : claim(s, approval.claimedInClaimCurrency()), payment(s, payment)));
        }
        return paging.page(items, total);
    }

    public RequestView detail(ProjectScope scope, String requestId) {
        Submitted s = jdbc.sql("SELECT " + SUBMITTED + " FROM reimbursement_request WHERE project_id = :projectId "
                        + "AND request_id = :requestId AND position <= :maxPosition")
                .param("projectId", scope.id()).param("requestId", requestId).param("maxPosition", scope.maxPosition())
                .query((rs, i) -> submitted(rs)).optional().orElseThrow(() -> RuleViolation.notFound("request-exists",
                "The project has no reimbursement request '" + requestId + "'."));
        Request r = new Request(s, steps(List.of(scope.id()), Map.of(scope.id(), scope.maxPosition()))
                .getOrDefault(scope.id(), Map.of()).getOrDefault(requestId, List.of()));
        Step approval = r.step("APPROVED");
        List<HistoryEntry> history = new ArrayList<>();
        history.add(new HistoryEntry("SUBMITTED", s.at(), s.actor(), null));
        r.steps().forEach(step -> history.add(new HistoryEntry(step.status(), step.at(), step.actor(), step.comment())));
        ClaimFigures f = s.figures();
        return new RequestView(s.id(), s.from(), s.to(), r.status(), s.claimCurrency(), rate(s), f.expenditures(),
                lines(scope, f), scope.money(f.eligibleTotal()), sources(scope, f), scope.money(f.claimed()),
                claim(s, f.claimedInClaimCurrency()), approval == null ? null : approved(scope, s, approval),
                payment(s, r.step("PAID")), history);
    }

    private ApprovedView approved(ProjectScope scope, Submitted s, Step approval) {
        ClaimFigures f = approval.figures();
        return new ApprovedView(f.expenditures(), approval.excluded().stream()
                .map(x -> new ExclusionView(x.expenditure(), x.reason())).toList(), lines(scope, f),
                scope.money(f.eligibleTotal()), sources(scope, f), scope.money(f.claimed()),
                claim(s, f.claimedInClaimCurrency()));
    }

    private static List<LineView> lines(ProjectScope scope, ClaimFigures f) {
        return f.lines().stream().map(l -> new LineView(l.budgetLine(), l.costCategory(), scope.money(l.eligible())))
                .toList();
    }

    private static List<SourceView> sources(ProjectScope scope, ClaimFigures f) {
        return f.sources().stream().map(x -> new SourceView(x.source(), Decimals.plain(x.share()), x.claimable(),
                scope.money(x.amount()))).toList();
    }

    private static ExchangeRateView rate(Submitted s) {
        return new ExchangeRateView(Decimals.plain(s.rate()), s.rateDate(), s.rateSource());
    }

    private static PaymentView payment(Submitted s, Step payment) {
        return payment == null ? null : new PaymentView(payment.paidOn(), claim(s, payment.paidAmount()));
    }

    private static String claim(Submitted s, BigDecimal amount) {
        return Decimals.money(amount, s.claimDigits());
    }

    // ------------------------------------------------------------ rows

    static final String SUBMITTED = "request_id, programme_id, from_date, to_date, rate, rate_date, rate_source, "
            + "claim_currency, claim_minor_digits, figures, claimed_in_claim_currency, recorded_at, actor";

    static Submitted submitted(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Submitted(rs.getString("request_id"), rs.getString("programme_id"),
                rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
                rs.getBigDecimal("rate"), rs.getObject("rate_date", LocalDate.class), rs.getString("rate_source"),
                rs.getString("claim_currency"), rs.getInt("claim_minor_digits"),
                read(rs.getString("figures"), ClaimFigures.class), rs.getBigDecimal("claimed_in_claim_currency"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"));
    }

    /**
     * The steps of the given projects' requests, each project up to its own horizon: project → request → steps in
     * order of position.
     */
    Map<String, Map<String, List<Step>>> steps(List<String> projects, Map<String, Long> horizons) {
        Map<String, Map<String, List<Step>>> steps = new HashMap<>();
        jdbc.sql("SELECT project_id, request_id, status, comment, excluded, figures, claimed_in_claim_currency, "
                        + "paid_on, paid_amount, recorded_at, actor, position FROM reimbursement_step "
                        + "WHERE project_id = ANY(:projects) ORDER BY position")
                .param("projects", new SqlArrayValue("text", projects.toArray()))
                .query(rs -> {
                    String project = rs.getString("project_id");
                    if (rs.getLong("position") > horizons.get(project)) {
                        return;
                    }
                    String excluded = rs.getString("excluded");
                    String figures = rs.getString("figures");
                    steps.computeIfAbsent(project, k -> new HashMap<>())
                            .computeIfAbsent(rs.getString("request_id"), k -> new ArrayList<>())
                            .add(new Step(rs.getString("request_id"), rs.getString("status"), rs.getString("comment"),
                                    excluded == null ? List.of() : read(excluded, EXCLUSIONS),
                                    figures == null ? null : read(figures, ClaimFigures.class),
                                    rs.getBigDecimal("claimed_in_claim_currency"), rs.getObject("paid_on", LocalDate.class),
                                    rs.getBigDecimal("paid_amount"), rs.getTimestamp("recorded_at").toInstant(),
                                    rs.getString("actor")));
                });
        return steps;
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return ReimbursementProjection.JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return ReimbursementProjection.JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
