package io.seire.kernel.access;

/** What a user may do; see API.md "Users and access". */
public enum Role {
    ADMIN, FINANCE, MANAGER, LIAISON
}
