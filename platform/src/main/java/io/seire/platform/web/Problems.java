package io.seire.platform.web;

import io.seire.kernel.RuleViolation;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem answers in the one shape the API promises. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail,
                                        List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        problem.setProperty("errors", errors == null ? List.of() : errors);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON).body(problem);
    }

    /**
     * Writes a problem straight to the response, for answers given outside Spring MVC's content negotiation (filters,
     * the error page): they must come out as problem+json whatever the request's {@code Accept} says.
     */
    public static void write(com.fasterxml.jackson.databind.ObjectMapper json,
                             jakarta.servlet.http.HttpServletResponse response, ProblemDetail problem)
            throws java.io.IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    public static HttpStatus statusOf(RuleViolation.Outcome outcome) {
        return switch (outcome) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    public static String titleOf(RuleViolation.Outcome outcome) {
        return switch (outcome) {
            case BAD_REQUEST -> "The request is not valid";
            case FORBIDDEN -> "Your role does not allow this";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "This conflicts with what is already recorded";
            case UNPROCESSABLE -> "This breaks a rule of the project";
        };
    }
}
