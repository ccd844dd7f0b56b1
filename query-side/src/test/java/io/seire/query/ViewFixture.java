package io.seire.query;

import io.seire.kernel.access.Actor;
import io.seire.kernel.access.Role;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.setup.BudgetLineAdded;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.SubActivityAdded;
import io.seire.query.read.Horizon;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.ReadGate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small project history fed through {@link ProjectionHarness} (the real projections behind Axon's adapter), for the
 * view tests that need projects with budget lines and spending: a project of 2025 with one reporting period per half
 * year, sub-activity {@code 1}, and budget lines of category STAFF.
 */
public final class ViewFixture {

    public static final LocalDate START = LocalDate.of(2025, 1, 1);
    public static final LocalDate END = LocalDate.of(2025, 12, 31);

    public final ProjectionHarness harness;

    public ViewFixture(String actor) {
        this.harness = new ProjectionHarness(actor);
    }

    /** An id no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static JdbcClient client() {
        return ProjectionHarness.client();
    }

    /** The project views' gate without waiting (the harness's events are handled before it answers). */
    public static ReadGate gate() {
        return new ReadGate(ProjectionHarness.jdbc(), client(), null, Duration.ZERO);
    }

    /** A reader with one role, the projects they belong to and the programmes they liaise for. */
    public static Actor reader(Role role, Set<String> projects, Set<String> programmes) {
        return new Actor("reader", Set.of(role), projects, programmes);
    }

    /**
     * Registers a project of {@code programme} (and {@code component}, or none) with sub-activity {@code 1} and one
     * STAFF budget line per {@code lines} pair of code and planned amount ({@code "S", "100.10"}); answers the
     * position of the last event.
     */
    public long project(String id, String programme, String component, String... lines) {
        harness.feed(new ProjectRegistered(id, "Projekt " + id.substring(0, Math.min(id.length(), 12)), programme,
                "Toetuse saaja", "EUR", START, END, BigDecimal.TEN, List.of(
                new ReportingPeriod("2025H1", START, LocalDate.of(2025, 6, 30)),
                new ReportingPeriod("2025H2", LocalDate.of(2025, 7, 1), END)), component));
        long position = harness.feed(new SubActivityAdded(id, "1", "Tegevus"));
        for (int i = 0; i < lines.length; i += 2) {
            position = harness.feed(new BudgetLineAdded(id, lines[i], "1", "STAFF", new BigDecimal(lines[i + 1]), null));
        }
        return position;
    }

    /** Records an expenditure in the project currency, paid the day it was incurred; answers its position. */
    public long spend(String project, String expenditureId, String line, String amount, LocalDate incurredOn) {
        return harness.feed(new ExpenditureRecorded(project, expenditureId, line, new BigDecimal(amount), incurredOn,
                incurredOn, "Tarnija " + expenditureId, "A-" + expenditureId, "Kulu " + expenditureId, false, null));
    }

    public static ProjectScope scope(String project, Horizon horizon) {
        return new ProjectScope(ProjectRow.find(client(), project), horizon);
    }
}
