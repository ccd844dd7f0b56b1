package io.seire.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.query.ProjectionHarness;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rebuild sends the rows of the position-keyed views as {@code COPY} (ADR 0038), encoding them itself: every value
 * must arrive exactly as the JDBC driver's {@code INSERT} stores it, whatever its letters, escapes or precision. A live
 * batch of many rows goes as {@code COPY} too, in a savepoint, and keeps {@code ON CONFLICT DO NOTHING}'s outcome
 * (ADR 0051).
 */
class CopyRowsTest {

    private static final JdbcTemplate jdbc = ProjectionHarness.jdbc();
    private static final AtomicLong positions = new AtomicLong(9_000_000_000L + (System.nanoTime() & 0xFFFFFFL) * 1000);

    private static final String AUDIT = "INSERT INTO audit_entry (position, project_id, sequence, recorded_at, actor, "
            + "roles, type, business_date, summary, reason, idempotency_key, correlation_id, source, subjects) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING";
    private static final String EXPENDITURE = "INSERT INTO expenditure_version (position, project_id, expenditure_id, "
            + "change, status, budget_line, cost_category, amount, incurred_on, paid_on, supplier, invoice, description, "
            + "corrects, reason, recorded_at, actor, original_amount, original_currency, rate, rate_date, rate_source) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING";

    private static final List<String> TEXTS = List.of("plain", "õ ä ö ü š ž ą ė Õ Ä Ö Ü Š Ž", "Кириллица и ё",
            "emoji 🇪🇪 👩‍💼 🤝", "tab\there", "new\nline and \r\n", "back\\slash \\N \\t", "quote \" and ' and ,{}",
            "", " ", "\u00a0nbsp", "ą".repeat(3000), "lone \ud83d surrogate");
    private static final List<Instant> INSTANTS = List.of(Instant.parse("2026-12-01T05:24:37.123456789Z"),
            Instant.parse("2026-12-31T23:59:59.999999500Z"), Instant.parse("2026-12-31T23:59:59.999999499Z"),
            Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2024-02-29T12:00:00.000001Z"));
    // (instants before 1583 are left out: the driver turns a java.sql.Timestamp that old into the Julian calendar,
    // and no event of Seire's is recorded then)

    @Test
    void audit_rows_sent_as_copy_are_stored_exactly_as_the_drivers_inserts_store_them() {
        String project = "copy-" + UUID.randomUUID();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            String text = TEXTS.get(i);
            rows.add(new Object[] {null, project, (long) i, Timestamp.from(INSTANTS.get(i % INSTANTS.size())), text,
                    i % 3 == 0 ? null : "FINANCE," + text, "ExpenditureRecorded", i % 2 == 0 ? null : "2026-12-01",
                    text, i % 4 == 0 ? null : text, null, "c-" + i, text,
                    new String[] {text, "line:1.1", i % 2 == 0 ? null : "a\"b\\c,d}", "🇪🇪"}});
        }
        assertSameRows(AUDIT, "audit_entry", project, rows);
    }

    @Test
    void expenditure_rows_with_amounts_dates_and_rates_sent_as_copy_are_stored_exactly_as_inserted() {
        String project = "copy-" + UUID.randomUUID();
        List<Object[]> rows = new ArrayList<>();
        List<BigDecimal> amounts = List.of(new BigDecimal("0.01"), new BigDecimal("1234567890123.45"),
                new BigDecimal("-17.50"), new BigDecimal("1E+3"), new BigDecimal("0.000001"), BigDecimal.ZERO);
        for (int i = 0; i < TEXTS.size(); i++) {
            String text = TEXTS.get(i);
            BigDecimal amount = amounts.get(i % amounts.size());
            boolean converted = i % 2 == 1;
            rows.add(new Object[] {null, project, "E-" + i, "RECORDED", i % 5 == 0 ? "CANCELLED" : "RECORDED",
                    "1.1", "staff", amount, LocalDate.of(2026, 1 + i % 12, 1 + i), i % 3 == 0 ? null : LocalDate.of(2026, 12, 31),
                    text, "ARVE-" + i, text, null, i % 2 == 0 ? null : text,
                    Timestamp.from(INSTANTS.get(i % INSTANTS.size())), "mari", converted ? amount : null,
                    converted ? "CHF" : null, converted ? new BigDecimal("1.0734") : null,
                    converted ? LocalDate.of(2026, 11, 30) : null, converted ? "ECB" : null});
        }
        assertSameRows(EXPENDITURE, "expenditure_version", project, rows);
    }

