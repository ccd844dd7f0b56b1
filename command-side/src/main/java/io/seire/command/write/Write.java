package io.seire.command.write;

import io.seire.kernel.access.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One write request as the command side sees it: who sends it, to which path, with which idempotency key and
 * request content, and which project (or user) it changes.
 *
 * @param canonicalRequest the request content in a canonical form, compared for idempotency keys
 * @param source           where the data came from: {@code API} or {@code CSV import <file>}
 */
public record Write(Actor actor, String aggregateId, String path, String idempotencyKey, String correlationId,
                    byte[] canonicalRequest, String source, int successStatus) {

    public static final String IDEMPOTENCY_KEY = io.seire.platform.web.StorableText.IDEMPOTENCY_KEY;
    public static final String CORRELATION_ID = io.seire.platform.web.StorableText.CORRELATION_ID;

    public static Write of(Actor actor, String aggregateId, HttpServletRequest request, byte[] canonicalRequest,
                           int successStatus) {
        String correlationId = request.getHeader(CORRELATION_ID);
        return new Write(actor, aggregateId, request.getRequestURI(), blankToNull(request.getHeader(IDEMPOTENCY_KEY)),
                correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId,
                canonicalRequest, "API", successStatus);
    }

    /** A write whose request is a JSON body, compared for idempotency in its canonical serialization. */
    public static Write ofJson(Actor actor, String aggregateId, HttpServletRequest request,
                               com.fasterxml.jackson.databind.ObjectMapper json, Object body, int successStatus) {
        try {
            return of(actor, aggregateId, request, json.writeValueAsBytes(body), successStatus);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Write withSource(String source) {
        return new Write(actor, aggregateId, path, idempotencyKey, correlationId, canonicalRequest, source,
                successStatus);
    }

    public String requestHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(canonicalRequest);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
