package io.seire.query.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.setup.BudgetLineAdded;
import io.seire.kernel.setup.BudgetLineRevised;
import io.seire.kernel.setup.FlatRate;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.SubActivityAdded;
import io.seire.query.ProjectionHarness;
import io.seire.query.read.Horizon;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of record / correct / cancel / revise, fed through the projections, give the same budget
 * execution as a plain recomputation from the same inputs, for every period and for a day inside one.
 */
class BudgetExecutionProperties {

    /** One step of a random history; {@code target} picks an earlier expenditure for corrections and cancels. */
    record Step(int kind, int target, int line, long cents, int day, boolean moveLine, boolean changeAmount,
                boolean moveDate) {
    }

    static final List<String> LINES = List.of("S1", "S2", "V1");
    static final List<String> CATEGORY = List.of("STAFF", "STAFF", "SERVICES");
    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final List<ReportingPeriod> PERIODS = List.of(
            new ReportingPeriod("2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
            new ReportingPeriod("2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
            new ReportingPeriod("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(0, 2), Arbitraries.longs().between(1, 5_000_000),
                        Arbitraries.integers().between(0, 1095), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 60)
    void the_view_equals_a_plain_recomputation(@ForAll("histories") List<Step> steps,
                                               @ForAll("percents") BigDecimal flatRatePercent,
                                               @ForAll("days") int probeDay) {
        ProjectionHarness harness = new ProjectionHarness();
        String project = "prop-" + UUID.randomUUID();
        long registered = harness.feed(new ProjectRegistered(project, "Omadustest", "P", "B", "EUR", START,
                LocalDate.of(2026, 12, 31), BigDecimal.TEN, PERIODS));
        harness.feed(new SubActivityAdded(project, "A", "Alategevus A"));
        harness.feed(new SubActivityAdded(project, "B", "Alategevus B"));
        Naive naive = new Naive(flatRatePercent);
        long[] plannedCents = {40_000_000, 25_000_000, 30_000_000};
        for (int i = 0; i < LINES.size(); i++) {
            BigDecimal planned = cents(plannedCents[i]);
            harness.feed(new BudgetLineAdded(project, LINES.get(i), i == 1 ? "B" : "A", CATEGORY.get(i), planned, null));
            naive.original.put(LINES.get(i), planned);
        }
        harness.feed(new BudgetLineAdded(project, "IND", "B", "INDIRECT", null, new FlatRate(flatRatePercent, "STAFF")));

        int next = 0;
        for (Step s : steps) {
            List<String> open = naive.open();
            if (s.kind() <= 4 || open.isEmpty()) {
                String id = "E" + next++;
                String line = LINES.get(s.line());
                BigDecimal amount = cents(s.cents());
                LocalDate day = START.plusDays(s.day());
                harness.feed(new ExpenditureRecorded(project, id, line, amount, day, day, "Tarnija", null, null, false, null));
                naive.expenditures.put(id, new Naive.Spent(line, amount, day, false));
            } else if (s.kind() <= 6) {
                String id = open.get(s.target() % open.size());
                Naive.Spent before = naive.expenditures.get(id);
                String line = s.moveLine() ? LINES.get(s.line()) : before.line();
                BigDecimal amount = s.changeAmount() ? cents(s.cents()) : before.amount();
                LocalDate day = s.moveDate() ? START.plusDays(s.day()) : before.day();
                harness.feed(new ExpenditureCorrected(project, id, line, amount, day, day, "Tarnija", null, null, "parandus"));
                naive.expenditures.put(id, new Naive.Spent(line, amount, day, false));
            } else if (s.kind() == 7) {
                String id = open.get(s.target() % open.size());
                harness.feed(new ExpenditureCancelled(project, id, "tühistus"));
                Naive.Spent before = naive.expenditures.get(id);
                naive.expenditures.put(id, new Naive.Spent(before.line(), before.amount(), before.day(), true));
            } else {
                String line = LINES.get(s.line());
                BigDecimal planned = cents(s.cents() * 10);
                LocalDate from = START.plusDays(s.day());
                harness.feed(new BudgetLineRevised(project, line, planned, from, "muudatus", null));
                naive.revisions.add(new Naive.Revision(line, from, planned));
            }
        }

        // now (read from the per-day sums) and as of the last event (read from the versions) alike
        long last = ProjectionHarness.jdbc().queryForObject("SELECT max(position) FROM audit_entry WHERE project_id = ?",
                Long.class, project);
        for (Horizon horizon : List.of(Horizon.NOW, new Horizon(last))) {
            ProjectScope scope = new ProjectScope(new ProjectRow(project, "Omadustest", "P", "B", "EUR", 2, START,
                    LocalDate.of(2026, 12, 31), BigDecimal.TEN, registered, null, last), horizon);
            BudgetExecution view = new BudgetExecution(ProjectionHarness.client());
            for (ReportingPeriod p : PERIODS) {
                compare(view.view(scope, view.range(scope, p.id(), null)), naive, p.from(), p.to());
            }
            LocalDate probe = START.plusDays(probeDay);
            BudgetExecution.Range range = view.range(scope, null, probe);
            compare(view.view(scope, range), naive, range.from(), probe);
        }
    }

    @Provide
    Arbitrary<BigDecimal> percents() {
        return Arbitraries.of(new BigDecimal("15"), new BigDecimal("7"), new BigDecimal("12.5"), new BigDecimal("33.33"));
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 1095);
    }

    private static void compare(BudgetExecution.View view, Naive naive, LocalDate from, LocalDate to) {
        Map<String, BudgetExecution.Figures> lines = new HashMap<>();
        view.lines().forEach(l -> lines.put(l.code(), l));
        BigDecimal totalInPeriod = BigDecimal.ZERO;
        BigDecimal totalCumulative = BigDecimal.ZERO;
        BigDecimal totalPlanned = BigDecimal.ZERO;
        for (String line : List.of("S1", "S2", "V1", "IND")) {
            BigDecimal cumulative = naive.cumulative(line, to);
            BigDecimal inPeriod = cumulative.subtract(naive.cumulative(line, from.minusDays(1)));
            BigDecimal planned = naive.planned(line, to);
            BudgetExecution.Figures f = lines.get(line);
            String where = line + " in " + from + ".." + to;
            assertThat(f.spentCumulative()).as("cumulative " + where).isEqualTo(money(cumulative));
            assertThat(f.spentInPeriod()).as("in period " + where).isEqualTo(money(inPeriod));
            assertThat(f.planned()).as("planned " + where).isEqualTo(money(planned));
            assertThat(f.remaining()).as("remaining " + where).isEqualTo(money(planned.subtract(cumulative)));
            assertThat(f.executionPercent()).as("percent " + where).isEqualTo(planned.signum() == 0 ? null
                    : cumulative.multiply(BigDecimal.valueOf(100)).divide(planned, 2, RoundingMode.HALF_UP).toPlainString());
            totalInPeriod = totalInPeriod.add(inPeriod);
            totalCumulative = totalCumulative.add(cumulative);
            totalPlanned = totalPlanned.add(planned);
        }
        assertThat(view.totals().spentInPeriod()).isEqualTo(money(totalInPeriod));
        assertThat(view.totals().spentCumulative()).isEqualTo(money(totalCumulative));
        assertThat(view.totals().planned()).isEqualTo(money(totalPlanned));
    }

    private static BigDecimal cents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The same inputs, computed the plain way. */
    static final class Naive {
        record Spent(String line, BigDecimal amount, LocalDate day, boolean cancelled) {
        }

        record Revision(String line, LocalDate from, BigDecimal planned) {
        }

        final BigDecimal percent;
        final Map<String, BigDecimal> original = new LinkedHashMap<>();
        final Map<String, Spent> expenditures = new LinkedHashMap<>();
        final List<Revision> revisions = new ArrayList<>();

        Naive(BigDecimal percent) {
            this.percent = percent;
        }

        List<String> open() {
            List<String> ids = new ArrayList<>();
            expenditures.forEach((id, s) -> {
                if (!s.cancelled()) {
                    ids.add(id);
                }
            });
            return ids;
        }

        BigDecimal cumulative(String line, LocalDate upTo) {
            if (line.equals("IND")) {
                BigDecimal staff = cumulative("S1", upTo).add(cumulative("S2", upTo));
                return staff.multiply(percent).divide(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Spent s : expenditures.values()) {
                if (!s.cancelled() && s.line().equals(line) && !s.day().isAfter(upTo)) {
                    sum = sum.add(s.amount());
                }
            }
            return sum;
        }

        BigDecimal planned(String line, LocalDate on) {
            if (line.equals("IND")) {
                BigDecimal staff = planned("S1", on).add(planned("S2", on));
                return staff.multiply(percent).divide(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
            }
            BigDecimal planned = original.get(line);
            LocalDate best = null;
            for (Revision r : revisions) {
                if (r.line().equals(line) && !r.from().isAfter(on) && (best == null || !r.from().isBefore(best))) {
                    best = r.from();
                    planned = r.planned();
                }
            }
            return planned;
        }
    }
}
