package io.seire.query.finance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.seire.query.read.Paging;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.Where;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** The expenditures of a project, each with its current fields and its history of corrections and cancellation. */
@Component
public class ExpenditureList {

    public record Change(Object from, Object to) {
    }

    public record HistoryEntry(String type, Map<String, Change> changes, String reason, Instant recordedAt,
                               String actor) {
    }

    /** The invoice's amount in another currency and the rate used; amounts and rate as decimal strings. */
    public record Original(String amount, String currency, String rate, LocalDate rateDate, String rateSource) {
    }

    public record Item(String id, String budgetLine, String amount, Original original, LocalDate incurredOn, LocalDate paidOn,
                       String supplier, String invoice, String description,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String corrects, String status,
                       Instant recordedAt, String actor, List<HistoryEntry> history) {
    }

    /** Which expenditures to list; every filter is optional. */
    public record Filter(LocalDate from, LocalDate to, String budgetLine) {
    }

    private record Version(long position, String id, String change, String status, String budgetLine,
                           BigDecimal amount, LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                           String description, String corrects, String reason, Instant recordedAt, String actor,
                           Original original) {
    }

    private static final String COLUMNS = "position, expenditure_id, change, status, budget_line, amount, incurred_on, "
            + "paid_on, supplier, invoice, description, corrects, reason, recorded_at, actor, original_amount, "
            + "original_currency, rate, rate_date, rate_source";

    private final JdbcClient jdbc;

