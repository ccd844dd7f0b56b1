package io.seire.platform.security;

import io.seire.kernel.access.Actor;
import io.seire.kernel.access.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the accounts table that the command side keeps in step with the user account's events, in the transaction
 * that records them: one primary-key look-up answers who a user is now, on every node.
 */
public class UserAccounts {

    /** A user as stored now: the password only as its BCrypt hash. */
    public record Account(Actor actor, String passwordHash, boolean disabled) {
    }

    private final JdbcClient jdbc;

    public UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT username, password_hash, roles, projects, programmes, disabled FROM app_user "
                        + "WHERE username = :username")
                .param("username", username)
                .query((rs, i) -> new Account(new Actor(rs.getString("username"), roles(rs), texts(rs.getArray("projects")),
                        texts(rs.getArray("programmes"))), rs.getString("password_hash"), rs.getBoolean("disabled")))
                .optional();
    }

    public boolean exists(String username) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE username = :username)")
                .param("username", username).query(Boolean.class).single());
    }

    private static Set<Role> roles(ResultSet rs) throws SQLException {
        return texts(rs.getArray("roles")).stream().map(Role::valueOf).collect(Collectors.toSet());
    }

    private static Set<String> texts(Array array) throws SQLException {
        return array == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
