package io.seire.kernel.access;

import io.seire.kernel.EventVersion;
import java.util.Set;

/** A user was created. */
@EventVersion("1")
public record UserRegistered(String username, String passwordHash, Set<Role> roles, Set<String> projects,
                             Set<String> programmes) {
}
