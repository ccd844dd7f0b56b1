package io.seire.platform.web;

/** The request is fine but cannot be answered yet: 503 with {@code Retry-After}. */
public class RetryLater extends RuntimeException {

    private final int retryAfterSeconds;

    public RetryLater(String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
