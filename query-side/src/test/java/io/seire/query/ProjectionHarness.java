package io.seire.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.kernel.ProjectEvent;
import io.seire.kernel.programme.ProgrammeEvent;
import io.seire.platform.eventstore.EventVersionResolver;
import io.seire.platform.eventstore.StoredJson;
import io.seire.platform.testing.InMemoryDataKeys;
import io.seire.platform.testing.TestDatabase;
import io.seire.platform.web.JsonConfiguration;
import io.seire.query.audit.AuditProjection;
import io.seire.query.finance.BudgetExecution;
import io.seire.query.finance.FinanceProjection;
import io.seire.query.personaldata.SealedTexts;
import io.seire.query.programme.ProgrammeProjection;
import io.seire.query.progress.ProgressProjection;
import io.seire.query.progress.ProgressView;
import io.seire.query.read.EventPositionResolverFactory;
import io.seire.query.read.ProjectionWriter;
import io.seire.query.read.ReadGate;
import io.seire.query.read.StoredEvents;
import io.seire.query.reimbursement.ReimbursementProjection;
import io.seire.query.reporting.ReportComposer;
import io.seire.query.reporting.ReportProjection;
import io.seire.query.results.ResultsFramework;
import io.seire.query.results.ResultsProjection;
import io.seire.query.setup.ProjectViews;
import io.seire.query.setup.SetupProjection;
import io.seire.query.staffing.StaffingProjection;
import io.seire.query.staffing.StaffingView;
import io.seire.query.workplans.WorkPlanProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds events to every projection of the query side the way the pooled processor does, on the shared test
 * PostgreSQL with the real schema: each event is first stored in {@code domainevententry} as the event store would
 * (the production serializer, its stream's next sequence number, the timestamp as text), then handed, as a tracked
 * domain event message with its global position, sequence number, timestamp and metadata, to each projection through
 * Axon's {@link AnnotationEventHandlerAdapter} with the production parameter resolvers (Axon's own and
 * {@link EventPositionResolverFactory}), inside one transaction, so the projections' rows are queued and written as
 * at run time. No event is dispatched by hand.
 */
public final class ProjectionHarness {

    private static final AtomicLong POSITIONS = new AtomicLong(1_000_000_000L);
    private static final Serializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(StoredJson.mapper()).revisionResolver(new EventVersionResolver()).build();
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;

    /** The projections, each behind Axon's adapter, in the order the processor's handler invokers hold them. */
    private final List<AnnotationEventHandlerAdapter> projections;
    private final String actor;

    public ProjectionHarness() {
        this("test");
    }

