package io.seire.query.programme;

import io.seire.kernel.access.Actor;
import io.seire.kernel.access.Role;
import io.seire.query.read.Decimals;
import io.seire.query.read.Paging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** The programme list and the programme as registered, with its projects. */
@Component
public class ProgrammeViews {

    public record ProgrammeSummary(String id, String name, String currency, String claimCurrency, String ceiling) {
    }

    public record ProgrammeFundingSource(String code, String name, String share, boolean claimable) {
    }

    public record ProgrammeComponent(String code, String name) {
    }

    public record ProgrammeIndicator(String code, String name, String unit) {
    }

    public record ProgrammeProject(String id, String name, String component) {
    }

    public record ProgrammeDetail(String id, String name, String currency, String claimCurrency, String ceiling,
                                  List<ProgrammeFundingSource> fundingSources, List<ProgrammeComponent> components,
                                  List<ProgrammeIndicator> indicators, List<ProgrammeProject> projects) {
    }

    private final JdbcClient jdbc;
    private final ProgrammeGate gate;

    public ProgrammeViews(JdbcClient jdbc, ProgrammeGate gate) {
        this.jdbc = jdbc;
        this.gate = gate;
    }

    /**
     * The programmes a reader may see, ordered by id: all for an administrator; for others those they are liaison of
     * and those one of their projects belongs to.
     */
    public Paging.Page<ProgrammeSummary> list(Actor actor, Paging paging) {
        String visible = actor.isAdmin() ? "TRUE" : "((" + actor.has(Role.LIAISON) + " AND programme_id = ANY(:programmes)) "
                + "OR programme_id IN (SELECT programme FROM project WHERE project_id = ANY(:projects)))";
        Map<String, Object> params = new LinkedHashMap<>();
        if (!actor.isAdmin()) {
            params.put("programmes", new SqlArrayValue("text", actor.programmes().toArray()));
            params.put("projects", new SqlArrayValue("text", actor.projects().toArray()));
        }
        long total = jdbc.sql("SELECT count(*) FROM programme WHERE " + visible).params(params).query(Long.class).single();
        List<ProgrammeSummary> items = jdbc.sql("SELECT programme_id, name, currency, claim_currency, ceiling, "
                        + "claim_minor_digits FROM programme WHERE " + visible
                        + " ORDER BY programme_id LIMIT :size OFFSET :offset")
                .params(params).param("size", paging.size()).param("offset", paging.offset())
                .query((rs, i) -> new ProgrammeSummary(rs.getString("programme_id"), rs.getString("name"),
                        rs.getString("currency"), rs.getString("claim_currency"),
                        Decimals.money(rs.getBigDecimal("ceiling"), rs.getInt("claim_minor_digits")))).list();
        return paging.page(items, total);
    }

    /** The programme as registered, with the projects the reader may see (all, for administrators and liaisons). */
    public ProgrammeDetail detail(ProgrammeScope scope) {
        ProgrammeRow g = scope.programme();
        return new ProgrammeDetail(g.id(), g.name(), g.currency(), g.claimCurrency(),
                Decimals.money(g.ceiling(), g.claimMinorDigits()),
                g.fundingSources().stream().map(s -> new ProgrammeFundingSource(s.code(), s.name(), Decimals.plain(s.share()),
                        s.claimable())).toList(),
                g.components().stream().map(c -> new ProgrammeComponent(c.code(), c.name())).toList(),
                g.indicators().stream().map(i -> new ProgrammeIndicator(i.code(), i.name(), i.unit())).toList(),
                gate.projects(scope).stream().map(p -> new ProgrammeProject(p.id(), p.project().name(), p.project().component()))
                        .toList());
    }
}
