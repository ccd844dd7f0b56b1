package io.seire.query.iati;

import io.seire.query.programme.ProgrammeRow;
import io.seire.query.read.Periods;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import io.seire.query.results.ResultsFramework;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * An IATI 2.03 {@code iati-activities} document with one {@code iati-activity} per project (ADR 0032), written as
 * it is read: projects in batches, each project's transactions through a database cursor, so memory holds one
 * batch's indicators and periods whatever the number of projects and expenditures. Everything is read in one
 * repeatable-read transaction on the connection given, so the document is one consistent state.
 */
@Component
public class IatiDocument {

    /** Projects whose facts are read together. */
    static final int BATCH = 100;

    private final IatiSettings settings;
    private final int batch;

    @org.springframework.beans.factory.annotation.Autowired
    public IatiDocument(IatiSettings settings) {
        this(settings, BATCH);
    }

    IatiDocument(IatiSettings settings, int batch) {
        this.settings = settings;
        this.batch = batch;
    }

    /**
     * Writes the document for the projects, in their order, each at its own horizon; {@code on} is the date the
     * activities' status is told for (today, or the {@code asOf} date).
     */
    public void write(Connection connection, List<ProjectScope> projects, LocalDate on, OutputStream out)
            throws IOException, SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            jdbc.setFetchSize(1000);
            // one client per document, on the document's own connection and snapshot (the transactions' cursor
            // keeps the template: it reads with the fetch size, ADR 0044)
            JdbcClient client = JdbcClient.create(jdbc);
            ResultsFramework results = new ResultsFramework(client);
            Map<String, Optional<ProgrammeRow>> programmes = new HashMap<>();
            XmlOut xml = new XmlOut(out);
            xml.start("iati-activities").attr("version", "2.03")
                    .attr("generated-datetime", Instant.now().truncatedTo(ChronoUnit.SECONDS));
            for (int from = 0; from < projects.size(); from += batch) {
                List<ProjectScope> some = projects.subList(from, Math.min(projects.size(), from + batch));
                for (ActivityFacts facts : ActivityFacts.load(client, results, some)) {
                    String programme = facts.scope().project().programme();
                    ProgrammeRow registered = programmes.computeIfAbsent(programme,
                            id -> Optional.ofNullable(ProgrammeRow.find(client, id))).orElse(null);
                    activity(xml, jdbc, client, facts, registered, on);
                }
            }
            xml.finish();
        } catch (XMLStreamException e) {
            throw new IOException("The IATI document could not be written", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private void activity(XmlOut xml, JdbcTemplate jdbc, JdbcClient client, ActivityFacts facts, ProgrammeRow programme, LocalDate on)
            throws XMLStreamException {
        ProjectRow p = facts.scope().project();
        xml.start("iati-activity").lang(settings.language()).attr("default-currency", p.currency())
                .attr("last-updated-datetime", facts.lastUpdated());
        xml.start("iati-identifier").text(settings.activityId(p.id())).end();
        xml.start("reporting-org").attr("ref", settings.reportingOrgRef()).attr("type", settings.reportingOrgType())
                .narrative(settings.reportingOrgName()).end();
        xml.narrated("title", p.name());
        xml.start("description").attr("type", "1")
                .narrative(facts.subActivities().isEmpty() ? p.name() : String.join("\n", facts.subActivities())).end();
        participatingOrgs(xml, p, programme, client.sql("SELECT jsonb_array_elements(partners) ->> 'name' AS name "
                + "FROM project WHERE project_id = :projectId").param("projectId", p.id()).query(String.class).list());
        boolean closed = facts.closedOn() != null;
        xml.empty("activity-status", "code", IatiCodes.activityStatus(on, p.eligibleFrom(), p.eligibleTo(), closed));
        dates(xml, facts, on);
        budgets(xml, facts);
        transactions(xml, jdbc, facts.scope());
        results(xml, facts, on);
        xml.end();
    }

    /**
     * Funding: the registered programme's funding sources, else the programme as the project names it. Implementing:
     * the beneficiary, then each partner in the order the project lists them.
     */
    private static void participatingOrgs(XmlOut xml, ProjectRow p, ProgrammeRow programme, List<String> partners)
            throws XMLStreamException {
        if (programme != null && !programme.fundingSources().isEmpty()) {
            for (ProgrammeRow.Source source : programme.fundingSources()) {
                xml.start("participating-org").attr("role", IatiCodes.FUNDING).narrative(source.name()).end();
            }
        } else {
            xml.start("participating-org").attr("role", IatiCodes.FUNDING).narrative(p.programme()).end();
        }
        xml.start("participating-org").attr("role", IatiCodes.IMPLEMENTING).narrative(p.beneficiary()).end();
        for (String partner : partners) {
            xml.start("participating-org").attr("role", IatiCodes.IMPLEMENTING).narrative(partner).end();
        }
    }

    /**
     * Planned start and end: the eligibility period. Actual start: the first expenditure still standing, else the
     * eligibility start once it has come. Actual end: the end of the period of the approved final report.
     */
    private static void dates(XmlOut xml, ActivityFacts facts, LocalDate on) throws XMLStreamException {
        ProjectRow p = facts.scope().project();
        xml.empty("activity-date", "type", IatiCodes.PLANNED_START, "iso-date", p.eligibleFrom());
        LocalDate started = facts.firstSpent() != null ? facts.firstSpent()
                : p.eligibleFrom().isAfter(on) ? null : p.eligibleFrom();
        if (started != null) {
            xml.empty("activity-date", "type", IatiCodes.ACTUAL_START, "iso-date", started);
        }
        xml.empty("activity-date", "type", IatiCodes.PLANNED_END, "iso-date", p.eligibleTo());
        if (facts.closedOn() != null) {
            xml.empty("activity-date", "type", IatiCodes.ACTUAL_END, "iso-date", facts.closedOn());
        }
    }

    /**
     * Per calendar year with an approved work plan, its original budget and, once a later version is approved, the
     * revised one; committed (the liaison approved them), over the year's part of the eligibility period.
     */
    private static void budgets(XmlOut xml, ActivityFacts facts) throws XMLStreamException {
        ProjectRow p = facts.scope().project();
        for (ActivityFacts.Budget budget : facts.budgets()) {
            LocalDate start = LocalDate.of(budget.year(), 1, 1);
            LocalDate end = LocalDate.of(budget.year(), 12, 31);
            start = start.isBefore(p.eligibleFrom()) ? p.eligibleFrom() : start;
            end = end.isAfter(p.eligibleTo()) ? p.eligibleTo() : end;
            xml.start("budget").attr("type", budget.revised() ? IatiCodes.REVISED_BUDGET : IatiCodes.ORIGINAL_BUDGET)
                    .attr("status", IatiCodes.COMMITTED);
            xml.empty("period-start", "iso-date", start);
            xml.empty("period-end", "iso-date", end);
            xml.start("value").attr("currency", p.currency()).attr("value-date", start)
                    .text(facts.scope().money(budget.total())).end();
            xml.end();
        }
    }

    /**
     * One expenditure transaction per version of every expenditure up to the horizon: a recording with its amount, a
     * correction with the difference it made, a cancellation with the amount it took away (negative); each dated
     * with the version's {@code incurredOn}. Read through a cursor, in date order.
     */
    private static void transactions(XmlOut xml, JdbcTemplate jdbc, ProjectScope scope) {
        jdbc.query("SELECT expenditure_id, change, incurred_on, supplier, description, reason, position, "
                        + "CASE change WHEN 'CORRECTED' THEN amount - lag(amount) OVER versions "
                        + "WHEN 'CANCELLED' THEN -amount ELSE amount END AS value "
                        + "FROM expenditure_version WHERE project_id = ? AND position <= ? "
                        + "WINDOW versions AS (PARTITION BY expenditure_id ORDER BY position) "
                        + "ORDER BY incurred_on, position, expenditure_id",
                rs -> {
                    String id = rs.getString("expenditure_id");
                    String change = rs.getString("change");
                    LocalDate date = rs.getObject("incurred_on", LocalDate.class);
                    String supplier = rs.getString("supplier");
                    String text = "RECORDED".equals(change) ? rs.getString("description") : rs.getString("reason");
                    BigDecimal value = rs.getBigDecimal("value");
                    String ref = "RECORDED".equals(change) ? id
                            : id + "/" + change.toLowerCase(java.util.Locale.ROOT) + "/" + rs.getLong("position");
                    try {
                        xml.start("transaction").attr("ref", ref);
                        xml.empty("transaction-type", "code", IatiCodes.EXPENDITURE);
                        xml.empty("transaction-date", "iso-date", date);
                        xml.start("value").attr("currency", scope.project().currency()).attr("value-date", date)
                                .text(scope.money(value)).end();
                        if (text != null && !text.isBlank()) {
                            xml.narrated("description", text);
                        }
                        if (supplier != null && !supplier.isBlank()) {
                            xml.start("receiver-org").narrative(supplier).end();
                        }
                        xml.end();
                    } catch (XMLStreamException e) {
                        throw new UncheckedIOException(new IOException(e));
                    }
                }, scope.id(), scope.maxPosition());
    }

    /**
     * One result per indicator (an output's is an output, a result indicator's an outcome), its indicator with the
     * baseline taken at the eligibility start and one period per reporting period: the target is the milestone due
     * by the period's end (the final target in the last period), the actual the cumulative value of the project's
     * results framework for that period, given once the period has begun.
     */
    private static void results(XmlOut xml, ActivityFacts facts, LocalDate on) throws XMLStreamException {
        ProjectRow p = facts.scope().project();
        List<Periods.Period> periods = facts.periods();
        for (ActivityFacts.Indicator indicator : facts.indicators()) {
            boolean qualitative = IatiCodes.qualitative(indicator.measure());
            xml.start("result").attr("type", IatiCodes.resultType(indicator.kind()));
            xml.narrated("title", indicator.name());
            xml.start("indicator").attr("measure", IatiCodes.measure(indicator.measure()))
                    .attr("ascending", qualitative ? null : indicator.ascending());
            xml.narrated("title", indicator.name());
            if (!indicator.unit().isBlank()) {
                xml.narrated("description", indicator.unit());
            }
            xml.empty("reference", "vocabulary", IatiCodes.OWN_VOCABULARY, "code", indicator.code());
            if (!qualitative && indicator.baseline() != null) {
                xml.empty("baseline", "year", p.eligibleFrom().getYear(), "iso-date", p.eligibleFrom(),
                        "value", indicator.baseline());
            }
            for (int k = 0; k < periods.size(); k++) {
                Periods.Period period = periods.get(k);
                ResultsFramework.Row row = facts.result(k, indicator.code());
                xml.start("period");
                xml.empty("period-start", "iso-date", period.from());
                xml.empty("period-end", "iso-date", period.to());
                boolean begun = !period.from().isAfter(on);
                if (row != null && qualitative) {
                    if (begun && row.cumulative() != null) {
                        xml.start("actual").start("comment").narrative(row.cumulative()).end().end();
                    }
                } else if (row != null) {
                    String target = k == periods.size() - 1 ? row.target() : row.milestone();
                    if (target != null) {
                        xml.empty("target", "value", target);
                    }
                    if (begun && row.cumulative() != null) {
                        xml.empty("actual", "value", row.cumulative());
                    }
                }
                xml.end();
            }
            xml.end();
            xml.end();
        }
    }
}
