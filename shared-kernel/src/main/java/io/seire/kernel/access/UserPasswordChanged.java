package io.seire.kernel.access;

import io.seire.kernel.EventVersion;

/** A user changed their own password; only its BCrypt hash is recorded. */
@EventVersion("1")
public record UserPasswordChanged(String username, String passwordHash) {
}
