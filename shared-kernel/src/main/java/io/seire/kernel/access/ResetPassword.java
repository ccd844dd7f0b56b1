package io.seire.kernel.access;

/** An administrator gives a user a new password (already hashed), e.g. when they have forgotten theirs. */
public record ResetPassword(String username, String passwordHash) implements UserCommand {
}
