package io.seire.ops;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The Spring contexts this test JVM has started and keeps cached (ApiTestBase's, JwtSignInTest's, …). They share one
 * database, so each is a Seire node beside the others, and each runs the projections under its own name in the token
 * store: only one of them holds a segment at a time. A test that must be the only node projecting, as a rebuild asks
 * of every other node, stops the others' projections with {@link #stopProjectionsBeside} and starts them again after.
 */
public class ContextsOfThisJvm implements TestExecutionListener {

    private static final Set<ApplicationContext> CONTEXTS = ConcurrentHashMap.newKeySet();

    @Override
    public void prepareTestInstance(TestContext testContext) {
        CONTEXTS.add(testContext.getApplicationContext());
    }

    /** Shuts the projections of every other live context down (releasing their segments); returns them, to start again. */
    static List<StreamingEventProcessor> stopProjectionsBeside(ApplicationContext own) {
        List<StreamingEventProcessor> stopped = CONTEXTS.stream()
                .filter(c -> c != own && c instanceof ConfigurableApplicationContext live && live.isActive())
                .flatMap(c -> c.getBeansOfType(EventProcessingConfiguration.class).values().stream())
                .flatMap(p -> p.eventProcessors().values().stream())
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .toList();
        stopped.forEach(StreamingEventProcessor::shutDown);
        return stopped;
    }
}
