package io.seire.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.programme.FundingSource;
import io.seire.kernel.programme.ProgrammeComponent;
import io.seire.kernel.programme.ProgrammeEvent;
import io.seire.kernel.programme.ProgrammeIndicator;
import io.seire.kernel.programme.ProgrammeRegistered;
import io.seire.kernel.setup.Aggregation;
import io.seire.kernel.setup.BudgetLineAdded;
import io.seire.kernel.setup.BudgetLineRevised;
import io.seire.kernel.setup.FlatRate;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.IndicatorKind;
import io.seire.kernel.setup.Measure;
import io.seire.kernel.setup.Milestone;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.SubActivityAdded;
import io.seire.query.ProjectionHarness;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Handling the same events a second time (a replay, a redelivery) leaves exactly the same rows. */
class ProjectionReplayTest {

    static final List<String> TABLES = List.of("audit_entry", "event_chain", "project", "reporting_period", "sub_activity",
            "budget_line", "budget_line_revision", "indicator", "expenditure_version", "spending_day");

    @Test
    void replaying_the_same_events_twice_gives_the_same_rows() {
        String p = "replay-" + UUID.randomUUID();
        LocalDate d = LocalDate.of(2024, 7, 1);
        List<Object> events = List.of(
                new ProjectRegistered(p, "Kordus", "P", "B", "EUR", LocalDate.of(2024, 6, 1), LocalDate.of(2028, 7, 31),
                        BigDecimal.TEN, List.of(new ReportingPeriod("2024", LocalDate.of(2024, 6, 1), LocalDate.of(2024, 12, 31)))),
                new SubActivityAdded(p, "1", "Üks"),
                new BudgetLineAdded(p, "S", "1", "STAFF", new BigDecimal("1000.00"), null),
                new BudgetLineAdded(p, "I", "1", "INDIRECT", null, new FlatRate(new BigDecimal("15"), "STAFF")),
                new BudgetLineRevised(p, "S", new BigDecimal("900.00"), d, "muudatus", "nr 1"),
                new IndicatorDefined(p, "O1", "Näitaja", "tk", IndicatorKind.OUTPUT, Measure.NUMBER, Aggregation.SUM,
                        true, BigDecimal.ZERO, List.of(new Milestone(d, BigDecimal.ONE)), BigDecimal.TEN),
                new ExpenditureRecorded(p, "E1", "S", new BigDecimal("100.00"), d, d, "OÜ", "A-1", "kulu", false, null),
                new ExpenditureRecorded(p, "E2", "S", new BigDecimal("50.00"), d, d, "OÜ", "A-2", "kulu", false, null),
                new ExpenditureCorrected(p, "E1", "S", new BigDecimal("120.00"), d, d, "OÜ", "A-1", "kulu", "parandus"),
                new ExpenditureCancelled(p, "E2", "topelt"));
        ProjectionHarness harness = new ProjectionHarness();
        List<Long> positions = new ArrayList<>();
        for (Object e : events) {
            positions.add(harness.feed(e));
        }
        Map<String, List<Map<String, Object>>> first = rows(p);
        for (int i = 0; i < events.size(); i++) {
            harness.feed(events.get(i), positions.get(i));
        }
        Map<String, List<Map<String, Object>>> second = rows(p);
        for (String table : TABLES) {
            assertThat(second.get(table)).as(table).isEqualTo(first.get(table));
        }
        assertThat(first.get("expenditure_version")).hasSize(4);
        // E1 corrected from 100.00 to 120.00, E2 cancelled: the day's sum is what is in force
        assertThat(second.get("spending_day")).hasSize(1);
        assertThat((BigDecimal) second.get("spending_day").get(0).get("amount")).isEqualByComparingTo("120.00");
    }

    @Test
    void replaying_a_programme_and_its_project_twice_gives_the_same_rows() {
        String g = "replay-programme-" + UUID.randomUUID();
        String p = "replay-" + UUID.randomUUID();
        LocalDate d = LocalDate.of(2024, 7, 1);
        List<Object> events = List.of(
                new ProgrammeRegistered(g, "Kordusprogramm", "EUR", "CHF", new BigDecimal("1000000.00"),
                        List.of(new FundingSource("CH", "Šveits", new BigDecimal("85"), true),
                                new FundingSource("EE", "Eesti", new BigDecimal("15"), false)),
                        List.of(new ProgrammeComponent("1.01", "Üks")),
                        List.of(new ProgrammeIndicator("P1", "Näitaja", "tk"))),
                new ProjectRegistered(p, "Kordus", g, "B", "EUR", LocalDate.of(2024, 6, 1), LocalDate.of(2028, 7, 31),
                        BigDecimal.TEN, List.of(new ReportingPeriod("2024", LocalDate.of(2024, 6, 1),
                        LocalDate.of(2024, 12, 31))), "1.01"),
                new IndicatorDefined(p, "O1", "Näitaja", "tk", IndicatorKind.OUTPUT, Measure.NUMBER, Aggregation.SUM,
                        true, BigDecimal.ZERO, List.of(new Milestone(d, BigDecimal.ONE)), BigDecimal.TEN, "P1"));
        ProjectionHarness harness = new ProjectionHarness();
        List<Long> positions = new ArrayList<>();
        for (Object e : events) {
            positions.add(harness.feed(e));
        }
        String stream = ProgrammeEvent.stream(g);
        Map<String, List<Map<String, Object>>> first = rows(p);
        List<Map<String, Object>> programmeFirst = programmeRows(g, stream);
        for (int i = 0; i < events.size(); i++) {
            harness.feed(events.get(i), positions.get(i));
        }
        assertThat(rows(p)).isEqualTo(first);
        assertThat(programmeRows(g, stream)).isEqualTo(programmeFirst);
        assertThat(programmeFirst).hasSize(3);
        assertThat(first.get("project").get(0).get("component")).isEqualTo("1.01");
        assertThat(first.get("indicator").get(0).get("programme_indicator")).isEqualTo("P1");
    }

    private static List<Map<String, Object>> programmeRows(String programme, String stream) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(ProjectionHarness.jdbc().queryForList("SELECT programme_id, name, currency, claim_currency, ceiling, "
                + "funding_sources::text, components::text, indicators::text, position FROM programme "
                + "WHERE programme_id = ?", programme));
        rows.addAll(ProjectionHarness.jdbc().queryForList("SELECT position, project_id, sequence, type, summary "
                + "FROM audit_entry WHERE project_id = ?", stream));
        rows.addAll(ProjectionHarness.jdbc().queryForList("SELECT position, project_id, sequence, hash "
                + "FROM event_chain WHERE project_id = ?", stream));
        return rows;
    }

    private static Map<String, List<Map<String, Object>>> rows(String project) {
        Map<String, List<Map<String, Object>>> rows = new java.util.LinkedHashMap<>();
        for (String table : TABLES) {
            List<Map<String, Object>> found = ProjectionHarness.jdbc().queryForList("SELECT * FROM " + table
                    + " WHERE project_id = ? ORDER BY 1, 2, 3", project);
            for (Map<String, Object> row : found) {
                row.replaceAll((column, value) -> {
                    try {
                        return value instanceof java.sql.Array array ? List.of((Object[]) array.getArray()) : value;
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            rows.put(table, found);
        }
        return rows;
    }
}
