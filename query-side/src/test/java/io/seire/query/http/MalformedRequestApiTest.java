package io.seire.query.http;

import static io.seire.platform.testing.ProblemAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.reporting.ReportKind;
import io.seire.kernel.reporting.ReportSubmitted;
import io.seire.platform.eventstore.EventChain;
import io.seire.platform.testing.Api;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 11: what a bounded fuzz run found, on the read endpoints: a parameter that cannot be read is refused
 * with a 400 problem+json naming it, on every view, and a {@code minPosition} no write ever answered is refused at
 * once rather than waited for. The project is fed through the harness (a project of 2025 with its two half-year
 * periods, some spending and a submitted report). The write endpoints' refusals are in the command side's
 * {@code MalformedRequestApiTest}; what needs both sides stays in ops' {@code MalformedRequestApiTest}.
 */
class MalformedRequestApiTest extends QueryApiTestBase {

    /** A project with a budget line, one expenditure and report {@code R1} submitted; answers its last position. */
    private long seed(String id) {
        fixture.project(id, "Šveitsi-Eesti koostööprogramm", null, "AT1-STAFF", "1000.00");
        fixture.spend(id, "E1", "AT1-STAFF", "100.00", LocalDate.of(2025, 3, 1));
        return fixture.harness.feed(new ReportSubmitted(id, "R1", "2025H1", ReportKind.INTERIM, "Hinnang", 3,
                EventChain.head(jdbc, id, 3)));
    }

    @Test
    void as_of_that_is_not_an_instant_is_refused_on_every_view() {
        String id = unique("AsOf");
        seed(id);
        String base = "/api/v1/projects/" + Api.seg(id);
        assertThat(admin.get(base + "/reports/R1").status()).isEqualTo(200);
        for (String view : List.of("/api/v1/projects", base, base + "/audit-trail", base + "/audit-trail/verification",
                base + "/reports", base + "/reports/R1", base + "/reports/R1/changes", base + "/expenditures",
                base + "/budget-execution?period=2025H1", base + "/results-framework?period=2025H1",
                base + "/activity-progress?period=2025H1", base + "/staffing?on=2025-12-31")) {
            String path = view + (view.contains("?") ? "&" : "?") + "asOf=abc";
            assertRefused(admin.get(path), "asOf", "ISO-8601 instant");
        }
        assertRefused(admin.get(base + "/audit-trail?asOf=abc", "text/csv"), "asOf", "ISO-8601 instant");
    }

    @Test
    void a_min_position_beyond_the_last_event_or_below_zero_is_refused_at_once_everywhere() {
        String id = unique("MinPos");
        seed(id);
        String base = "/api/v1/projects/" + Api.seg(id);
        long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        for (String view : List.of("/api/v1/projects", base, base + "/audit-trail", base + "/expenditures",
                base + "/budget-execution?period=2025H1", base + "/staffing?on=2025-12-31")) {
            String sep = view.contains("?") ? "&" : "?";
            long started = System.nanoTime();
            assertRefused(admin.get(view + sep + "minPosition=" + (head + 1_000_000)), "minPosition",
                    "beyond the last recorded event");
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_500);
            assertRefused(admin.get(view + sep + "minPosition=-1"), "minPosition", "0 or more");
            assertRefused(admin.get(view + sep + "minPosition=abc"), "minPosition", "whole number");
            assertThat(admin.get(view + sep + "minPosition=" + head).status()).isEqualTo(200);
        }
    }

    /** Moved from ops' {@code SmallerLeaksApiTest}. */
    @Test
    void dates_in_query_parameters_are_bounded_like_dates_in_bodies() {
        String id = unique("QDate");
        seed(id);
        String base = "/api/v1/projects/" + Api.seg(id);
        assertRefused(admin.get(base + "/budget-execution?to=3000-01-01"), "to", "between 1900-01-01 and 2999-12-31");
        assertRefused(admin.get(base + "/expenditures?from=1899-12-31"), "from", "between 1900-01-01 and 2999-12-31");
        assertRefused(admin.get(base + "/expenditures?to=%2B10000-01-01"), "to", "between 1900-01-01 and 2999-12-31");
        assertRefused(admin.get(base + "/expenditures?to=2024-7-1"), "to", "YYYY-MM-DD");
        assertRefused(admin.get(base + "/staffing?on=2024-02-30"), "on", "not a valid date");
        assertRefused(admin.get(base + "/staffing?on=2024-12-31T00:00:00Z"), "on", "YYYY-MM-DD");
        assertThat(admin.get(base + "/expenditures?from=1900-01-01&to=2999-12-31").status()).isEqualTo(200);
    }
}
