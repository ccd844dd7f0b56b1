package io.seire.query;

import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.setup.BudgetLineAdded;
import io.seire.kernel.setup.BudgetLineRevised;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.SubActivityAdded;
import io.seire.platform.testing.TestDatabase;
import io.seire.query.finance.FinanceProjection;
import io.seire.query.audit.AuditProjection;
import io.seire.query.setup.SetupProjection;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Feeds events straight into the projections, on the shared test PostgreSQL with the real schema, as the
 * processor would: in order, each with its own global position.
 */
public final class ProjectionHarness {

    private static final AtomicLong POSITIONS = new AtomicLong(1_000_000_000L);
    private static JdbcTemplate jdbc;

    private final SetupProjection setup;
    private final FinanceProjection finance;
    private final AuditProjection audit;
    private final io.seire.query.programme.ProgrammeProjection programmes;
    private final io.seire.query.workplans.WorkPlanProjection workPlans;
    private final io.seire.query.reimbursement.ReimbursementProjection reimbursements;
    private final java.util.Map<String, Long> sequences = new java.util.HashMap<>();

    public ProjectionHarness() {
        io.seire.query.read.ProjectionWriter writer = new io.seire.query.read.ProjectionWriter(jdbc());
        this.setup = new SetupProjection(writer);
        this.finance = new FinanceProjection(writer, new io.seire.query.personaldata.SealedTexts(
                io.seire.platform.testing.InMemoryDataKeys.personalData(), writer));
        this.audit = new AuditProjection(writer, new io.seire.query.read.StoredEvents(writer));
        this.programmes = new io.seire.query.programme.ProgrammeProjection(writer);
        this.workPlans = new io.seire.query.workplans.WorkPlanProjection(writer);
        this.reimbursements = new io.seire.query.reimbursement.ReimbursementProjection(writer);
    }

    /** Stores the event as the event store would, once per position; answers its sequence in its stream. */
    private long store(String stream, String type, Object event, long position, Instant at) {
        Long existing = jdbc().query("SELECT sequencenumber FROM domainevententry WHERE globalindex = ?",
                rs -> rs.next() ? rs.getLong(1) : null, position);
        if (existing != null) {
            return existing;
        }
        long sequence = sequences.merge(stream, 1L, Long::sum) - 1;
        try {
            jdbc().update("INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, "
                            + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                            + "VALUES (?,?,?,?,?,?,?,?,?,?)",
                    position, stream, sequence, type, java.util.UUID.randomUUID().toString(),
                    "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), JSON.writeValueAsBytes(event), "1",
                    event.getClass().getName(), at.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return sequence;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = io.seire.platform.eventstore.StoredJson.mapper();

    public static synchronized JdbcTemplate jdbc() {
        if (jdbc == null) {
            SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
                    TestDatabase.url(), "postgres", "");
            Flyway.configure().dataSource(dataSource).load().migrate();
            jdbc = new JdbcTemplate(dataSource);
        }
        return jdbc;
    }

    /** A client over {@link #jdbc()}, as the application's views share one (ADR 0044). */
    public static synchronized org.springframework.jdbc.core.simple.JdbcClient client() {
        if (client == null) {
            client = org.springframework.jdbc.core.simple.JdbcClient.create(jdbc());
        }
        return client;
    }

    private static org.springframework.jdbc.core.simple.JdbcClient client;

    public static long nextPosition() {
        return POSITIONS.incrementAndGet();
    }

    private boolean feedWorkPlan(Object event, long position, Instant at, String actor) {
        try {
            if (event instanceof io.seire.kernel.workplans.WorkPlanDrafted e) {
                workPlans.on(e, position, at, actor);
            } else if (event instanceof io.seire.kernel.workplans.WorkPlanSubmitted e) {
                workPlans.on(e, position, at, actor);
            } else if (event instanceof io.seire.kernel.workplans.WorkPlanApproved e) {
                workPlans.on(e, position, at, actor);
            } else if (event instanceof io.seire.kernel.workplans.WorkPlanReturned e) {
                workPlans.on(e, position, at, actor);
            } else {
                return false;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        return true;
    }

    /** Handles one event at a new position and answers the position. */
    public long feed(Object event) {
        long position = nextPosition();
        feed(event, position);
        return position;
    }

    /** Handles one event at the given position (handling the same event again must change nothing). */
    public void feed(Object event, long position) {
        Instant at = Instant.now();
        String actor = "test";
        if (event instanceof io.seire.kernel.ProjectEvent pe) {
            long sequence = store(pe.projectId(), "Project", pe, position, at);
            audit.on(pe, position, sequence, at, org.axonframework.messaging.MetaData.with("actor", actor));
        }
        if (event instanceof io.seire.kernel.programme.ProgrammeEvent pe) {
            long sequence = store(io.seire.kernel.programme.ProgrammeEvent.stream(pe.programmeId()), "Programme", pe,
                    position, at);
            audit.on(pe, position, sequence, at, org.axonframework.messaging.MetaData.with("actor", actor));
        }
        if (event instanceof io.seire.kernel.programme.ProgrammeRegistered e) {
            try {
                programmes.on(e, position, at);
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        } else if (event instanceof ProjectRegistered e) {
            setup.on(e, position, at);
        } else if (event instanceof SubActivityAdded e) {
            setup.on(e, position);
        } else if (event instanceof BudgetLineAdded e) {
            setup.on(e, position);
        } else if (event instanceof BudgetLineRevised e) {
            setup.on(e, position, at, actor);
        } else if (event instanceof IndicatorDefined e) {
            try {
                setup.on(e, position);
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        } else if (event instanceof ExpenditureRecorded e) {
            finance.on(e, position, at, actor);
        } else if (event instanceof ExpenditureCorrected e) {
            finance.on(e, position, at, actor);
        } else if (event instanceof ExpenditureCancelled e) {
            finance.on(e, position, at, actor);
        } else if (event.getClass().getPackageName().equals("io.seire.kernel.reimbursement")) {
            feedReimbursement(event, position, at, actor);
        } else if (!feedWorkPlan(event, position, at, actor)) {
            throw new IllegalArgumentException("No projection for " + event.getClass().getSimpleName());
        }
    }

    private void feedReimbursement(Object event, long position, Instant at, String actor) {
        try {
            if (event instanceof io.seire.kernel.reimbursement.ReimbursementRequested e) {
                reimbursements.on(e, position, at, actor);
            } else if (event instanceof io.seire.kernel.reimbursement.ReimbursementRequestApproved e) {
                reimbursements.on(e, position, at, actor);
            } else if (event instanceof io.seire.kernel.reimbursement.ReimbursementRequestReturned e) {
                reimbursements.on(e, position, at, actor);
            } else if (event instanceof io.seire.kernel.reimbursement.ReimbursementPaymentRecorded e) {
                reimbursements.on(e, position, at, actor);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
