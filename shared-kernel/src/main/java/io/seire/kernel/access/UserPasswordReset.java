package io.seire.kernel.access;

import io.seire.kernel.EventVersion;

/** An administrator set a new password for a user; only its BCrypt hash is recorded. */
@EventVersion("1")
public record UserPasswordReset(String username, String passwordHash) {
}
