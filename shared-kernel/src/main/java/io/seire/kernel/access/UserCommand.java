package io.seire.kernel.access;

/** A command to one user account, routed to the account by its user name. */
public interface UserCommand {

    String username();
}
