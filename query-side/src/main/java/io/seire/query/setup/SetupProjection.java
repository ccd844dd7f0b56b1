package io.seire.query.setup;

import static io.seire.query.audit.AuditDescriptions.line;
import static io.seire.query.audit.AuditDescriptions.indicator;
import static io.seire.query.audit.AuditDescriptions.subActivity;
import static io.seire.query.audit.AuditDescriptions.date;
import static io.seire.query.audit.AuditDescriptions.PROJECT;
import io.seire.query.audit.AuditDescriptions;
import io.seire.query.audit.AuditDescriptions.Description;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.kernel.CurrencyCode;
import io.seire.kernel.setup.BudgetLineAdded;
import io.seire.kernel.setup.BudgetLineRevised;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.SubActivityAdded;
import io.seire.platform.eventstore.StoredJson;
import io.seire.query.read.EventPosition;
import io.seire.query.read.ProjectionWriter;
import io.seire.query.read.Projections;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/** Keeps the setup tables. Every insert is keyed so that handling an event twice changes nothing. */
@Component
@ProcessingGroup(Projections.GROUP)
public class SetupProjection {

    private static final ObjectMapper JSON = StoredJson.mapper();

    private final ProjectionWriter writer;

    public SetupProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(ProjectRegistered e, @EventPosition long position, @Timestamp Instant at) {
        writer.update("INSERT INTO project (project_id, name, programme, beneficiary, currency, minor_digits, eligible_from, "
                        + "eligible_to, flexibility_percent, position, recorded_at, component, contract_number, partners, "
                        + "projected_to) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?) ON CONFLICT DO NOTHING",
                e.projectId(), e.name(), e.programme(), e.beneficiary(), e.currency(),
                new CurrencyCode(e.currency()).minorDigits(), e.eligibleFrom(), e.eligibleTo(), e.flexibilityPercent(),
                position, Projections.at(at), e.component(), e.contractNumber(), json(e.partners()), position);
        List<ReportingPeriod> periods = e.reportingPeriods();
        for (int i = 0; i < periods.size(); i++) {
            ReportingPeriod p = periods.get(i);
            writer.update("INSERT INTO reporting_period (project_id, period_id, ordinal, date_from, date_to) VALUES (?,?,?,?,?) "
                    + "ON CONFLICT DO NOTHING", e.projectId(), p.id(), i, p.from(), p.to());
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @EventHandler
    public void on(SubActivityAdded e, @EventPosition long position) {
        writer.update("INSERT INTO sub_activity (project_id, code, name, position) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
                e.projectId(), e.code(), e.name(), position);
    }

    @EventHandler
    public void on(BudgetLineAdded e, @EventPosition long position) {
        writer.update("INSERT INTO budget_line (project_id, code, sub_activity, cost_category, planned, flat_rate_percent, "
                        + "flat_rate_of, position) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                e.projectId(), e.code(), e.subActivity(), e.costCategory(), e.planned(),
                e.flatRate() == null ? null : e.flatRate().percent(),
                e.flatRate() == null ? null : e.flatRate().ofCostCategory(), position);
    }

    @EventHandler
    public void on(BudgetLineRevised e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        writer.update("INSERT INTO budget_line_revision (project_id, position, code, planned, effective_from, reason, "
                        + "reference, recorded_at, actor) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                e.projectId(), position, e.code(), e.planned(), e.effectiveFrom(), e.reason(),
                e.reference(), Projections.at(at), actor);
    }

    @EventHandler
    public void on(IndicatorDefined e, @EventPosition long position) throws JsonProcessingException {
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        for (var m : e.milestones()) {
            Map<String, String> row = new java.util.LinkedHashMap<>();
            row.put("date", m.date().toString());
            row.put("value", m.value() == null ? null : m.value().toPlainString());
            rows.add(row);
        }
        String milestones = JSON.writeValueAsString(rows);
        writer.update("INSERT INTO indicator (project_id, code, name, unit, kind, measure, aggregation, ascending, baseline, "
                        + "target, milestones, position, programme_indicator) VALUES (?,?,?,?,?,?,?,?,?,?,?::jsonb,?,?) "
                        + "ON CONFLICT DO NOTHING",
                e.projectId(), e.code(), e.name(), e.unit(), e.kind().name(), e.measure().name(), e.aggregation().name(),
                e.ascending(), e.baseline(), e.target(), milestones, position, e.programmeIndicator());
    }

    // ---------------------------------------------------------------- what its events say in the audit trail

    /** The audit lines of the setup events, read once by {@link AuditDescriptions}. */
    public static void describe(AuditDescriptions.Catalogue catalogue) {
        catalogue.on(ProjectRegistered.class, (e, before, valuePeriodEnd) ->
                new Description(e.eligibleFrom().toString(), "Project registered: " + e.name() + ", eligible "
                    + e.eligibleFrom() + " to " + e.eligibleTo() + (e.component() == null ? ""
                    : ", in component " + e.component() + " of programme " + e.programme()), null, List.of(PROJECT)));
        catalogue.on(SubActivityAdded.class, (e, before, valuePeriodEnd) ->
                new Description(null, "Sub-activity " + e.code() + " added: " + e.name(), null,
                    List.of(PROJECT, subActivity(e.code()))));
        catalogue.on(BudgetLineAdded.class, (e, before, valuePeriodEnd) ->
                new Description(null, "Budget line " + e.code() + " added: " + (e.flatRate() == null
                    ? e.planned().toPlainString() : e.flatRate().percent().toPlainString() + " % of "
                    + e.flatRate().ofCostCategory()) + " for " + e.costCategory() + " in sub-activity "
                    + e.subActivity(), null, List.of(PROJECT, line(e.code()))));
        catalogue.on(BudgetLineRevised.class, (e, before, valuePeriodEnd) ->
                new Description(e.effectiveFrom().toString(), "Budget line " + e.code() + " revised to "
                    + e.planned().toPlainString() + " from " + e.effectiveFrom()
                    + (e.reference() == null ? "" : " (" + e.reference() + ")"), e.reason(),
                    List.of(PROJECT, line(e.code()), date(e.effectiveFrom()))));
        catalogue.on(IndicatorDefined.class, (e, before, valuePeriodEnd) ->
                new Description(null, "Indicator " + e.code() + " defined: " + e.name()
                    + (e.programmeIndicator() == null ? ""
                    : ", counting towards programme indicator " + e.programmeIndicator()), null,
                    List.of(PROJECT, indicator(e.code()))));
    }
}
