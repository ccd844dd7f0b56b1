package io.seire.kernel.access;

/** Let a disabled user sign in again, with the reason. */
public record EnableUser(String username, String reason) implements UserCommand {
}
