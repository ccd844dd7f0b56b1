package io.seire.kernel.access;

import java.util.Set;

/** Give a user new roles and memberships (they replace the old ones as a whole). */
public record ChangeUserAccess(String username, Set<Role> roles, Set<String> projects, Set<String> programmes,
                               String reason) implements UserCommand {
}
