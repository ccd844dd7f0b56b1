package io.seire.kernel.access;

import io.seire.kernel.EventVersion;
import java.util.Set;

/** A user's roles and memberships were replaced by these. */
@EventVersion("1")
public record UserAccessChanged(String username, Set<Role> roles, Set<String> projects, Set<String> programmes,
                                String reason) {
}
