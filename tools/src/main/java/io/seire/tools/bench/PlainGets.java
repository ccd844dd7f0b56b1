package io.seire.tools.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The client the read-latency figures (5 and 7) are timed with: blocking HTTP/1.1 GETs on one kept-alive connection,
 * in the calling thread, each timed until the answer's last byte has arrived (as {@code curl} or {@code wrk} time a
 * request). Java's {@link java.net.http.HttpClient} hands every request to its selector thread and back; on two cores
 * shared with the server those hand-offs added about 1 ms to a median and 5 ms to a p99 (docs/PERFORMANCE.md), which
 * is the client's time, not Seire's. The body is read whole and kept only when the status is not the expected one.
 */
final class PlainGets implements AutoCloseable {

    private final String host;
    private final int port;
    private final String authorization;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    PlainGets(String base, String user, String password) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** GETs {@code path} (already encoded) as JSON; fails unless the answer's status is {@code expected}. */
    void expect(String path, int expected) {
        try {
            get(path, expected);
        } catch (IOException e) {
            close();
            throw new IllegalStateException("GET " + path + " failed: " + e.getMessage(), e);
        }
    }

    /** Sends the GET and reads its whole answer; an answer of another status fails with its body. */
    private void get(String path, int expected) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + authorization
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String statusLine = line();
        String[] parts = statusLine.split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String h = header.toLowerCase(Locale.ROOT);
            if (h.startsWith("content-length:")) {
                length = Long.parseLong(h.substring("content-length:".length()).trim());
            } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                chunked = true;
            } else if (h.startsWith("connection:") && h.contains("close")) {
                closes = true;
            }
        }
        ByteArrayOutputStream kept = status == expected ? null : new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                body(size, kept);
                line();
            }
            while (!line().isEmpty()) {
                // trailers, if any, up to the empty line
            }
        } else if (length > 0) {
            body(length, kept);
        } else if (length < 0) {
            closes = true; // read to the end of the connection
            body(Long.MAX_VALUE, kept);
        }
        if (closes) {
            close();
        }
        if (kept != null) {
            throw new IllegalStateException("GET " + path + " answered " + status + ", expected " + expected + ": "
                    + kept.toString(StandardCharsets.UTF_8));
        }
    }

    private void body(long size, ByteArrayOutputStream kept) throws IOException {
        byte[] buffer = new byte[8192];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (size == Long.MAX_VALUE) {
                    return;
                }
                throw new IOException("the answer ended early");
            }
            if (kept != null) {
                kept.write(buffer, 0, n);
            }
            left -= n;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed mid-answer");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
