package io.seire.query.finance;

import static io.seire.query.audit.AuditDescriptions.line;
import static io.seire.query.audit.AuditDescriptions.date;
import static io.seire.query.audit.AuditDescriptions.inWords;
import io.seire.query.audit.AuditDescriptions;
import io.seire.query.audit.AuditDescriptions.Description;
import java.util.ArrayList;
import java.util.Objects;
import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureDetails;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.finance.ExpendituresImported;
import io.seire.kernel.finance.OriginalAmount;
import io.seire.kernel.personaldata.FreeTextRedacted;
import io.seire.kernel.personaldata.RedactedRecord;
import io.seire.platform.personaldata.PersonalData;
import io.seire.query.personaldata.SealedTexts;
import io.seire.query.read.EventPosition;
import io.seire.query.read.ProjectionWriter;
import io.seire.query.read.Projections;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Keeps every version of every expenditure. A correction or cancellation adds a version and closes the one before
 * it at its own position; handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class FinanceProjection {

    private static final String INSERT = "INSERT INTO expenditure_version (position, project_id, expenditure_id, change, "
            + "status, budget_line, cost_category, amount, incurred_on, paid_on, supplier, invoice, description, corrects, "
            + "reason, recorded_at, actor, original_amount, original_currency, rate, rate_date, rate_source) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING";

    private final ProjectionWriter writer;
    private final SealedTexts sealed;
    /** A budget line's cost category never changes once the line is added. */
    private final Map<String, String> costCategories = new ConcurrentHashMap<>();

    public FinanceProjection(ProjectionWriter writer, SealedTexts sealed) {
        this.writer = writer;
        this.sealed = sealed;
    }

    @EventHandler
    public void on(ExpenditureRecorded e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        insert(position, e.projectId(), e.expenditureId(), "RECORDED", "RECORDED", described(e.details(),
                e.description()), e.corrects(), null, at, actor);
    }

    /** An import's rows: one version each, at the import event's position. */
    @EventHandler
    public void on(ExpendituresImported e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        for (ExpenditureRecorded row : e.rows()) {
            on(row, position, at, actor);
        }
    }

    @EventHandler
    public void on(ExpenditureCorrected e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        String corrects = previous(e.projectId(), e.expenditureId(), position).corrects();
        insert(position, e.projectId(), e.expenditureId(), "CORRECTED", "RECORDED", described(e.details(),
                e.description()), corrects, e.reason(), at, actor);
        close(e.projectId(), e.expenditureId(), position);
    }

    @EventHandler
    public void on(ExpenditureCancelled e, @EventPosition long position, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        Version before = previous(e.projectId(), e.expenditureId(), position);
        insert(position, e.projectId(), e.expenditureId(), "CANCELLED", "CANCELLED", before.details(),
                before.corrects(), e.reason(), at, actor);
        close(e.projectId(), e.expenditureId(), position);
    }

    /**
     * A redacted description reads {@code [redacted]} in every version of the expenditure (a rebuild finds its key
     * destroyed and writes the same).
     */
    @EventHandler
    public void on(FreeTextRedacted e) {
        if (e.kind() != RedactedRecord.EXPENDITURE || !e.fields().contains("description")) {
            return;
        }
        writer.flush(); // after every version queued before it
        writer.update("UPDATE expenditure_version SET description = ? WHERE project_id = ? AND expenditure_id = ? "
                + "AND description IS NOT NULL", PersonalData.REDACTED, e.projectId(), e.recordId());
    }

    private ExpenditureDetails described(ExpenditureDetails d, io.seire.kernel.PersonalText description) {
        return new ExpenditureDetails(d.budgetLine(), d.amount(), d.incurredOn(), d.paidOn(), d.supplier(), d.invoice(),
                sealed.open(description, PersonalData.REDACTED), d.original());
    }

    private String costCategory(String projectId, String line) {
        return costCategories.computeIfAbsent(projectId + '\u0000' + line, k -> writer.read()
                .sql("SELECT cost_category FROM budget_line WHERE project_id = :projectId AND code = :line")
                .param("projectId", projectId).param("line", line).query(String.class).single());
    }

    private record Version(ExpenditureDetails details, String corrects) {
    }

    private Version previous(String projectId, String expenditureId, long position) {
        List<Version> versions = writer.read().sql("SELECT budget_line, amount, incurred_on, paid_on, supplier, invoice, "
                        + "description, corrects, original_amount, original_currency, rate, rate_date, rate_source "
                        + "FROM expenditure_version WHERE project_id = :projectId AND expenditure_id = :expenditureId "
                        + "AND position < :position ORDER BY position DESC LIMIT 1")
                .param("projectId", projectId).param("expenditureId", expenditureId).param("position", position)
                .query((rs, i) -> new Version(new ExpenditureDetails(rs.getString("budget_line"), rs.getBigDecimal("amount"),
                        rs.getObject("incurred_on", java.time.LocalDate.class),
                        rs.getObject("paid_on", java.time.LocalDate.class), rs.getString("supplier"),
                        rs.getString("invoice"), rs.getString("description"), original(rs)), rs.getString("corrects")))
                .list();
        if (versions.isEmpty()) {
            throw new IllegalStateException("No earlier version of expenditure " + expenditureId);
        }
        return versions.get(0);
    }

    private static OriginalAmount original(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getString("original_currency") == null ? null : new OriginalAmount(rs.getBigDecimal("original_amount"),
                rs.getString("original_currency"), rs.getBigDecimal("rate"), rs.getObject("rate_date", java.time.LocalDate.class),
                rs.getString("rate_source"));
    }

    private void close(String projectId, String expenditureId, long position) {
        writer.update("UPDATE expenditure_version SET superseded_position = ? WHERE project_id = ? AND expenditure_id = ? "
                + "AND position < ? AND superseded_position IS NULL", position, projectId, expenditureId, position);
    }

    private void insert(long position, String projectId, String expenditureId, String change, String status,
                        ExpenditureDetails d, String corrects, String reason, Instant at, String actor) {
        OriginalAmount o = d.original();
        writer.update(INSERT, position, projectId, expenditureId, change, status, d.budgetLine(),
                costCategory(projectId, d.budgetLine()), d.amount(), d.incurredOn(), d.paidOn(), d.supplier(), d.invoice(), d.description(),
                corrects, reason, Projections.at(at), actor, o == null ? null : o.amount(), o == null ? null : o.currency(),
                o == null ? null : o.rate(), o == null ? null : o.rateDate(), o == null ? null : o.rateSource());
    }

    // ---------------------------------------------------------------- what its events say in the audit trail

    /** The audit lines of the finance events, read once by {@link AuditDescriptions}. */
    public static void describe(AuditDescriptions.Catalogue catalogue) {
        catalogue.on(ExpenditureRecorded.class, (e, before, valuePeriodEnd) ->
                new Description(e.incurredOn().toString(), "Expenditure " + e.expenditureId() + " recorded: "
                    + e.amount().toPlainString() + inWords(e.original()) + " on " + e.budgetLine() + ", incurred "
                    + e.incurredOn() + (e.corrects() == null ? "" : ", adjusting " + e.corrects()), null,
                    List.of(line(e.budgetLine()), date(e.incurredOn()))));
        catalogue.on(ExpendituresImported.class, (e, before, valuePeriodEnd) -> imported(e));
        catalogue.on(ExpenditureCorrected.class, (e, before, valuePeriodEnd) -> {
            List<String> changes = new ArrayList<>();
            List<String> subjects = new ArrayList<>(List.of(line(e.budgetLine()), date(e.incurredOn())));
            if (before != null) {
                subjects.add(date(before.incurredOn()));
                if (!Objects.equals(before.budgetLine(), e.budgetLine())) {
                    changes.add("budget line " + before.budgetLine() + " → " + e.budgetLine());
                    subjects.add(line(before.budgetLine()));
                }
                if (!Objects.equals(before.amount(), e.amount().toPlainString())) {
                    changes.add("amount " + before.amount() + " → " + e.amount().toPlainString());
                }
                if (e.original() != null) {
                    changes.add("original" + inWords(e.original()));
                }
                if (!Objects.equals(before.incurredOn(), e.incurredOn().toString())) {
                    changes.add("incurred " + before.incurredOn() + " → " + e.incurredOn());
                }
            }
            return new Description(e.incurredOn().toString(), "Expenditure " + e.expenditureId() + " corrected"
                    + (changes.isEmpty() ? "" : ": " + String.join(", ", changes)), e.reason(), subjects);
        });
        catalogue.on(ExpenditureCancelled.class, (e, before, valuePeriodEnd) ->
                new Description(before == null ? null : before.incurredOn(), "Expenditure " + e.expenditureId()
                    + " cancelled" + (before == null ? "" : ": " + before.amount() + " on " + before.budgetLine()),
                    e.reason(), before == null ? List.of() : List.of(line(before.budgetLine()), date(before.incurredOn()))));
    }

    /**
     * An import's line: how many expenditures, their sum, the dates they span and their ids (the first ten of a longer
     * list; each expenditure's versions name the position of the event that recorded it); its business date is the
     * earliest row's, its subjects every line and date the rows touch.
     */
    private static Description imported(ExpendituresImported e) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        java.time.LocalDate first = null;
        java.time.LocalDate last = null;
        java.util.Set<String> subjects = new java.util.LinkedHashSet<>();
        List<String> ids = new ArrayList<>(e.rows().size());
        for (ExpenditureRecorded row : e.rows()) {
            sum = sum.add(row.amount());
            first = first == null || row.incurredOn().isBefore(first) ? row.incurredOn() : first;
            last = last == null || row.incurredOn().isAfter(last) ? row.incurredOn() : last;
            subjects.add(line(row.budgetLine()));
            subjects.add(date(row.incurredOn()));
            ids.add(row.expenditureId());
        }
        int n = e.rows().size();
        String listed = n <= 20 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 10)) + " and " + (n - 10) + " more";
        return new Description(first.toString(), n + (n == 1 ? " expenditure" : " expenditures") + " imported: "
                + listed + "; " + sum.toPlainString() + " in all, incurred "
                + (first.equals(last) ? "on " + first : first + " to " + last), null, List.copyOf(subjects));
    }
}
