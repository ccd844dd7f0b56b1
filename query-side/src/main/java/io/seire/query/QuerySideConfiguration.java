package io.seire.query;

import com.zaxxer.hikari.HikariDataSource;
import io.seire.query.export.Exports;
import io.seire.query.export.Language;
import io.seire.query.export.Rendering;
import io.seire.query.read.ProjectionProgress;
import io.seire.query.read.PromptEventSource;
import io.seire.query.read.Projections;
import io.seire.query.read.ReadGate;
import java.time.Duration;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.NonNull;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The read side: projections tail the event store into read tables; views answer from them. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@PropertySource(value = "classpath:seire-query.properties", encoding = "UTF-8")
public class QuerySideConfiguration {

    /** How export connections are named in PostgreSQL ({@code pg_stat_activity.application_name}). */
    public static final String EXPORT_CONNECTIONS = "seire-export";

    @Bean
    public ProjectionProgress projectionProgress(JdbcTemplate jdbc, Serializer serializer) {
        return new ProjectionProgress(new io.seire.platform.eventstore.EventTable(jdbc), serializer, Projections.GROUP);
    }

    /** The projections' event source; named in seire-query.properties. */
    @Bean(destroyMethod = "close")
    public PromptEventSource projectionSource(org.axonframework.eventsourcing.eventstore.EventStore eventStore,
                                              @Value("${seire.read.nudge-ms:20}") long nudgeMillis) {
        return new PromptEventSource(eventStore, nudgeMillis);
    }

    /**
     * How many segments this node may claim at most (the rest are left to other query nodes); events of one project
     * in order, except progress reports during a rebuild (ADR 0038).
     */
    @Bean
    public org.axonframework.config.ConfigurerModule projectionSegments(
            @Value("${seire.projections.max-claimed-segments:32767}") int maxClaimedSegments,
            @Value("${seire.projections.full-buffer-wait-ms:2}") long fullBufferWaitMillis,
            io.seire.query.read.BulkLoad bulkLoad) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                        Projections.GROUP, (configuration, builder) -> builder.maxClaimedSegments(maxClaimedSegments)
                                .coordinatorExecutor(name -> {
                                    var executor = new io.seire.query.read.PromptCoordinator(name,
                                            fullBufferWaitMillis);
                                    configuration.onShutdown(executor::shutdown);
                                    return executor;
                                }))
                .registerSequencingPolicy(Projections.GROUP, configuration -> bulkLoad.sequencingPolicy());
    }

    /**
     * Exports (the audit trail as CSV or NDJSON) on a pool of connections, a few threads and a write timeout of their
     * own: see {@link Exports}.
     */
    @Bean(destroyMethod = "close")
    public Exports exports(DataSourceProperties database,
                           @Value("${seire.export.max-concurrent:4}") int maxConcurrent,
                           @Value("${seire.export.write-timeout:PT30S}") Duration writeTimeout) {
        HikariDataSource connections = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        connections.setPoolName("seire-exports");
        connections.setMaximumPoolSize(maxConcurrent);
        connections.setMinimumIdle(0);
        connections.addDataSourceProperty("ApplicationName", EXPORT_CONNECTIONS);
        return new Exports(connections, maxConcurrent, writeTimeout);
    }

    /** Streamed answers, which are exports only, run on the export threads. */
    @Bean
    public WebMvcConfigurer exportThreads(Exports exports) {
        return new WebMvcConfigurer() {
            @Override
            public void configureAsyncSupport(@NonNull AsyncSupportConfigurer configurer) {
                configurer.setTaskExecutor(exports.executor());
            }
        };
    }

    /**
     * Views written as tables take a {@link Rendering} (format and language); the API document names its
     * {@code lang} parameter instead of the object.
     */
    @Bean
    public WebMvcConfigurer renderingParameter() {
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Rendering.class);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(@NonNull java.util.List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new Rendering.Resolver());
            }
        };
    }

    @Bean
    public org.springdoc.core.customizers.OperationCustomizer renderingLanguage() {
        return (operation, handler) -> {
            boolean rendered = java.util.Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == Rendering.class);
            if (rendered && (operation.getParameters() == null || operation.getParameters().stream()
                    .noneMatch(p -> Rendering.LANG.equals(p.getName())))) {
                operation.addParametersItem(new io.swagger.v3.oas.models.parameters.QueryParameter()
                        .name(Rendering.LANG).required(false)
                        .description("Language of a CSV or XLSX answer's labels, and of its CSV number and date "
                                + "format: et or en; by default from Accept-Language, else en")
                        .schema(new io.swagger.v3.oas.models.media.StringSchema()._enum(Language.codes())));
            }
            return operation;
        };
    }

    @Bean
    public ReadGate readGate(JdbcTemplate jdbc, JdbcClient client, ProjectionProgress progress,
                             @Value("${seire.read.max-wait:PT5S}") Duration maxWait) {
        return new ReadGate(jdbc, client, progress, maxWait);
    }
}
