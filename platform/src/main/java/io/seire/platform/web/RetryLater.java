package io.seire.platform.web;

/** The request is fine but cannot be answered yet: 503 with {@code Retry-After}. */
public class RetryLater extends RuntimeException {

    private final int retryAfterSeconds;
    private final String type;
    private final String title;

    public RetryLater(String message, int retryAfterSeconds) {
        this("retry-later", "Not ready yet", message, retryAfterSeconds);
    }

    /** A 503 of its own kind: {@code type} names it under {@code /problems/}, {@code title} says it in words. */
    public RetryLater(String type, String title, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
        this.type = type;
        this.title = title;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
