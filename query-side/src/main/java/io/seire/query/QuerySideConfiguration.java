package io.seire.query;

import io.seire.query.read.ProjectionProgress;
import io.seire.query.read.PromptEventSource;
import io.seire.query.read.Projections;
import io.seire.query.read.ReadGate;
import java.time.Duration;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read side: projections tail the event store into read tables; views answer from them. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@PropertySource(value = "classpath:seire-query.properties", encoding = "UTF-8")
public class QuerySideConfiguration {

    @Bean
    public ProjectionProgress projectionProgress(JdbcTemplate jdbc, Serializer serializer) {
        return new ProjectionProgress(jdbc, serializer, Projections.GROUP);
    }

    /** The projections' event source; named in seire-query.properties. */
    @Bean(destroyMethod = "close")
    public PromptEventSource projectionSource(org.axonframework.eventsourcing.eventstore.EventStore eventStore,
                                              @Value("${seire.read.nudge-ms:20}") long nudgeMillis) {
        return new PromptEventSource(eventStore, nudgeMillis);
    }

    /** How many segments this node may claim at most (the rest are left to other query nodes). */
    @Bean
    public org.axonframework.config.ConfigurerModule projectionSegments(
            @Value("${seire.projections.max-claimed-segments:32767}") int maxClaimedSegments) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                Projections.GROUP, (configuration, builder) -> builder.maxClaimedSegments(maxClaimedSegments));
    }

    @Bean
    public ReadGate readGate(JdbcTemplate jdbc, ProjectionProgress progress,
                             @Value("${seire.read.max-wait:PT5S}") Duration maxWait) {
        return new ReadGate(jdbc, progress, maxWait);
    }
}
