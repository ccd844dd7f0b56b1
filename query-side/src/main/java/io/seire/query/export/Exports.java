package io.seire.query.export;

import com.zaxxer.hikari.HikariDataSource;
import io.seire.platform.web.RetryLater;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streamed exports run on resources of their own, so that slow or vanished readers cannot starve anyone else: at most
 * {@code max-concurrent} at once, each on a thread of the export executor and a connection of the export pool, never
 * the connections reads and writes use. An export that cannot start answers 503 with {@code Retry-After} at once. A
 * reader that takes nothing for the write timeout is cut off: the export's transaction is rolled back, its
 * connection and thread given back, and the answer ends without its closing chunk, so the client can tell it is
 * incomplete. Either end is logged in one line.
 */
public class Exports implements AutoCloseable {

    /** What an export writes, reading with the connection it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Connection connection, OutputStream out) throws IOException, SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(Exports.class);

    private final HikariDataSource connections;
    private final ThreadPoolTaskExecutor threads;
    private final Semaphore slots;
    private final int maxConcurrent;
    private final Duration writeTimeout;

    /**
     * @param connections a pool of its own, of {@code maxConcurrent} connections; closed with this
     */
    public Exports(HikariDataSource connections, int maxConcurrent, Duration writeTimeout) {
        this.connections = connections;
        this.maxConcurrent = maxConcurrent;
        this.writeTimeout = writeTimeout;
        this.slots = new Semaphore(maxConcurrent);
        this.threads = new ThreadPoolTaskExecutor();
        threads.setCorePoolSize(maxConcurrent);
        threads.setMaxPoolSize(maxConcurrent);
        // room for an export that starts while one that just gave back its slot is still leaving its thread
        threads.setQueueCapacity(maxConcurrent);
        threads.setThreadNamePrefix("seire-export-");
        threads.initialize();
    }

    /** The threads streamed answers are written on. */
    public AsyncTaskExecutor executor() {
        return threads;
    }

    /**
     * Takes a slot for an export now (503 if none is free) and answers the body that writes it on an export thread.
     *
     * @param what the export and who asked for it, for the log
     */
    public StreamingResponseBody open(String what, Body body) {
        if (!slots.tryAcquire()) {
            throw new RetryLater("Every export slot is in use (at most " + maxConcurrent + " exports at once). "
                    + "Try again in a few seconds.", retryAfterSeconds());
        }
        return out -> {
            try {
                write(what, body, out);
            } finally {
                slots.release();
            }
        };
    }

    private void write(String what, Body body, OutputStream out) throws IOException {
        if (!(out instanceof ServletOutputStream servletOut)) {
            throw new IllegalStateException("An export writes to a servlet response, not to " + out.getClass());
        }
        long started = System.nanoTime();
        PacedOutput paced = new PacedOutput(servletOut, writeTimeout);
        try (Connection connection = connections.getConnection()) {
            body.writeTo(connection, paced);
            paced.finish();
        } catch (IOException | SQLException | RuntimeException e) {
            PacedOutput.Stalled stalled = causeOf(e, PacedOutput.Stalled.class);
            if (stalled != null) {
                log.warn("Export of {} cut off after {} bytes and {} s: {}; its database connection is given back",
                        what, paced.sent(), seconds(started), stalled.getMessage());
                throw new ClientAbortException("export cut off", stalled);
            }
            PacedOutput.Gone gone = causeOf(e, PacedOutput.Gone.class);
            if (gone != null) {
                log.info("Export of {} ended after {} bytes and {} s: {}", what, paced.sent(), seconds(started),
                        gone.getMessage());
                throw new ClientAbortException("export ended", gone);
            }
            throw new IllegalStateException("Export of " + what + " failed", e);
        }
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private int retryAfterSeconds() {
        return (int) Math.max(1, Math.min(30, writeTimeout.toSeconds()));
    }

    private static long seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }

    @Override
    public void close() {
        threads.shutdown();
        connections.close();
    }
}
