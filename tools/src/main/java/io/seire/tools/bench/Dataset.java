package io.seire.tools.bench;

import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.finance.OriginalAmount;
import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.kernel.progress.ProgressStatus;
import io.seire.kernel.results.IndicatorValueRecorded;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import io.seire.platform.eventstore.EventTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads history fast: the events a year of work on a project produces (expenditures, indicator values, progress
 * reports), appended to the event store in large batches, exactly as the project would have recorded them. Only for
 * the benchmark: recording a million events one request at a time would take the whole run.
 */
final class Dataset {

    static final List<String> PERIODS = List.of("2024", "2025", "2026", "2027", "2028");
    static final String SUMMARY = "Koostati hankeplaan ning detailselt planeeritud hangete läbiviimise ajakava; "
            + "kaardistus on plaanitud ellu viia järgmise aasta I-II kvartalis. Tegevused kulgevad plaanipäraselt.";

    private final EventStore events;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    Dataset(EventStore events, TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * Appends {@code count} events to a project set up like the seed project: one in 100 an expenditure (small, on
     * the services lines, inside the budget), one in 1000 an O1 indicator value, the rest progress reports.
     */
    void append(String projectId, long count) {
        long sequence = new EventTable(jdbc).lastSequence(projectId).map(last -> last + 1).orElse(0L);
        MetaData meta = MetaData.with("actor", "benchmark").and("roles", "FINANCE,MANAGER").and("source", "benchmark data")
                .and("correlationId", UUID.randomUUID().toString());
        List<EventMessage<?>> batch = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            batch.add(new GenericDomainEventMessage<>("Project", projectId, sequence++, event(projectId, i), meta));
            if (batch.size() == 5000 || i == count - 1) {
                List<EventMessage<?>> toAppend = batch;
                transactions.executeWithoutResult(s -> events.publish(toAppend));
                batch = new ArrayList<>();
            }
        }
    }

    /**
     * Appends {@code count} expenditures to a project set up like the seed project, as a finance clerk's year of
     * invoices would read: spread over the project's days and its five services lines, suppliers and descriptions in
     * Estonian and Lithuanian, one in ten invoiced in Swiss francs with its rate.
     */
    void appendExpenditures(String projectId, long count) {
        long sequence = new EventTable(jdbc).lastSequence(projectId).map(last -> last + 1).orElse(0L);
        MetaData meta = MetaData.with("actor", "benchmark").and("roles", "FINANCE").and("source", "benchmark data")
                .and("correlationId", UUID.randomUUID().toString());
        List<EventMessage<?>> batch = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            batch.add(new GenericDomainEventMessage<>("Project", projectId, sequence++, expenditure(projectId, i), meta));
            if (batch.size() == 5000 || i == count - 1) {
                List<EventMessage<?>> toAppend = batch;
                transactions.executeWithoutResult(s -> events.publish(toAppend));
                batch = new ArrayList<>();
            }
        }
    }

    private static ExpenditureRecorded expenditure(String projectId, long i) {
        LocalDate day = LocalDate.of(2024, 6, 1).plusDays(i % 1500);
        String id = "X-" + i;
        String line = "AT" + (1 + i % 5) + "-SERVICES";
        String supplier = SUPPLIERS.get((int) (i % SUPPLIERS.size()));
        String description = "Arve " + i + ": koolituse ruumide rent ja toitlustus, õppematerjalid (šabloonid, žürii)";
        if (i % 10 == 0) {
            BigDecimal francs = BigDecimal.valueOf(1000 + i % 9000, 2);
            BigDecimal rate = new BigDecimal("1.064");
            return new ExpenditureRecorded(projectId, id, line, francs.multiply(rate).setScale(2, RoundingMode.HALF_UP),
                    day, day.plusDays(14), supplier, id, io.seire.kernel.PersonalText.recordedInClear(description), false,
                    null,
                    new OriginalAmount(francs, "CHF", rate, day, "Eesti Pank"));
        }
        return new ExpenditureRecorded(projectId, id, line, BigDecimal.valueOf(100 + i % 90_000, 2), day,
                day.plusDays(14), supplier, id, description, false, null);
    }

    private static final List<String> SUPPLIERS = List.of("OÜ Õunapuu", "AS Tšempion", "UAB Ąžuolynė",
            "MTÜ Ühiskonnaõpe", "Zürcher Beratung AG");

    private static Object event(String projectId, long i) {
        String period = PERIODS.get((int) (i % PERIODS.size()));
        if (i % 100 == 0) {
            LocalDate day = LocalDate.of(2024, 6, 1).plusDays(i / 100 % 1400);
            return new ExpenditureRecorded(projectId, "D-" + i, "AT" + (1 + i / 100 % 5) + "-SERVICES",
                    new BigDecimal("1.00"), day, day, "OÜ Andmed", "D-" + i, "Andmekulu", false, null);
        }
        if (i % 1000 == 1) {
            return IndicatorValueRecorded.inClear(projectId, "O1", "D-" + i, period, "1", null, null);
        }
        return ActivityProgressReported.inClear(projectId, String.valueOf(1 + i % 6), period, ProgressStatus.ON_TRACK,
                SUMMARY, null, null, null);
    }
}
