package io.seire.query.setup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.Role;
import io.seire.platform.eventstore.StoredJson;
import io.seire.query.finance.BudgetPlan;
import io.seire.query.finance.Spending;
import io.seire.query.read.Decimals;
import io.seire.query.read.Horizon;
import io.seire.query.read.Paging;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.ReadGate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** The project list and the project detail, as registered and set up. */
@Component
public class ProjectViews {

    public record ProjectSummary(String id, String name, String programme, String beneficiary, String currency,
                                 String totalPlanned, String spent) {
    }

    public record Period(String id, LocalDate from, LocalDate to) {
    }

    public record SubActivity(String code, String name) {
    }

    public record FlatRate(String percent, String ofCostCategory) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BudgetLine(String code, String subActivity, String costCategory, String originalPlanned,
                             String planned, FlatRate flatRate) {
    }

    public record Milestone(LocalDate date, String value) {
    }

    /** {@code programmeIndicator} appears only when the indicator counts towards one of its programme's. */
    public record Indicator(String code, String name, String unit, String kind, String measure, String aggregation,
                            boolean ascending, String baseline, List<Milestone> milestones, String target,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String programmeIndicator) {
    }

    /** A partner organisation; {@code country} and {@code role} are null when the contract names none. */
    public record Partner(String name, String country, String role) {
    }

    /** {@code contractNumber} is null when not given; {@code partners} empty when there are none. */
    public record ProjectDetail(String id, String name, String programme, String component, String beneficiary,
                                String currency, LocalDate eligibleFrom, LocalDate eligibleTo, String flexibilityPercent,
                                List<Period> reportingPeriods, List<SubActivity> subActivities,
                                List<BudgetLine> budgetLines, List<Indicator> indicators, String totalPlanned,
                                String contractNumber, List<Partner> partners) {
    }

    private static final ObjectMapper JSON = StoredJson.mapper();

    private final JdbcClient jdbc;
    private final ReadGate gate;
    private final Spending spending;

