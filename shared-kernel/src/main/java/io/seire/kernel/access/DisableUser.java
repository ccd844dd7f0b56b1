package io.seire.kernel.access;

/** Stop a user from signing in, with the reason (kept in the audit record). */
public record DisableUser(String username, String reason) implements UserCommand {
}
