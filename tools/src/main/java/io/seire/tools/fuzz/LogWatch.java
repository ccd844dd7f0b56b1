package io.seire.tools.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Watches the log of the system under fuzz, in the same JVM: every ERROR, every WARN of the event processing (a
 * projection that failed on an event and retries it) and every WARN of Spring MVC's exception handling (a problem
 * handler that itself failed) is a finding.
 */
final class LogWatch extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> findings = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    LogWatch() {
        setName("seire-fuzz-log-watch");
        setContext(root.getLoggerContext());
        start();
        root.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        String logger = event.getLoggerName();
        boolean watched = logger.startsWith("org.axonframework.eventhandling") || logger.startsWith("io.seire.query")
                || logger.startsWith("org.springframework.web.servlet.mvc.method.annotation");
        if (handOver(event)) {
            return;
        }
        if (event.getLevel().isGreaterOrEqual(Level.ERROR) || (watched && event.getLevel().isGreaterOrEqual(Level.WARN))) {
            findings.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : " (" + event.getThrowableProxy().getClassName() + ": "
                    + event.getThrowableProxy().getMessage() + ")"));
        }
    }

    /**
     * A work package that could not store its token gave up a segment another node (a test's second query node, or a
     * node that took over a claim it thought stale) now holds; the new owner handles the same events again. That is
     * the hand-over of a segment, not a projection failing on an event.
     */
    private static boolean handOver(ILoggingEvent event) {
        var thrown = event.getThrowableProxy();
        return event.getLevel() == Level.WARN && thrown != null && thrown.getMessage() != null
                && (thrown.getMessage().startsWith("Could not store token")
                || thrown.getClassName().endsWith("UnableToClaimTokenException"));
    }

    List<String> findings() {
        return List.copyOf(findings);
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
