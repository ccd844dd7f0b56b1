package io.seire.ops;

import io.seire.platform.testing.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Requests from a loopback address of the test's own (127.x.y.z): the server sees a client of its own, so a test
 * can pause "its" address without pausing every other test's 127.0.0.1. Plain HTTP/1.0 over a socket, since the
 * JDK's HTTP client cannot choose its local address.
 */
final class FromAddress {

    record Reply(int status, Map<String, String> headers, String body, JsonNode json) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final InetAddress address;
    private final int port;

    private FromAddress(InetAddress address, int port) {
        this.address = address;
        this.port = port;
    }

    /** A loopback address no other test uses. */
    static FromAddress fresh(int port) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] bytes = {127, (byte) random.nextInt(1, 255), (byte) random.nextInt(0, 256), (byte) random.nextInt(1, 255)};
        try {
            return new FromAddress(InetAddress.getByAddress(bytes), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String address() {
        return address.getHostAddress();
    }

    Reply get(String path, String user, String password, Map<String, String> headers) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n");
        request.append("Authorization: Basic ").append(Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any request, with the headers given (no Authorization unless given), and a body (or null). */
    Reply send(String method, String path, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static Reply parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            // a header given twice (Set-Cookie) keeps every value, one per line
            headers.merge(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip(),
                    (a, b) -> a + "\n" + b);
        }
        String body = text.substring(end + 4);
        String type = headers.getOrDefault("content-type", "");
        JsonNode json = body.isBlank() || !type.contains("json") ? MissingNode.getInstance() : Api.JSON.readTree(body);
        return new Reply(status, headers, body, json);
    }
}