    public ExpenditureList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Paging.Page<Item> list(ProjectScope scope, Filter filter, Paging paging) {
        Where where = where(scope, filter);
        long total = jdbc.sql("SELECT count(*) FROM expenditure_version WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
        List<Version> current = jdbc.sql("SELECT " + COLUMNS + " FROM expenditure_version WHERE " + where.sql()
                        + " ORDER BY incurred_on, expenditure_id LIMIT :size OFFSET :offset")
                .params(where.params()).param("size", paging.size()).param("offset", paging.offset())
                .query((rs, i) -> version(rs)).list();
        Map<String, List<Version>> histories = histories(scope, current.stream().map(Version::id).toList());
        List<Item> items = current.stream().map(v -> item(scope, v, histories.getOrDefault(v.id(), List.of()))).toList();
        return paging.page(items, total);
    }

    /** Receives the items of a streamed list one by one. */
    @FunctionalInterface
    public interface ItemSink {
        void accept(Item item) throws IOException;
    }

    /**
     * Every matching expenditure, in the list's order, read with a database cursor on the given connection (an
     * export's own) and handed on one at a time: memory stays flat however long the list. Each item is as the list
     * gives it, without its history; its {@code recordedAt} and {@code actor} are its first recording's. The cursor's
     * transaction is rolled back however the reading ends.
     */
    public void stream(Connection con, ProjectScope scope, Filter filter, ItemSink sink) throws IOException, SQLException {
        Where where = where(scope, filter);
        Where.Positional statement = Where.Positional.of("SELECT " + COLUMNS + ", " + firstRecording("recorded_at")
                + " AS first_recorded_at, " + firstRecording("actor") + " AS first_actor"
                + " FROM expenditure_version v WHERE " + where.sql() + " ORDER BY incurred_on, expenditure_id",
                where.params());
        boolean autoCommit = con.getAutoCommit();
        con.setAutoCommit(false);
        try (PreparedStatement ps = con.prepareStatement(statement.sql())) {
            ps.setFetchSize(2000);
            statement.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(item(scope, version(rs), List.of(), rs.getTimestamp("first_recorded_at").toInstant(),
                            rs.getString("first_actor")));
                }
            }
        } finally {
            con.rollback();
            con.setAutoCommit(autoCommit);
        }
    }

    /** A column of the expenditure's first version: the current one's unless it was corrected or cancelled since. */
    private static String firstRecording(String column) {
        return "CASE WHEN v.change = 'RECORDED' THEN v." + column + " ELSE (SELECT f." + column
                + " FROM expenditure_version f WHERE f.project_id = v.project_id AND f.expenditure_id = v.expenditure_id "
                + "ORDER BY f.position LIMIT 1) END";
    }

    /**
     * The versions in force at the scope's horizon. For the current state that is simply the versions not superseded,
     * which the partial index on the list's order holds: a long list is then read in order, without a sort.
     */
    static Where where(ProjectScope scope, Filter filter) {
        Where where = scope.horizon().isNow()
                ? Where.of("project_id = :projectId AND superseded_position IS NULL").param("projectId", scope.id())
                : Where.of("project_id = :projectId AND position <= :maxPosition "
                                + "AND (superseded_position IS NULL OR superseded_position > :maxPosition)")
                        .param("projectId", scope.id()).param("maxPosition", scope.maxPosition());
        return where.andIf(filter.from(), "incurred_on >= :from", "from")
                .andIf(filter.to(), "incurred_on <= :to", "to")
                .andIf(filter.budgetLine(), "budget_line = :budgetLine", "budgetLine");
    }

    private Map<String, List<Version>> histories(ProjectScope scope, List<String> ids) {
        Map<String, List<Version>> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM expenditure_version WHERE project_id = :projectId "
                        + "AND expenditure_id = ANY(:ids) AND position <= :maxPosition ORDER BY position")
                .param("projectId", scope.id()).param("ids", new SqlArrayValue("text", ids.toArray()))
                .param("maxPosition", scope.maxPosition())
                .query(rs -> {
                    Version v = version(rs);
                    byId.computeIfAbsent(v.id(), k -> new ArrayList<>()).add(v);
                });
        return byId;
    }

    private static Item item(ProjectScope scope, Version current, List<Version> versions) {
        List<HistoryEntry> history = new ArrayList<>();
        for (int i = 1; i < versions.size(); i++) {
            Version before = versions.get(i - 1);
            Version after = versions.get(i);
            Map<String, Change> changes = new LinkedHashMap<>();
            if ("CORRECTED".equals(after.change())) {
                diff(changes, "budgetLine", before.budgetLine(), after.budgetLine());
                diff(changes, "amount", scope.money(before.amount()), scope.money(after.amount()));
                diff(changes, "original", before.original(), after.original());
                diff(changes, "incurredOn", before.incurredOn(), after.incurredOn());
                diff(changes, "paidOn", before.paidOn(), after.paidOn());
                diff(changes, "supplier", before.supplier(), after.supplier());
                diff(changes, "invoice", before.invoice(), after.invoice());
                diff(changes, "description", before.description(), after.description());
            } else {
                changes.put("status", new Change(before.status(), after.status()));
            }
            history.add(new HistoryEntry(after.change(), changes, after.reason(), after.recordedAt(), after.actor()));
        }
        Version first = versions.isEmpty() ? current : versions.get(0);
        return item(scope, current, history, first.recordedAt(), first.actor());
    }

    /** An item with its history; {@code recordedAt} and {@code actor} are its first recording's. */
    private static Item item(ProjectScope scope, Version current, List<HistoryEntry> history, Instant recordedAt,
                             String actor) {
        return new Item(current.id(), current.budgetLine(), scope.money(current.amount()), current.original(),
                current.incurredOn(), current.paidOn(), current.supplier(), current.invoice(), current.description(),
                current.corrects(), current.status(), recordedAt, actor, history);
    }

    private static void diff(Map<String, Change> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.put(field, new Change(from, to));
        }
    }

    private static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Version(rs.getLong("position"), rs.getString("expenditure_id"), rs.getString("change"),
                rs.getString("status"), rs.getString("budget_line"), rs.getBigDecimal("amount"),
                rs.getObject("incurred_on", LocalDate.class), rs.getObject("paid_on", LocalDate.class),
                rs.getString("supplier"), rs.getString("invoice"), rs.getString("description"), rs.getString("corrects"),
                rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"), original(rs));
    }

    private static Original original(java.sql.ResultSet rs) throws java.sql.SQLException {
        String currency = rs.getString("original_currency");
        if (currency == null) {
            return null;
        }
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal rate = rs.getBigDecimal("rate").stripTrailingZeros();
        return new Original(rs.getBigDecimal("original_amount").setScale(digits).toPlainString(), currency,
                (rate.scale() < 0 ? rate.setScale(0) : rate).toPlainString(), rs.getObject("rate_date", LocalDate.class),
                rs.getString("rate_source"));
    }
}