    /** A harness whose events carry {@code actor} in their metadata, as the write side records it. */
    public ProjectionHarness(String actor) {
        this.actor = actor;
        JdbcTemplate db = jdbc();
        ProjectionWriter writer = new ProjectionWriter(db, client());
        StoredEvents storedEvents = new StoredEvents(writer);
        SealedTexts sealed = new SealedTexts(InMemoryDataKeys.personalData(), writer);
        ReportComposer composer = composer();
        List<Object> all = List.of(
                new SetupProjection(writer),
                new FinanceProjection(writer, sealed),
                new ResultsProjection(writer, sealed),
                new ProgressProjection(writer, sealed),
                new StaffingProjection(writer, sealed),
                new ReportProjection(writer, composer, apiJson()),
                new WorkPlanProjection(writer),
                new ReimbursementProjection(writer),
                new ProgrammeProjection(writer),
                new AuditProjection(writer, storedEvents));
        this.projections = all.stream().map(projection -> new AnnotationEventHandlerAdapter(projection,
                MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(projection.getClass()),
                        new EventPositionResolverFactory(storedEvents)))).toList();
    }

    /** The projections' classes, to check none is missing. */
    public List<Class<?>> projectionTypes() {
        return projections.stream().<Class<?>>map(AnnotationEventHandlerAdapter::getTargetType).toList();
    }

    /** The report composer on the test database, with the views it reads (no gate: nothing waits). */
    public static ReportComposer composer() {
        JdbcTemplate db = jdbc();
        org.springframework.jdbc.core.simple.JdbcClient client = client();
        return new ReportComposer(client, new ProjectViews(client, new ReadGate(db, client, null, Duration.ZERO)),
                new ProgressView(client), new StaffingView(client), new ResultsFramework(client), new BudgetExecution(client));
    }

    /** The API's JSON mapper, as Spring Boot builds it with {@link JsonConfiguration}. */
    public static ObjectMapper apiJson() {
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
        new JsonConfiguration().strictApiJson().customize(builder);
        return builder.build();
    }

    public static synchronized JdbcTemplate jdbc() {
        if (jdbc == null) {
            javax.sql.DataSource dataSource = TestDatabase.migrated();
            jdbc = new JdbcTemplate(dataSource);
            transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
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

    /** Handles one event at a new position, recorded now, and answers the position. */
    public long feed(Object event) {
        long position = nextPosition();
        feed(event, position);
        return position;
    }

    /** Handles one event at a new position, recorded at {@code at}, and answers the position. */
    public long feedAt(Object event, Instant at) {
        long position = nextPosition();
        handle(store(event, position, at), position);
        return position;
    }

    /**
     * Handles one event at the given position. An event already stored there is handed over again exactly as stored
     * (identifier, sequence number, timestamp), as a replay does; handling it again must change nothing.
     */
    public void feed(Object event, long position) {
        handle(store(event, position, Instant.now()), position);
    }

    private void handle(EventMessage<?> stored, long position) {
        GenericTrackedDomainEventMessage<?> message = new GenericTrackedDomainEventMessage<>(
                GapAwareTrackingToken.newInstance(position, java.util.Set.of()),
                (GenericDomainEventMessage<?>) stored);
        if (projections.stream().noneMatch(p -> p.canHandle(message))) {
            throw new IllegalArgumentException("No projection for " + message.getPayloadType().getSimpleName());
        }
        transactions.executeWithoutResult(status -> {
            for (AnnotationEventHandlerAdapter projection : projections) {
                if (projection.canHandle(message)) {
                    try {
                        projection.handle(message);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        });
    }

    /** Stores the event as the event store would, once per position, and answers the message as stored. */
    private GenericDomainEventMessage<?> store(Object event, long position, Instant recordedAt) {
        String timestamp = DateTimeUtils.formatInstant(recordedAt); // as Axon's JDBC engine stores it
        Instant at = DateTimeUtils.parseInstant(timestamp);
        String stream;
        String type;
        if (event instanceof ProjectEvent pe) {
            stream = pe.projectId();
            type = "Project";
        } else if (event instanceof ProgrammeEvent pe) {
            stream = ProgrammeEvent.stream(pe.programmeId());
            type = "Programme";
        } else {
            throw new IllegalArgumentException("Not a project's or a programme's event: " + event);
        }
        MetaData metaData = MetaData.with("actor", actor);
        List<Map<String, Object>> existing = jdbc().queryForList("SELECT eventidentifier, sequencenumber, timestamp, "
                + "payloadtype FROM domainevententry WHERE globalindex = ?", position);
        if (!existing.isEmpty()) {
            Map<String, Object> row = existing.get(0);
            if (!event.getClass().getName().equals(row.get("payloadtype"))) {
                throw new IllegalArgumentException("Position " + position + " holds a " + row.get("payloadtype"));
            }
            return new GenericDomainEventMessage<>(type, stream, ((Number) row.get("sequencenumber")).longValue(),
                    event, metaData, (String) row.get("eventidentifier"),
                    DateTimeUtils.parseInstant((String) row.get("timestamp")));
        }
        Long last = jdbc().queryForObject("SELECT max(sequencenumber) FROM domainevententry "
                + "WHERE aggregateidentifier = ?", Long.class, stream);
        long sequence = last == null ? 0 : last + 1;
        String id = UUID.randomUUID().toString();
        SerializedObject<byte[]> payload = SERIALIZER.serialize(event, byte[].class);
        SerializedObject<byte[]> meta = SERIALIZER.serialize(metaData, byte[].class);
        jdbc().update("INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, "
                        + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?)",
                position, stream, sequence, type, id, meta.getData(), payload.getData(),
                payload.getType().getRevision(), payload.getType().getName(), timestamp);
        return new GenericDomainEventMessage<>(type, stream, sequence, event, metaData, id, at);
    }
}
