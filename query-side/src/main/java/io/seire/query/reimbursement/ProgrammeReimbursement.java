package io.seire.query.reimbursement;

import io.seire.query.programme.ProgrammeGate;
import io.seire.query.programme.ProgrammeScope;
import io.seire.query.read.Decimals;
import io.seire.query.read.ProjectScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * A programme's claims against its ceiling, in its claim currency, from its projects' requests as each project's own
 * readers see them at the scope's instant: {@code claimed} adds up each request's submitted claim while it is not
 * returned (also after approval), {@code approved} the approved claims, {@code paid} the payments, and
 * {@code remainingCeiling} is the ceiling less what counts against it (a submitted request its claim, an approved or
 * paid one its approved claim, a returned one nothing) — the very rule the command side enforces (ADR 0025).
 */
@Component
public class ProgrammeReimbursement {

    public record ProjectClaims(String project, String claimed, String approved, String paid) {
    }

    public record View(String programme, String claimCurrency, String ceiling, String claimed, String approved,
                       String paid, String remainingCeiling, List<ProjectClaims> projects) {
    }

    /** Claimed, approved, paid and counted against the ceiling. */
    private record Sums(BigDecimal claimed, BigDecimal approved, BigDecimal paid, BigDecimal counted) {
        static final Sums ZERO = new Sums(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        Sums plus(Sums o) {
            return new Sums(claimed.add(o.claimed), approved.add(o.approved), paid.add(o.paid), counted.add(o.counted));
        }
    }

    private final JdbcClient jdbc;
    private final ProgrammeGate gate;
    private final ReimbursementViews views;

    public ProgrammeReimbursement(JdbcClient jdbc, ProgrammeGate gate, ReimbursementViews views) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.views = views;
    }

    public View view(ProgrammeScope scope) {
        List<ProjectScope> projects = gate.projects(scope);
        Map<String, Long> horizons = new LinkedHashMap<>();
        projects.forEach(p -> horizons.put(p.id(), p.maxPosition()));
        List<String> ids = List.copyOf(horizons.keySet());
        Map<String, Map<String, List<ReimbursementViews.Step>>> steps = views.steps(ids, horizons);
        Map<String, Sums> byProject = new HashMap<>();
        jdbc.sql("SELECT project_id, request_id, claimed_in_claim_currency, position FROM reimbursement_request "
                + "WHERE project_id = ANY(:projectIds)")
                .param("projectIds", new SqlArrayValue("text", ids.toArray()))
                .query(rs -> {
                    String project = rs.getString("project_id");
                    if (rs.getLong("position") > horizons.get(project)) {
                        return;
                    }
                    List<ReimbursementViews.Step> done = steps.getOrDefault(project, Map.of())
                            .getOrDefault(rs.getString("request_id"), List.of());
                    byProject.merge(project, sums(rs.getBigDecimal("claimed_in_claim_currency"), done), Sums::plus);
                });
        int digits = scope.programme().claimMinorDigits();
        List<ProjectClaims> rows = new ArrayList<>();
        Sums total = Sums.ZERO;
        for (String project : ids) {
            Sums s = byProject.getOrDefault(project, Sums.ZERO);
            rows.add(new ProjectClaims(project, Decimals.money(s.claimed(), digits), Decimals.money(s.approved(), digits),
                    Decimals.money(s.paid(), digits)));
            total = total.plus(s);
        }
        BigDecimal ceiling = scope.programme().ceiling();
        return new View(scope.id(), scope.programme().claimCurrency(), Decimals.money(ceiling, digits),
                Decimals.money(total.claimed(), digits), Decimals.money(total.approved(), digits),
                Decimals.money(total.paid(), digits), Decimals.money(ceiling.subtract(total.counted()), digits), rows);
    }

    /** One request's part: its steps decide whether it still counts and with which figure. */
    private static Sums sums(BigDecimal submitted, List<ReimbursementViews.Step> steps) {
        BigDecimal approved = null;
        BigDecimal paid = BigDecimal.ZERO;
        for (ReimbursementViews.Step step : steps) {
            switch (step.status()) {
                case "RETURNED" -> {
                    return Sums.ZERO;
                }
                case "APPROVED" -> approved = step.claimedInClaimCurrency();
                case "PAID" -> paid = paid.add(step.paidAmount());
                default -> {
                }
            }
        }
        return approved == null ? new Sums(submitted, BigDecimal.ZERO, paid, submitted)
                : new Sums(submitted, approved, paid, approved);
    }
}