    private static final TransactionTemplate transactions = new TransactionTemplate(
            new DataSourceTransactionManager(java.util.Objects.requireNonNull(jdbc.getDataSource())));

    @Test
    void a_live_batch_of_many_rows_of_one_insert_goes_as_one_copy_in_a_savepoint_and_a_few_rows_as_the_jdbc_batch() {
        String project = "copy-" + UUID.randomUUID();
        List<Object[]> many = expenditures(project, ProjectionWriter.COPY_FROM_ROWS);
        List<Object[]> few = expenditures(project, ProjectionWriter.COPY_FROM_ROWS - 1);

        // rows written in a savepoint carry its subtransaction's id, not the transaction's own
        assertThat(writtenBySubtransaction(many)).containsOnly(true);
        assertThat(writtenBySubtransaction(few)).containsOnly(false);
        // the statement trigger saw every row, whichever way they went (V41)
        assertThat(jdbc.queryForObject("SELECT sum(amount) FROM spending_day WHERE project_id = ?", BigDecimal.class,
                project)).isEqualByComparingTo(new BigDecimal("12.50").multiply(BigDecimal.valueOf(many.size() + few.size())));
    }

    @Test
    void a_live_batch_holding_a_row_already_there_keeps_that_row_and_inserts_the_rest_as_on_conflict_does() {
        String project = "copy-" + UUID.randomUUID();
        List<Object[]> rows = expenditures(project, ProjectionWriter.COPY_FROM_ROWS + 4);
        Object[] already = rows.get(7).clone();
        already[7] = new BigDecimal("999.99");
        jdbc.update(EXPENDITURE, already);

        assertThat(writtenBySubtransaction(rows)).hasSize(rows.size());

        assertThat(jdbc.queryForObject("SELECT count(*) FROM expenditure_version WHERE project_id = ?", Long.class,
                project)).isEqualTo(rows.size());
        assertThat(jdbc.queryForObject("SELECT amount FROM expenditure_version WHERE position = ?", BigDecimal.class,
                already[0])).isEqualByComparingTo("999.99");
        // and the transaction goes on after the undone COPY
        String copiedThenCounted = transactions.execute(s -> CopyRows.copyUnlessPresent(jdbc, EXPENDITURE,
                List.<Object[]>of(rows.get(0))) + " " + jdbc.queryForObject(
                "SELECT count(*) FROM expenditure_version WHERE project_id = ?", Long.class, project));
        assertThat(copiedThenCounted).isEqualTo("false " + rows.size());
    }

    @Test
    void a_transaction_copies_in_at_most_eight_savepoints_and_sends_further_batches_as_jdbc_batches() {
        String project = "copy-" + UUID.randomUUID();
        ProjectionWriter writer = new ProjectionWriter(jdbc, ProjectionHarness.client());
        List<List<Boolean>> bySubtransaction = transactions.execute(s -> {
            List<List<Object[]>> flushes = new ArrayList<>();
            for (int i = 0; i < ProjectionWriter.MAX_SAVEPOINTS + 2; i++) {
                List<Object[]> rows = expenditures(project, ProjectionWriter.COPY_FROM_ROWS);
                rows.forEach(r -> writer.update(EXPENDITURE, r));
                writer.flush();
                flushes.add(rows);
            }
            return flushes.stream().map(CopyRowsTest::bySubtransaction).toList();
        });
        for (int i = 0; i < bySubtransaction.size(); i++) {
            assertThat(bySubtransaction.get(i)).containsOnly(i < ProjectionWriter.MAX_SAVEPOINTS);
        }
    }

