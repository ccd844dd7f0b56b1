package io.seire.command.access;

import io.seire.kernel.access.Role;
import io.seire.kernel.access.UserAccessChanged;
import io.seire.kernel.access.UserDisabled;
import io.seire.kernel.access.UserEnabled;
import io.seire.kernel.access.UserPasswordChanged;
import io.seire.kernel.access.UserPasswordReset;
import io.seire.kernel.access.UserRegistered;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the accounts table in step with the user account's events, in the transaction that records them (a
 * subscribing processor), so a new user can sign in, and a disabled one cannot, on every node at once. Each event
 * also leaves a row in {@code user_account_change}: who changed the account, when and why (never a password hash).
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
    void on(UserRegistered e, @MetaDataValue("actor") String actor, @Timestamp Instant at) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO app_user (username, password_hash, roles, projects, programmes) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING");
            ps.setString(1, e.username());
            ps.setString(2, e.passwordHash());
            ps.setArray(3, roles(con, e.roles()));
            ps.setArray(4, array(con, e.projects()));
            ps.setArray(5, array(con, e.programmes()));
            return ps;
        });
        changed(e.username(), at, actor, "UserRegistered", null, e.roles(), e.projects(), e.programmes());
    }

    @EventHandler
    void on(UserDisabled e, @MetaDataValue("actor") String actor, @Timestamp Instant at) {
        jdbc.update("UPDATE app_user SET disabled = true, changed_at = ? WHERE username = ?",
                java.sql.Timestamp.from(at), e.username());
        changed(e.username(), at, actor, "UserDisabled", e.reason(), null, null, null);
    }

    @EventHandler
    void on(UserEnabled e, @MetaDataValue("actor") String actor, @Timestamp Instant at) {
        jdbc.update("UPDATE app_user SET disabled = false, changed_at = ? WHERE username = ?",
                java.sql.Timestamp.from(at), e.username());
        changed(e.username(), at, actor, "UserEnabled", e.reason(), null, null, null);
    }

    @EventHandler
    void on(UserAccessChanged e, @MetaDataValue("actor") String actor,
            @Timestamp Instant at) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("UPDATE app_user SET roles = ?, projects = ?, programmes = ?, changed_at = ? "
                    + "WHERE username = ?");
            ps.setArray(1, roles(con, e.roles()));
            ps.setArray(2, array(con, e.projects()));
            ps.setArray(3, array(con, e.programmes()));
            ps.setTimestamp(4, java.sql.Timestamp.from(at));
            ps.setString(5, e.username());
            return ps;
        });
        changed(e.username(), at, actor, "UserAccessChanged", e.reason(), e.roles(), e.projects(), e.programmes());
    }

    @EventHandler
    void on(UserPasswordChanged e, @MetaDataValue("actor") String actor,
            @Timestamp Instant at) {
        newPassword(e.username(), e.passwordHash(), at);
        changed(e.username(), at, actor, "UserPasswordChanged", null, null, null, null);
    }

    @EventHandler
    void on(UserPasswordReset e, @MetaDataValue("actor") String actor,
            @Timestamp Instant at) {
        newPassword(e.username(), e.passwordHash(), at);
        changed(e.username(), at, actor, "UserPasswordReset", null, null, null, null);
    }

    private void newPassword(String username, String hash, Instant at) {
        jdbc.update("UPDATE app_user SET password_hash = ?, changed_at = ? WHERE username = ?",
                hash, java.sql.Timestamp.from(at), username);
    }

    private void changed(String username, Instant at, String actor, String change, String reason,
                         Collection<Role> roles, Collection<String> projects, Collection<String> programmes) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO user_account_change (username, recorded_at, actor, change, "
                    + "reason, roles, projects, programmes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setString(1, username);
            ps.setTimestamp(2, java.sql.Timestamp.from(at));
            ps.setString(3, actor);
            ps.setString(4, change);
            ps.setString(5, reason);
            ps.setArray(6, roles == null ? null : roles(con, roles));
            ps.setArray(7, projects == null ? null : array(con, projects));
            ps.setArray(8, programmes == null ? null : array(con, programmes));
            return ps;
        });
    }

    private static java.sql.Array roles(Connection con, Collection<Role> roles) throws SQLException {
        return array(con, roles == null ? List.of() : roles.stream().map(Role::name).sorted().toList());
    }

    private static java.sql.Array array(Connection con, Collection<String> values) throws SQLException {
        return con.createArrayOf("text", (values == null ? List.<String>of() : values).toArray());
    }
}
