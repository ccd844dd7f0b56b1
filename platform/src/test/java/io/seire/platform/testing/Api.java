package io.seire.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for tests: real requests to the running server, as a given user. */
public final class Api {

    public record Response(int status, String body, JsonNode json, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public long position() {
            return json.path("position").asLong();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String user;
    private final String password;
    private final Map<String, String> headers;

    public Api(String base, String user, String password) {
        this(base, user, password, Map.of());
    }

    private Api(String base, String user, String password, Map<String, String> headers) {
        this.base = base;
        this.user = user;
        this.password = password;
        this.headers = headers;
    }

    /** The user this client signs in as (HTTP Basic), or null. */
    public String username() {
        return user;
    }

    public Api as(String otherUser, String otherPassword) {
        return new Api(base, otherUser, otherPassword, headers);
    }

    public Api anonymous() {
        return new Api(base, null, null, headers);
    }

    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, user, password, more);
    }

    /** Percent-encodes one path segment, e.g. a project code with Š in it. */
    public static String seg(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Response get(String path) {
        return send(request(path).GET(), null);
    }

    public Response get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET(), null);
    }

    /** A GET whose answer is kept as bytes; {@code accept} may be null to send none. */
    public Download download(String path, String accept) {
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("Accept", accept);
        return download(path, headers);
    }

    public Response post(String path, Object body) {
        String text = body instanceof String s ? s : write(body);
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)), text);
    }

    public Response postRaw(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), null);
    }

    /** Any request, exactly as given: method, headers (each may be null to leave it out) and body bytes. */
    public Response send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (value != null) {
                b.setHeader(name, value);
            }
        });
        return send(b, null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(b::header);
        return b;
    }

    private static Response send(HttpRequest.Builder request, String sent) {
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json;
            try {
                json = r.body() == null || r.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(r.body());
            } catch (IOException notJson) {
                json = MissingNode.getInstance();
            }
            return new Response(r.statusCode(), r.body(), json, r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer read as bytes (a spreadsheet, or text whose exact bytes matter). */
    public record Download(int status, byte[] body, HttpResponse<byte[]> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type") + " " + (body.length > 2000 ? body.length + " bytes" : text());
        }
    }

    /** A GET with the given headers (each may be null to leave it out), its answer kept as bytes. */
    public Download download(String path, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).GET();
        headers.forEach((name, value) -> {
            if (value != null) {
                b.setHeader(name, value);
            }
        });
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