    /**
     * A live write's batch holds a few rows of several statements (an audit entry, a chain link, an expenditure version,
     * the project's progress): they go in one round trip, one prepared statement of several, and are stored as each
     * statement alone stores them (issue 16, figure 1: they were a round trip each).
     */
    @Test
    void a_live_batch_of_a_few_rows_of_several_statements_goes_in_one_round_trip_and_is_stored_as_each_alone_stores_it() {
        String project = "together-" + UUID.randomUUID();
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        JdbcTemplate counting = new JdbcTemplate(java.util.Objects.requireNonNull(jdbc.getDataSource())) {
            @Override
            public int update(String sql, Object... args) {
                sent.incrementAndGet();
                return super.update(sql, args);
            }

            @Override
            public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
                sent.incrementAndGet();
                return super.batchUpdate(sql, batchArgs);
            }
        };
        List<Object[]> audits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String text = TEXTS.get(i + 1);
            audits.add(new Object[] {positions.incrementAndGet(), project, (long) i, Timestamp.from(INSTANTS.get(i)),
                    text, i == 0 ? null : "FINANCE", "ExpenditureRecorded", null, text, null, null, "c-" + i,
                    "emoji 🇪🇪", new String[] {text, "a\"b\\c,d}", null}});
        }
        List<Object[]> expenditures = expenditures(project, ProjectionWriter.TOGETHER_ROWS);
        String lastly = "UPDATE expenditure_version SET reason = ? WHERE position = ?";
        ProjectionWriter writer = new ProjectionWriter(counting, ProjectionHarness.client());
        transactions.executeWithoutResult(s -> {
            for (int i = 0; i < expenditures.size(); i++) {
                writer.update(EXPENDITURE, expenditures.get(i));
                if (i < audits.size()) {
                    writer.update(AUDIT, audits.get(i));
                }
                // only the last for a key is sent, after the inserts
                writer.last(lastly, "first", "сначала " + i, expenditures.get(0)[0]);
            }
        });
        assertThat(sent.get()).as("round trips").isEqualTo(1);

        // the same rows, each statement alone
        List<Object[]> audits2 = renumbered(audits);
        List<Object[]> expenditures2 = renumbered(expenditures);
        jdbc.batchUpdate(AUDIT, audits2);
        jdbc.batchUpdate(EXPENDITURE, expenditures2);
        jdbc.update(lastly, "сначала " + (expenditures.size() - 1), expenditures2.get(0)[0]);
        assertThat(stored("audit_entry", project, audits)).hasSize(3)
                .containsExactlyElementsOf(stored("audit_entry", project, audits2));
        assertThat(stored("expenditure_version", project, expenditures)).hasSize(ProjectionWriter.TOGETHER_ROWS)
                .containsExactlyElementsOf(stored("expenditure_version", project, expenditures2));
        assertThat(jdbc.queryForObject("SELECT reason FROM expenditure_version WHERE position = ?", String.class,
                expenditures.get(0)[0])).isEqualTo("сначала " + (expenditures.size() - 1));

        // one row more of a statement than go together: that statement goes as its own batch, the rest together
        sent.set(0);
        String other = "together-" + UUID.randomUUID();
        transactions.executeWithoutResult(s -> {
            expenditures(other, ProjectionWriter.TOGETHER_ROWS + 1).forEach(r -> writer.update(EXPENDITURE, r));
            writer.update(AUDIT, renumbered(audits).get(0));
        });
        assertThat(sent.get()).as("round trips").isEqualTo(2);
    }

    /** Rows of one insert go together as one insert of many rows, as the driver rewrites a batch of it. */
    @Test
    void the_rows_of_one_insert_go_as_one_insert_of_many_rows_and_anything_else_as_it_is() {
        assertThat(ProjectionWriter.manyRows("INSERT INTO t (a, b, c) VALUES (?,?,?::text[]) ON CONFLICT DO NOTHING", 3))
                .isEqualTo("INSERT INTO t (a, b, c) VALUES (?,?,?::text[]),(?,?,?::text[]),(?,?,?::text[]) "
                        + "ON CONFLICT DO NOTHING");
        assertThat(ProjectionWriter.manyRows("INSERT INTO t (a, b) VALUES (?, CASE WHEN ? THEN now() END)", 2))
                .isEqualTo("INSERT INTO t (a, b) VALUES (?, CASE WHEN ? THEN now() END),(?, CASE WHEN ? THEN now() END)");
        assertThat(ProjectionWriter.manyRows("UPDATE t SET a = ? WHERE b = ?", 2)).isNull();
        assertThat(ProjectionWriter.manyRows("INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO UPDATE SET b = ?", 2))
                .as("a parameter after the values").isNull();
        assertThat(ProjectionWriter.manyRows("INSERT INTO t (a, b) VALUES (?, 'x)')", 2)).as("quoted text").isNull();
        assertThat(ProjectionWriter.manyRows("INSERT INTO t (a) SELECT a FROM u WHERE b = ?", 2)).isNull();
    }

    private static List<Object[]> renumbered(List<Object[]> rows) {
        return rows.stream().map(r -> {
            Object[] copy = r.clone();
            copy[0] = positions.incrementAndGet();
            return copy;
        }).toList();
    }

    private static List<String> stored(String table, String project, List<Object[]> rows) {
        return jdbc.queryForList("SELECT (to_jsonb(t) - 'position')::text FROM " + table + " t WHERE project_id = ? "
                + "AND position = ANY(?) ORDER BY position", String.class, project,
                rows.stream().map(r -> r[0]).toArray(Long[]::new));
    }

    /** Queues the rows through a {@link ProjectionWriter} in one transaction; per row, whether a subtransaction wrote it. */
    private static List<Boolean> writtenBySubtransaction(List<Object[]> rows) {
        ProjectionWriter writer = new ProjectionWriter(jdbc, ProjectionHarness.client());
        return transactions.execute(s -> {
            rows.forEach(r -> writer.update(EXPENDITURE, r));
            writer.flush();
            return bySubtransaction(rows);
        });
    }

    private static List<Boolean> bySubtransaction(List<Object[]> rows) {
        return jdbc.queryForList("SELECT xmin <> xid(pg_current_xact_id()) FROM expenditure_version "
                + "WHERE position = ANY(?) ORDER BY position", Boolean.class,
                (Object) rows.stream().map(r -> r[0]).toArray(Long[]::new));
    }

    private static List<Object[]> expenditures(String project, int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long position = positions.incrementAndGet();
            rows.add(new Object[] {position, project, "E-" + position, "RECORDED", "RECORDED", "1.1", "staff",
                    new BigDecimal("12.50"), LocalDate.of(2026, 3, 1 + i % 28), null, "Õun OÜ", "ARVE-" + position,
                    "kontoritarbed ✏️", null, null, Timestamp.from(INSTANTS.get(0)), "mari", null, null, null, null,
                    null});
        }
        return rows;
    }

    /** Inserts the rows through the driver and a copy of them through {@link CopyRows}; compares what was stored. */
    private static void assertSameRows(String insert, String table, String project, List<Object[]> rows) {
        List<Object[]> inserted = new ArrayList<>();
        List<Object[]> copied = new ArrayList<>();
        for (Object[] row : rows) {
            Object[] a = row.clone();
            a[0] = positions.incrementAndGet();
            inserted.add(a);
            Object[] b = row.clone();
            b[0] = positions.incrementAndGet();
            copied.add(b);
        }
        jdbc.batchUpdate(insert, inserted);
        assertThat(CopyRows.copy(jdbc, insert, copied)).isTrue();

        String columns = "(to_jsonb(t) - 'position')::text";
        List<String> byInsert = jdbc.queryForList("SELECT " + columns + " FROM " + table + " t WHERE project_id = ? "
                + "AND position = ANY(?) ORDER BY position", String.class, project,
                inserted.stream().map(r -> r[0]).toArray(Long[]::new));
        List<String> byCopy = jdbc.queryForList("SELECT " + columns + " FROM " + table + " t WHERE project_id = ? "
                + "AND position = ANY(?) ORDER BY position", String.class, project,
                copied.stream().map(r -> r[0]).toArray(Long[]::new));
        assertThat(byInsert).hasSize(rows.size());
        assertThat(byCopy).containsExactlyElementsOf(byInsert);
    }
}
