package io.seire.query.access;

import io.seire.query.read.Paging;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Users as they are now, and who changed each account when and why: read from the accounts table and its change
 * log, which the write side keeps in the transaction that records each change (so they are never behind). Never a
 * password or its hash.
 */
@Component
public class UserViews {

    public record UserSummary(String username, List<String> roles, List<String> projects, List<String> programmes,
                              boolean disabled, Instant createdAt, Instant changedAt) {
    }

    /** One change of an account; roles and memberships as they became, where the change set them. */
    public record Change(String change, Instant recordedAt, String actor, String reason, List<String> roles,
                         List<String> projects, List<String> programmes) {
    }

    public record UserDetail(String username, List<String> roles, List<String> projects, List<String> programmes,
                             boolean disabled, Instant createdAt, Instant changedAt, List<Change> history) {
    }

    private static final String COLUMNS = "username, roles, projects, programmes, disabled, created_at, changed_at";

    private final JdbcClient jdbc;

    public UserViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Paging.Page<UserSummary> list(Paging paging) {
        long total = jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
        List<UserSummary> items = jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username "
                        + "LIMIT :size OFFSET :offset")
                .param("size", paging.size()).param("offset", paging.offset())
                .query((rs, i) -> summary(rs)).list();
        return paging.page(items, total);
    }

    public UserDetail detail(String username) {
        UserSummary user = jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :username")
                .param("username", username).query((rs, i) -> summary(rs)).optional().orElse(null);
        if (user == null) {
            return null;
        }
        List<Change> history = jdbc.sql("SELECT change, recorded_at, actor, reason, roles, projects, programmes "
                        + "FROM user_account_change WHERE username = :username ORDER BY id")
                .param("username", username)
                .query((rs, i) -> new Change(rs.getString("change"), instant(rs.getTimestamp("recorded_at")),
                        rs.getString("actor"), rs.getString("reason"), textsOrNull(rs.getArray("roles")),
                        textsOrNull(rs.getArray("projects")), textsOrNull(rs.getArray("programmes"))))
                .list();
        return new UserDetail(user.username(), user.roles(), user.projects(), user.programmes(), user.disabled(),
                user.createdAt(), user.changedAt(), history);
    }

    private static UserSummary summary(ResultSet rs) throws SQLException {
        return new UserSummary(rs.getString("username"), texts(rs.getArray("roles")), texts(rs.getArray("projects")),
                texts(rs.getArray("programmes")), rs.getBoolean("disabled"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("changed_at")));
    }

    private static List<String> texts(Array array) throws SQLException {
        List<String> texts = textsOrNull(array);
        return texts == null ? List.of() : texts;
    }

    private static List<String> textsOrNull(Array array) throws SQLException {
        return array == null ? null : Arrays.stream((String[]) array.getArray()).sorted().toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
