package io.seire.kernel.access;

import io.seire.kernel.EventVersion;

/** A user may no longer sign in. */
@EventVersion("1")
public record UserDisabled(String username, String reason) {
}
