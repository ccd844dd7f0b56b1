package io.seire.command;

import io.seire.platform.eventstore.EventTable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.project.Project;
import io.seire.command.project.ProjectCommandTarget;
import io.seire.command.project.RegisteredProgrammes;
import io.seire.command.write.AccessBeforeBody;
import io.seire.command.write.IdempotencyRecords;
import io.seire.command.write.Positions;
import io.seire.command.write.WriteExecutor;
import io.seire.kernel.access.UserCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.seire.command.write.ProjectCache;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.NonNull;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The write side: REST → commands → the project, programme and user aggregates → events. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@org.springframework.context.annotation.PropertySource(value = "classpath:seire-command.properties", encoding = "UTF-8")
public class CommandSideConfiguration {

    @Bean
    public WriteExecutor writeExecutor(CommandGateway commands, TransactionManager transactions, JdbcTemplate jdbc,
                                       JdbcClient client, ObjectMapper json, Cache projectCache) {
        return new WriteExecutor(commands, transactions, new IdempotencyRecords(client), new Positions(jdbc), json,
                projectCache instanceof ProjectCache projects ? projects : null);
    }

    @Bean
    public RegisteredProgrammes registeredProgrammes(JdbcClient jdbc) {
        return new RegisteredProgrammes(jdbc);
    }

    /** Access is decided before anything else looks at a write request, its body above all (see AccessBeforeBody). */
    @Bean
    public WebMvcConfigurer accessBeforeBody(RegisteredProgrammes programmes) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(@NonNull InterceptorRegistry registry) {
                registry.addInterceptor(new AccessBeforeBody(programmes)).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    /** Who did it, in which role, on which request and from which source: copied onto every event recorded. */
    @Bean
    public CorrelationDataProvider auditMetaData() {
        return new SimpleCorrelationDataProvider("actor", "roles", "correlationId", "idempotencyKey", "source");
    }

    @Bean
    public CommandTargetResolver projectCommandTarget() {
        return new ProjectCommandTarget();
    }

    /** Every user command goes to the account of the user it names: the one place that maps a user to its stream. */
    @Bean
    public CommandTargetResolver userCommandTarget() {
        return command -> new VersionedAggregateIdentifier(
                io.seire.command.access.UserAccount.stream(((UserCommand) command.getPayload()).username()), null);
    }

    /** Routes every programme command to the programme's own stream, {@code programme/<id>} (ADR 0021). */
    @Bean
    public CommandTargetResolver programmeCommandTarget() {
        return command -> new VersionedAggregateIdentifier(io.seire.kernel.programme.ProgrammeEvent.stream(
                ((io.seire.kernel.programme.ProgrammeCommand) command.getPayload()).programmeId()), null);
    }

    /**
     * Keeps recently used projects in memory, so a write does not reload a long history: the most recently used
     * {@link ProjectCache#MAX_PROJECTS}, for as long as memory allows (ADR 0039).
     */
    @Bean
    public Cache projectCache(org.axonframework.eventsourcing.eventstore.EventStore eventStore) {
        return new ProjectCache(ProjectCache.MAX_PROJECTS, eventStore::lastSequenceNumberFor);
    }

    /**
     * Snapshots are taken on a thread of their own after the write committed: the client does not wait for a large
     * project to be serialised. They are taken {@code seire.snapshot.delay-ms} after the write that asks for one, so
     * they do not compete for the processors with what clients wait for right after a large write: the projection of
     * an import of 10,000 rows shared the two cores with the snapshot of its project (issue 16, figure 3). A project
     * written to meanwhile gets one snapshot, not one per write (a snapshot already asked for is not asked again).
     */
    @Bean
    public org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter aggregateSnapshotter(
            org.axonframework.config.Configuration configuration,
            org.axonframework.messaging.annotation.HandlerDefinition handlerDefinition,
            org.axonframework.messaging.annotation.ParameterResolverFactory parameterResolverFactory,
            org.axonframework.eventsourcing.eventstore.EventStore eventStore,
            TransactionManager transactionManager,
            org.axonframework.eventsourcing.SnapshotterSpanFactory spanFactory,
            SnapshotThread snapshots,
            @Value("${seire.snapshot.delay-ms:5000}") long delayMillis) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommandSideConfiguration.class);
        java.util.concurrent.Executor delayed = task -> {
            if (snapshots.executor.isShutdown()) {
                return; // the context is closing: a snapshot is an optimisation, a later write asks again
            }
            snapshots.executor.schedule(() -> {
                try {
                    task.run(); // Axon's task logs an exception itself
                } catch (Error e) {
                    log.error("A snapshot failed", e); // else lost in the scheduled future nobody reads
                    throw e;
                }
            }, delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        };
        return org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(delayed)
                .build();
    }

    /**
     * The snapshots' thread, stopped with the context: snapshots still waiting then are not taken (a later write asks
     * again). Not a bean of an executor type, which would replace Spring's own task executor.
     */
    public static final class SnapshotThread implements org.springframework.beans.factory.DisposableBean {
        final java.util.concurrent.ScheduledExecutorService executor =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "seire-snapshots");
                    t.setDaemon(true);
                    return t;
                });

        @Override
        public void destroy() {
            executor.shutdownNow();
        }
    }

    @Bean
    public SnapshotThread snapshotThread() {
        return new SnapshotThread();
    }

    /** After this many events a snapshot is taken, so loading a project does not slow down as its history grows. */
    @Bean
    public SnapshotTriggerDefinition projectSnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${seire.snapshot.threshold:500}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Snapshots of an older shape of the aggregate are ignored (the project is rebuilt from its events). */
    @Bean
    public SnapshotFilter projectSnapshotFilter() {
        return RevisionSnapshotFilter.builder().type(Project.class)
                .revision(Project.class.getAnnotation(io.seire.kernel.EventVersion.class).value()).build();
    }
}
