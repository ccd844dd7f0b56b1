package io.seire.kernel.access;

/**
 * A user changes their own password. The new one arrives already hashed; whether the request proved the current
 * password was checked where the plaintext was at hand, so no command or event ever carries a password.
 */
public record ChangePassword(String username, String passwordHash, boolean currentPasswordConfirmed)
        implements UserCommand {
}
