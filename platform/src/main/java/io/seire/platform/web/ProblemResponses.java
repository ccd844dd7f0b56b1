package io.seire.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.finance.ImportRejected;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into {@code application/problem+json} with a message a finance clerk understands. A bad
 * request never answers 500: anything unexpected is logged with its cause and answered without internals.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidRequest.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidRequest e) {
        return Problems.answer(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "The request is not valid", e.getMessage(), e.errors()));
    }

    @ExceptionHandler(ImportRejected.class)
    public ResponseEntity<ProblemDetail> importRejected(ImportRejected e) {
        List<FieldError> rows = e.badRows().stream()
                .map(r -> FieldError.atRow(r.row(), r.column(), r.message()))
                .toList();
        return Problems.answer(Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.rule(),
                "The file cannot be imported", e.getMessage(), rows));
    }

    @ExceptionHandler(RuleViolation.class)
    public ResponseEntity<ProblemDetail> rule(RuleViolation e) {
        List<FieldError> errors = e.field() == null ? List.of() : List.of(FieldError.of(e.field(), e.getMessage()));
        return Problems.answer(Problems.problem(Problems.statusOf(e.outcome()), e.rule(),
                Problems.titleOf(e.outcome()), e.getMessage(), errors));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return Problems.answer(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "'" + e.getAggregateIdentifier() + "' does not exist.", List.of()));
    }

    @ExceptionHandler(BodyTooLarge.class)
    public ResponseEntity<ProblemDetail> tooLarge(BodyTooLarge e) {
        return Problems.answer(Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large",
                "The request is too large", e.getMessage(), List.of()));
    }

    @ExceptionHandler(RetryLater.class)
    public ResponseEntity<ProblemDetail> retryLater(RetryLater e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, e.type(), e.title(), e.getMessage(),
                        List.of()));
    }

    /** A password checked by an endpoint (a password change) while sign-in is paused for its user or address. */
    @ExceptionHandler(io.seire.platform.security.SignInRefused.class)
    public ResponseEntity<ProblemDetail> signInPaused(io.seire.platform.security.SignInRefused e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(Problems.PROBLEM_JSON)
                .body(e.problem());
    }

    /** Spring Security's firewall refuses a parameter or header (control characters, non-text bytes). */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    public ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return Problems.answer(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                "A parameter name or header of the request holds characters that are not allowed (such as control "
                        + "characters); check the address and the headers.", List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException e) {
        String given = "'" + io.seire.kernel.Bounds.shortened(String.valueOf(e.getValue())) + "'";
        StrictDates.NotADate notADate = causeOf(e, StrictDates.NotADate.class);
        String reason = notADate != null ? notADate.getMessage()
                : e.getMostSpecificCause() instanceof DateTimeParseException ? given + " is not a valid date or time"
                : Number.class.isAssignableFrom(e.getRequiredType() == null ? Object.class : e.getRequiredType())
                ? given + " is not a whole number" : given + " is not a valid value";
        return Problems.answer(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                e.getName() + ": " + reason, List.of(FieldError.of(e.getName(), reason))));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        RuleViolation rule = causeOf(e, RuleViolation.class);
        if (rule instanceof ImportRejected rejected) {
            return importRejected(rejected);
        }
        if (rule != null) {
            return rule(rule);
        }
        InvalidRequest invalid = causeOf(e, InvalidRequest.class);
        if (invalid != null) {
            return invalid(invalid);
        }
        BodyTooLarge tooLarge = causeOf(e, BodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        log.error("Unexpected failure while handling a request", e);
        return Problems.answer(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side",
                "Nothing was recorded. Try again; if it keeps failing, tell the operators the time of this answer.",
                List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        BodyTooLarge tooLarge = causeOf(e, BodyTooLarge.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(Problems.PROBLEM_JSON)
                    .body(tooLarge(tooLarge).getBody());
        }
        Throwable cause = causeOf(e, JsonMappingException.class);
        if (cause == null) {
            cause = causeOf(e, JsonProcessingException.class);
        }
        FieldError error = describe(cause == null ? e.getMostSpecificCause() : cause);
        String detail = error.field() == null ? error.message() : error.field() + ": " + error.message();
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                detail, List.of(error));
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON).body(problem);
    }

    /**
     * A request record that breaks its field rules (Bean Validation on {@code @Valid} bodies): 400 naming every field,
     * worded and ordered as {@link io.seire.platform.web.rules.Violations} does for the console's forms.
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            @NonNull org.springframework.web.bind.MethodArgumentNotValidException e, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<jakarta.validation.ConstraintViolation<?>> violations = new java.util.ArrayList<>();
        List<FieldError> unexplained = new java.util.ArrayList<>();
        for (org.springframework.validation.ObjectError error : e.getBindingResult().getAllErrors()) {
            if (error.contains(jakarta.validation.ConstraintViolation.class)) {
                violations.add(error.unwrap(jakarta.validation.ConstraintViolation.class));
            } else {
                unexplained.add(FieldError.of(error instanceof org.springframework.validation.FieldError f
                        ? f.getField() : null, String.valueOf(error.getDefaultMessage())));
            }
        }
        Class<?> root = e.getParameter().getParameterType();
        List<FieldError> errors = new java.util.ArrayList<>(
                io.seire.platform.web.rules.Violations.invalid(root, violations).errors());
        errors.addAll(unexplained);
        InvalidRequest invalid = new InvalidRequest(errors);
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON).body(invalid(invalid).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            @NonNull MissingServletRequestParameterException e, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                e.getParameterName() + " is required", List.of(FieldError.of(e.getParameterName(), "is required")));
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON).body(problem);
    }

    @Override
    protected @NonNull ResponseEntity<Object> createResponseEntity(Object body, @NonNull HttpHeaders headers,
                                                                   @NonNull HttpStatusCode status,
                                                                   @NonNull WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("errors", List.of());
        }
        // Spring hands some refusals (an address no handler serves) read-only headers
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers);
        answer.setContentType(Problems.PROBLEM_JSON);
        return new ResponseEntity<>(body, answer, status);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            @NonNull org.springframework.web.servlet.resource.NoResourceFoundException e, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(Problems.PROBLEM_JSON)
                .body(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ProblemErrorPage.NOTHING_HERE,
                        List.of()));
    }

    /** Names the field a JSON body got wrong and why, in words. */
    static FieldError describe(Throwable cause) {
        // Jackson wraps a nested object's parse error with the path it was read at
        var malformed = causeOf(cause, com.fasterxml.jackson.core.JsonParseException.class);
        String duplicate = malformed == null ? null : duplicate(malformed);
        if (duplicate != null) {
            return FieldError.of(duplicate, "is given more than once; give each field once");
        }
        if (cause instanceof RefusedValue refused) {
            return FieldError.of(path(refused), refused.reason());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return FieldError.of(field, "is not a field of this request; expected one of "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")));
        }
        if (cause instanceof InvalidFormatException format) {
            String field = path(format);
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return FieldError.of(field, "'" + format.getValue() + "' is not one of "
                        + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", ")));
            }
            if (target != null && target.getName().startsWith("java.time")) {
                DateTimeParseException parse = causeOf(format, DateTimeParseException.class);
                String why = parse != null && parse.getCause() != null ? ": " + parse.getCause().getMessage() : "";
                return FieldError.of(field, "'" + format.getValue() + "' is not a valid date (YYYY-MM-DD)" + why);
            }
            return FieldError.of(field, "'" + format.getValue() + "' is not a valid " + friendly(target));
        }
        if (cause instanceof InvalidNullException nul) {
            return FieldError.of(path(nul), "must not be null");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            if (field.isEmpty()) {
                return FieldError.of(null, "The body must be a JSON object.");
            }
            return FieldError.of(field, "must be " + article(friendly(mismatch.getTargetType())));
        }
        if (cause instanceof JsonProcessingException json) {
            String at = json.getLocation() == null ? ""
                    : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
            return FieldError.of(null, "The body is not valid JSON" + at + ".");
        }
        if (cause instanceof DateTimeParseException parse) {
            return FieldError.of(null, "'" + parse.getParsedString() + "' is not a valid date (YYYY-MM-DD)");
        }
        return FieldError.of(null, "The body is missing or cannot be read as JSON.");
    }

    /**
     * The path of a field a JSON object holds twice (Jackson's strict duplicate detection), e.g.
     * {@code reportingPeriods[0].id}; null when the error is another.
     */
    private static String duplicate(com.fasterxml.jackson.core.JsonParseException e) {
        com.fasterxml.jackson.core.JsonParser parser = e.getProcessor();
        if (e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate field '") || parser == null) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (String step : parser.getParsingContext().pathAsPointer().toString().split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            String name = step.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit) && !path.isEmpty()) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String friendly(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == String.class) {
            return "text (a JSON string)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (type.getName().startsWith("java.time")) {
            return "date (YYYY-MM-DD)";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        return "object";
    }

    private static String article(String noun) {
        if (noun.startsWith("true") || noun.startsWith("text")) {
            return noun;
        }
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
