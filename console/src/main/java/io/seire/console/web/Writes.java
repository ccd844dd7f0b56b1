package io.seire.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.platform.security.SignInRefused;
import io.seire.platform.web.ProblemResponses;
import io.seire.platform.web.Problems;
import io.seire.platform.web.RetryLater;
import io.seire.platform.web.rules.Violations;
import jakarta.validation.Validator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * How a page writes: the form's fields become the API's request record through the API's own JSON reader (the same
 * strict checks of text, dates and fields), the API's controller method is called with it (the same checks, the
 * same command, the same {@code WriteExecutor}), and a refusal becomes the API's problem detail. The answer's
 * {@code position} is kept in the session: every later page of the session reads with it as {@code minPosition}, so
 * it shows the write.
 */
@Component
public class Writes {

    /** The highest position a write of this session answered. */
    public static final String POSITION = "seire.console.position";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** What a write answered. */
    public record Written(String id, long position, JsonNode answer) {
    }

    private final ObjectMapper json;
    private final ProblemResponses problems;
    private final Validator validator;

    public Writes(ObjectMapper json, ProblemResponses problems, Validator validator) {
        this.json = json;
        this.problems = problems;
        this.validator = validator;
    }

    /**
     * The API's request record, read from the form's fields as the API reads a JSON body and checked against its
     * field rules as the API checks a {@code @Valid} body.
     */
    public <T> T request(Map<String, Object> body, Class<T> type, HttpServletRequest request) {
        try {
            T read = json.readValue(json.writeValueAsBytes(body), type);
            Violations.check(validator, read);
            return read;
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, new ServletServerHttpRequest(request));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends the write with the form's idempotency key (a form sent twice records once) and keeps its position. */
    public Written send(HttpServletRequest request, String idempotencyKey,
                        Function<HttpServletRequest, ResponseEntity<?>> write) {
        ResponseEntity<?> answer = write.apply(withHeader(request, IDEMPOTENCY_KEY, idempotencyKey));
        try {
            // the API's write answers are their JSON text (see WriteExecutor#execute)
            Object given = answer.getBody();
            JsonNode body = given instanceof CharSequence text ? json.readTree(text.toString()) : json.valueToTree(given);
            long position = body.path("position").asLong();
            remember(request.getSession(), position);
            return new Written(body.path("id").isMissingNode() ? null : body.path("id").asText(), position, body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The API answered a write with something that is not JSON", e);
        }
    }

    /** The position this session's reads wait for (null before its first write). */
    public static Long minPosition(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (Long) session.getAttribute(POSITION);
    }

    private static void remember(HttpSession session, long position) {
        synchronized (session) {
            Long known = (Long) session.getAttribute(POSITION);
            if (known == null || known < position) {
                session.setAttribute(POSITION, position);
            }
        }
    }

    /** The API's answer to a refused request, exactly as the API would have answered it. */
    public ProblemDetail problem(Exception e, HttpServletRequest request) {
        if (e instanceof RetryLater later) {
            return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, later.type(), later.title(), later.getMessage(),
                    List.of());
        }
        if (e instanceof SignInRefused paused) {
            return paused.problem();
        }
        try {
            ResponseEntity<Object> answer = problems.handleException(e, new ServletWebRequest(request));
            if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
                return problem;
            }
        } catch (Exception notSpringsOwn) {
            // not one of Spring MVC's exceptions: one of Seire's
        }
        ResponseEntity<ProblemDetail> answer = problems.unexpected(e);
        return answer.getBody();
    }

    static HttpServletRequest withHeader(HttpServletRequest request, String name, String value) {
        if (value == null || value.isBlank()) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String header) {
                return header.equalsIgnoreCase(name) ? value : super.getHeader(header);
            }

            @Override
            public Enumeration<String> getHeaders(String header) {
                return header.equalsIgnoreCase(name) ? Collections.enumeration(List.of(value)) : super.getHeaders(header);
            }
        };
    }
}
