package io.seire.kernel.access;

import java.util.Set;

/** Create a user with roles and memberships; the password arrives already hashed. */
public record RegisterUser(String username, String passwordHash, Set<Role> roles, Set<String> projects,
                           Set<String> programmes) implements UserCommand {
}
