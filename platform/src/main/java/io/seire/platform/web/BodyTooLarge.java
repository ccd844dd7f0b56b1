package io.seire.platform.web;

import java.io.IOException;

/** A request body beyond its cap: answered 413, and the rest of the body is never read. */
public class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(String what, long limit) {
        super(what + " may hold at most " + limit + " bytes; this one holds more. Nothing was recorded.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
