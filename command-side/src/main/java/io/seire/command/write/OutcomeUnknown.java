package io.seire.command.write;

import io.seire.platform.web.RetryLater;

/**
 * The database connection failed while COMMIT was on its way: the write may or may not be recorded, and nobody can
 * tell from here. Answered 503; the safe retry is the same request with the same {@code Idempotency-Key}, which
 * answers the first answer if the write was recorded and records it otherwise.
 */
public class OutcomeUnknown extends RetryLater {

    public OutcomeUnknown(boolean hasIdempotencyKey) {
        super("outcome-unknown", "The outcome of this write is not known",
                "The connection to the database failed while this write was being committed, so it may or may not "
                        + "have been recorded. " + (hasIdempotencyKey
                        ? "Retry with the same Idempotency-Key: if it was recorded you get the first answer, "
                        + "otherwise it is recorded then."
                        : "Check whether it was recorded before sending it again; sent with an Idempotency-Key, a "
                        + "write can be retried safely."), 1);
    }
}
