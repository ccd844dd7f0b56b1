package io.seire.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP/1.1 over a bare socket, for what a client library hides: a request whose head promises a body that never
 * comes, and a client that stops reading its answer.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private String head;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects with a small receive buffer, so that a client that stops reading is felt by the server soon. */
    public static RawHttp connect(int port, int receiveBuffer) {
        try {
            Socket socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(15_000);
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a request head (and perhaps the start of a body), then nothing more. */
    public RawHttp send(String method, String path, String authorization, String... headers) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + authorization + "\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    public RawHttp write(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the answer's status line and headers; fails if none comes within the socket's timeout. */
    public int status() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed before the answer's head: " + bytes);
                }
                bytes.write(b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + timeout() + " ms (the server waits for the body?)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        head = bytes.toString(StandardCharsets.ISO_8859_1);
        return Integer.parseInt(head.substring(9, 12));
    }

    public String head() {
        return head;
    }

    /** Reads up to n bytes of the body as it arrives. */
    public byte[] read(int n) {
        try {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what comes until the server closes the connection or sends nothing for the given time. */
    public byte[] readUntilQuiet(int millis) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            socket.setSoTimeout(millis);
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException quiet) {
            // nothing more came
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Goes away at once, resetting the connection. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int timeout() {
        try {
            return socket.getSoTimeout();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
