package io.seire.command.access;

import io.seire.kernel.access.Role;
import io.seire.kernel.access.UserAccessChanged;
import io.seire.kernel.access.UserDisabled;
import io.seire.kernel.access.UserEnabled;
import io.seire.kernel.access.UserPasswordChanged;
import io.seire.kernel.access.UserPasswordReset;
import io.seire.kernel.access.UserRegistered;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
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

    private final JdbcClient jdbc;

    public AccountsTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered e, @MetaDataValue("actor") String actor, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO app_user (username, password_hash, roles, projects, programmes) "
                        + "VALUES (:username, :passwordHash, :roles, :projects, :programmes) ON CONFLICT (username) DO NOTHING")
                .param("username", e.username()).param("passwordHash", e.passwordHash())
                .param("roles", roles(e.roles())).param("projects", array(e.projects()))
                .param("programmes", array(e.programmes()))
                .update();
        changed(e.username(), at, actor, "UserRegistered", null, e.roles(), e.projects(), e.programmes());
    }

    @EventHandler
    void on(UserDisabled e, @MetaDataValue("actor") String actor, @Timestamp Instant at) {
        jdbc.sql("UPDATE app_user SET disabled = true, changed_at = :at WHERE username = :username")
                .param("at", java.sql.Timestamp.from(at)).param("username", e.username())
                .update();
        changed(e.username(), at, actor, "UserDisabled", e.reason(), null, null, null);
    }

    @EventHandler
    void on(UserEnabled e, @MetaDataValue("actor") String actor, @Timestamp Instant at) {
        jdbc.sql("UPDATE app_user SET disabled = false, changed_at = :at WHERE username = :username")
                .param("at", java.sql.Timestamp.from(at)).param("username", e.username())
                .update();
        changed(e.username(), at, actor, "UserEnabled", e.reason(), null, null, null);
    }

    @EventHandler
    void on(UserAccessChanged e, @MetaDataValue("actor") String actor,
            @Timestamp Instant at) {
        jdbc.sql("UPDATE app_user SET roles = :roles, projects = :projects, programmes = :programmes, changed_at = :at "
                        + "WHERE username = :username")
                .param("roles", roles(e.roles())).param("projects", array(e.projects()))
                .param("programmes", array(e.programmes()))
                .param("at", java.sql.Timestamp.from(at)).param("username", e.username())
                .update();
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
        jdbc.sql("UPDATE app_user SET password_hash = :hash, changed_at = :at WHERE username = :username")
                .param("hash", hash).param("at", java.sql.Timestamp.from(at)).param("username", username)
                .update();
    }

    private void changed(String username, Instant at, String actor, String change, String reason,
                         Collection<Role> roles, Collection<String> projects, Collection<String> programmes) {
        jdbc.sql("INSERT INTO user_account_change (username, recorded_at, actor, change, reason, roles, projects, "
                        + "programmes) VALUES (:username, :at, :actor, :change, :reason, :roles, :projects, :programmes)")
                .param("username", username).param("at", java.sql.Timestamp.from(at)).param("actor", actor)
                .param("change", change).param("reason", reason, Types.VARCHAR)
                .param("roles", roles == null ? null : roles(roles), Types.ARRAY)
                .param("projects", projects == null ? null : array(projects), Types.ARRAY)
                .param("programmes", programmes == null ? null : array(programmes), Types.ARRAY)
                .update();
    }

    private static SqlArrayValue roles(Collection<Role> roles) {
        return array(roles == null ? List.of() : roles.stream().map(Role::name).sorted().toList());
    }

    private static SqlArrayValue array(Collection<String> values) {
        return new SqlArrayValue("text", (values == null ? List.<String>of() : values).toArray());
    }
}
