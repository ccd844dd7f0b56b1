package io.seire.kernel.access;

import io.seire.kernel.EventVersion;

/** A disabled user may sign in again. */
@EventVersion("1")
public record UserEnabled(String username, String reason) {
}
