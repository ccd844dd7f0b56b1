package io.seire.command.access;

import io.seire.kernel.access.Role;
import io.seire.kernel.access.UserRegistered;
import java.sql.Connection;
import java.util.Collection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the credentials table in step with UserRegistered, in the transaction that records the event (a
 * subscribing processor), so a new user can sign in on every node at once.
 */
@Component
@ProcessingGroup(AccountsTable.GROUP)
public class AccountsTable {

    public static final String GROUP = "accounts";

    private final JdbcTemplate jdbc;

    public AccountsTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered e) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO app_user (username, password_hash, roles, projects, programmes) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING");
            ps.setString(1, e.username());
            ps.setString(2, e.passwordHash());
            ps.setArray(3, array(con, e.roles().stream().map(Role::name).toList()));
            ps.setArray(4, array(con, e.projects()));
            ps.setArray(5, array(con, e.programmes()));
            return ps;
        });
    }

    private static java.sql.Array array(Connection con, Collection<String> values) throws java.sql.SQLException {
        return con.createArrayOf("text", (values == null ? java.util.List.<String>of() : values).toArray());
    }
}