    public ProjectViews(JdbcClient jdbc, ReadGate gate) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.spending = new Spending(jdbc);
    }

    /** The projects the actor may see, as recorded now or, given {@code asOf}, as recorded at that instant. */
    public Paging.Page<ProjectSummary> list(Actor actor, Paging paging, java.time.Instant asOf) {
        Horizon horizon = Horizon.NOW;
        LocalDate on = today();
        if (asOf != null) {
            Long position = jdbc.sql("SELECT max(position) FROM audit_entry WHERE recorded_at <= :asOf")
                    .param("asOf", java.sql.Timestamp.from(asOf)).query(Long.class).optional().orElse(null);
            horizon = new Horizon(position == null ? -1 : position);
            on = asOf.atZone(ZoneOffset.UTC).toLocalDate();
        }
        // two fixed conditions: an administrator sees every project, anyone else those they belong to or liaise for
        String visible = "position <= :maxPosition AND " + (actor.isAdmin() ? "TRUE"
                : "(project_id = ANY(:projects) OR (" + actor.has(Role.LIAISON) + " AND programme = ANY(:programmes)))");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("maxPosition", horizon.maxPosition());
        if (!actor.isAdmin()) {
            params.put("projects", new SqlArrayValue("text", actor.projects().toArray()));
            params.put("programmes", new SqlArrayValue("text", actor.programmes().toArray()));
        }
        Long total = jdbc.sql("SELECT count(*) FROM project WHERE " + visible).params(params).query(Long.class).single();
        List<String> ids = jdbc.sql("SELECT project_id FROM project WHERE " + visible
                        + " ORDER BY project_id LIMIT :size OFFSET :offset")
                .params(params).param("size", paging.size()).param("offset", paging.offset())
                .query(String.class).list();
        List<ProjectSummary> items = new ArrayList<>();
        for (String id : ids) {
            ProjectRow p = gate.find(id);
            BudgetPlan plan = BudgetPlan.load(jdbc, id, horizon, p.minorDigits());
            items.add(new ProjectSummary(p.id(), p.name(), p.programme(), p.beneficiary(), p.currency(),
                    Decimals.money(plan.totalPlannedOn(on), p.minorDigits()),
                    Decimals.money(spending.total(id, horizon, plan), p.minorDigits())));
        }
        return paging.page(items, total == null ? 0 : total);
    }

    public ProjectDetail detail(ProjectScope scope, LocalDate asOfDate) {
        ProjectRow p = scope.project();
        long max = scope.maxPosition();
        List<Period> periods = jdbc.sql("SELECT period_id, date_from, date_to FROM reporting_period "
                        + "WHERE project_id = :projectId ORDER BY ordinal")
                .param("projectId", p.id())
                .query((rs, i) -> new Period(rs.getString("period_id"), rs.getObject("date_from", LocalDate.class),
                        rs.getObject("date_to", LocalDate.class))).list();
        List<SubActivity> subActivities = jdbc.sql("SELECT code, name FROM sub_activity WHERE project_id = :projectId "
                        + "AND position <= :maxPosition ORDER BY position")
                .param("projectId", p.id()).param("maxPosition", max)
                .query((rs, i) -> new SubActivity(rs.getString("code"), rs.getString("name"))).list();
        BudgetPlan plan = BudgetPlan.load(jdbc, p.id(), scope.horizon(), p.minorDigits());
        LocalDate on = asOfDate == null ? today() : asOfDate;
        List<BudgetLine> lines = plan.lines().stream().map(l -> new BudgetLine(l.code(), l.subActivity(),
                l.costCategory(), scope.money(plan.originalPlanned(l)), scope.money(plan.plannedOn(l, on)),
                l.isFlatRate() ? new FlatRate(Decimals.plain(l.flatRatePercent()), l.flatRateOf()) : null)).toList();
        List<Indicator> indicators = jdbc.sql("SELECT code, name, coalesce(unit, '') AS unit, kind, measure, "
                        + "aggregation, ascending, baseline, milestones::text AS milestones, target, programme_indicator "
                        + "FROM indicator WHERE project_id = :projectId AND position <= :maxPosition ORDER BY position")
                .param("projectId", p.id()).param("maxPosition", max)
                .query((rs, i) -> new Indicator(rs.getString("code"), rs.getString("name"), rs.getString("unit"),
                        rs.getString("kind"), rs.getString("measure"), rs.getString("aggregation"),
                        rs.getBoolean("ascending"), Decimals.plain(rs.getBigDecimal("baseline")),
                        milestones(rs.getString("milestones")), Decimals.plain(rs.getBigDecimal("target")),
                        rs.getString("programme_indicator"))).list();
        Contract contract = jdbc.sql("SELECT contract_number, partners::text AS partners FROM project "
                        + "WHERE project_id = :projectId")
                .param("projectId", p.id())
                .query((rs, i) -> new Contract(rs.getString("contract_number"), partners(rs.getString("partners"))))
                .single();
        return new ProjectDetail(p.id(), p.name(), p.programme(), p.component(), p.beneficiary(), p.currency(),
                p.eligibleFrom(), p.eligibleTo(), Decimals.plain(p.flexibilityPercent()), periods, subActivities, lines, indicators,
                scope.money(plan.totalPlannedOn(on)), contract.number(), contract.partners());
    }

    private record Contract(String number, List<Partner> partners) {
    }

    private static List<Partner> partners(String json) {
        try {
            List<Map<String, String>> rows = JSON.readValue(json, new TypeReference<>() {
            });
            return rows.stream().map(r -> new Partner(r.get("name"), r.get("country"), r.get("role"))).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Milestone> milestones(String json) {
        try {
            List<Map<String, String>> rows = JSON.readValue(json, new TypeReference<>() {
            });
            return rows.stream().map(r -> new Milestone(LocalDate.parse(r.get("date")),
                    r.get("value") == null ? null : Decimals.plain(new BigDecimal(r.get("value"))))).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
