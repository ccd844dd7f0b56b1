package io.seire.kernel;

/**
 * A request that breaks a rule. The outcome tells the HTTP layer which status to answer; the message is written
 * for the person who made the request (a finance clerk, a manager), never for a developer.
 */
public class RuleViolation extends RuntimeException {

    public enum Outcome { BAD_REQUEST, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE }

    private final Outcome outcome;
    private final String rule;
    private final String field;

    public RuleViolation(Outcome outcome, String rule, String field, String message) {
        super(message, null, false, false);
        this.outcome = outcome;
        this.rule = rule;
        this.field = field;
    }

    public static RuleViolation badRequest(String rule, String field, String message) {
        return new RuleViolation(Outcome.BAD_REQUEST, rule, field, message);
    }

    public static RuleViolation notFound(String rule, String message) {
        return new RuleViolation(Outcome.NOT_FOUND, rule, null, message);
    }

    public static RuleViolation forbidden(String rule, String message) {
        return new RuleViolation(Outcome.FORBIDDEN, rule, null, message);
    }

    public static RuleViolation conflict(String rule, String field, String message) {
        return new RuleViolation(Outcome.CONFLICT, rule, field, message);
    }

    public static RuleViolation unprocessable(String rule, String field, String message) {
        return new RuleViolation(Outcome.UNPROCESSABLE, rule, field, message);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** A stable name of the rule, e.g. {@code eligibility-end-after-start}; tests and clients may rely on it. */
    public String rule() {
        return rule;
    }

    /** The request field the rule is about, or null when it concerns the request as a whole. */
    public String field() {
        return field;
    }
}
