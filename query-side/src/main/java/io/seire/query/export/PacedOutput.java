package io.seire.query.export;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The body of an export, written in chunks without ever blocking on the client (Servlet non-blocking output): a chunk
 * leaves only when the connection can take it, and the client has the write timeout to take each one. A client that
 * takes nothing for that long is {@link Stalled}; one whose connection broke is {@link Gone}. Either way the export's
 * thread is free at once to give back its database connection.
 */
final class PacedOutput extends OutputStream implements WriteListener {

    static final int CHUNK = 64 * 1024;
    private static final long POLL_MILLIS = 100;

    /** The client took nothing for the write timeout. */
    static final class Stalled extends IOException {
        Stalled(Duration timeout) {
            super("the client read nothing for " + timeout.toMillis() + " ms");
        }
    }

    /** The client's connection broke (it closed it, or it was reset). */
    static final class Gone extends IOException {
        Gone(Throwable cause) {
            super("the client went away (" + cause + ")", cause);
        }
    }

    private final ServletOutputStream out;
    private final Duration timeout;
    private final byte[] chunk = new byte[CHUNK];
    private final Object writable = new Object();
    private int count;
    private long sent;
    private volatile Throwable failure;

    PacedOutput(ServletOutputStream out, Duration timeout) {
        this.out = out;
        this.timeout = timeout;
        out.setWriteListener(this);
    }

    @Override
    public void write(int b) throws IOException {
        if (count == CHUNK) {
            drain();
        }
        chunk[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (count == CHUNK) {
                drain();
            }
            int n = Math.min(length, CHUNK - count);
            System.arraycopy(bytes, offset, chunk, count, n);
            count += n;
            offset += n;
            length -= n;
        }
    }

    /** Chunks leave when full: a flush after every entry would send many small packets. */
    @Override
    public void flush() {
    }

    /** Sends what is left and waits until the connection has taken it all. */
    void finish() throws IOException {
        drain();
        awaitWritable();
    }

    /** Bytes handed to the connection so far. */
    long sent() {
        return sent;
    }

    private void drain() throws IOException {
        if (count == 0) {
            return;
        }
        awaitWritable();
        try {
            out.write(chunk, 0, count);
        } catch (IOException e) {
            throw new Gone(e);
        }
        sent += count;
        count = 0;
    }

    private void awaitWritable() throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!writable()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new Stalled(timeout);
            }
            synchronized (writable) {
                try {
                    // woken by onWritePossible; the poll only guards against a wake-up that came before the wait
                    writable.wait(Math.min(left, POLL_MILLIS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Gone(e);
                }
            }
        }
    }

    private boolean writable() throws Gone {
        if (failure != null) {
            throw new Gone(failure);
        }
        try {
            return out.isReady();
        } catch (IllegalStateException e) {
            throw new Gone(e);
        }
    }

    @Override
    public void onWritePossible() {
        synchronized (writable) {
            writable.notifyAll();
        }
    }

    @Override
    public void onError(Throwable t) {
        failure = t;
        synchronized (writable) {
            writable.notifyAll();
        }
    }
}
