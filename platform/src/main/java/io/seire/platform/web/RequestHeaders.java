package io.seire.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.kernel.Bounds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.lang.NonNull;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads them, the {@code Content-Type} and {@code Accept} headers Seire cannot act on:
 * one that cannot be parsed or names a charset Java does not know (400), a content type that is a pattern
 * ({@code *}{@code /*}, {@code text/*}), and multipart bodies, which no API endpoint takes (415; only the console's
 * upload form sends them). Left to Spring, some of these failed
 * deep inside request handling (500), and an unreadable {@code Accept} left no way to write the problem (an empty
 * 406). Applies to every method, so that a request's headers mean the same whatever it asks for.
 */
public class RequestHeaders extends OncePerRequestFilter {

    private final ObjectMapper json;

    public RequestHeaders(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        String refusal = null;
        HttpStatus status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        String header = HttpHeaders.CONTENT_TYPE;
        for (String contentType : Collections.list(request.getHeaders(HttpHeaders.CONTENT_TYPE))) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    refusal = "'" + Bounds.shortened(contentType) + "' is a pattern, not a type: name the type of "
                            + "the body, such as application/json or text/csv";
                } else if (type.getType().equals("multipart") && request.getRequestURI().startsWith("/api/")) {
                    refusal = "Seire takes no multipart bodies: send JSON (application/json) or a CSV file (text/csv)";
                }
            } catch (InvalidMediaTypeException e) {
                // also a charset Java does not know
                refusal = "'" + Bounds.shortened(contentType) + "' cannot be read as a content type, such as "
                        + "application/json or text/csv";
                status = HttpStatus.BAD_REQUEST;
            }
        }
        if (refusal == null) {
            for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
                try {
                    MediaType.parseMediaTypes(accept);
                } catch (InvalidMediaTypeException e) {
                    header = HttpHeaders.ACCEPT;
                    status = HttpStatus.BAD_REQUEST;
                    refusal = "'" + Bounds.shortened(accept) + "' cannot be read as a list of media types; ask for "
                            + "application/json (or leave Accept out)";
                }
            }
        }
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        String type = status == HttpStatus.BAD_REQUEST ? "invalid-request" : "unsupported-media-type";
        String title = status == HttpStatus.BAD_REQUEST ? "The request is not valid" : "The body's type is not supported";
        Problems.write(json, response, Problems.problem(status, type, title, header + ": " + refusal,
                List.of(FieldError.of(header, refusal))));
    }
}
