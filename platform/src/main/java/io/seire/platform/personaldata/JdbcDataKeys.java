package io.seire.platform.personaldata;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Data keys in {@code personal_data_key}, written in the transaction of the write that needs them. */
public class JdbcDataKeys implements DataKeys {

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getBytes(4));

    private final JdbcTemplate jdbc;

    public JdbcDataKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MasterCheck> masterCheck() {
        return jdbc.query("SELECT master_key_id, sealed_check FROM personal_data_master_check WHERE id = 1",
                (rs, i) -> new MasterCheck(rs.getString(1), rs.getBytes(2))).stream().findFirst();
    }

    @Override
    public void storeMasterCheck(MasterCheck check) {
        jdbc.update("INSERT INTO personal_data_master_check (id, master_key_id, sealed_check) VALUES (1, ?, ?) "
                + "ON CONFLICT DO NOTHING", check.masterKeyId(), check.sealed());
    }

    @Override
    public void replaceMasterCheck(MasterCheck check) {
        jdbc.update("UPDATE personal_data_master_check SET master_key_id = ?, sealed_check = ? WHERE id = 1",
                check.masterKeyId(), check.sealed());
    }

    @Override
    public java.util.List<Row> live() {
        return jdbc.query("SELECT key_id, project_id, subject, wrapped_key FROM personal_data_key "
                + "WHERE wrapped_key IS NOT NULL ORDER BY key_id", ROW);
    }

    @Override
    public void rewrap(String keyId, byte[] wrapped, String masterKeyId) {
        jdbc.update("UPDATE personal_data_key SET wrapped_key = ?, master_key_id = ? WHERE key_id = ? "
                + "AND wrapped_key IS NOT NULL", wrapped, masterKeyId, keyId);
    }

    @Override
    public boolean anyKey() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM personal_data_key)", Boolean.class));
    }

    @Override
    public Optional<Row> byId(String keyId) {
        return jdbc.query("SELECT key_id, project_id, subject, wrapped_key FROM personal_data_key WHERE key_id = ?",
                ROW, keyId).stream().findFirst();
    }

    @Override
    public Optional<Row> bySubject(String projectId, String subject) {
        return jdbc.query("SELECT key_id, project_id, subject, wrapped_key FROM personal_data_key "
                + "WHERE project_id = ? AND subject = ?", ROW, projectId, subject).stream().findFirst();
    }

    @Override
    public void insert(Row row, String masterKeyId) {
        jdbc.update("INSERT INTO personal_data_key (key_id, project_id, subject, wrapped_key, master_key_id) "
                + "VALUES (?, ?, ?, ?, ?)", row.keyId(), row.projectId(), row.subject(), row.wrapped(), masterKeyId);
    }

    @Override
    public void insertAll(java.util.List<Row> rows, String masterKeyId) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO personal_data_key (key_id, project_id, subject, wrapped_key, master_key_id, "
                        + "destroyed_at) VALUES (?, ?, ?, ?, ?, CASE WHEN ? THEN now() END)", rows.stream()
                .map(r -> new Object[] {r.keyId(), r.projectId(), r.subject(), r.wrapped(), masterKeyId,
                        r.wrapped() == null})
                .toList());
    }

    @Override
    public java.util.List<Row> bySubjects(String projectId, java.util.Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT key_id, project_id, subject, wrapped_key FROM personal_data_key "
                    + "WHERE project_id = ? AND subject = ANY(?)");
            ps.setString(1, projectId);
            ps.setArray(2, con.createArrayOf("text", subjects.toArray()));
            return ps;
        }, ROW);
    }

    @Override
    public java.util.List<Row> byIds(java.util.Collection<String> keyIds) {
        if (keyIds.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT key_id, project_id, subject, wrapped_key FROM personal_data_key "
                    + "WHERE key_id = ANY(?)");
            ps.setArray(1, con.createArrayOf("text", keyIds.toArray()));
            return ps;
        }, ROW);
    }

    @Override
    public boolean destroy(String projectId, String subject) {
        return jdbc.update("UPDATE personal_data_key SET wrapped_key = NULL, destroyed_at = now() "
                + "WHERE project_id = ? AND subject = ? AND wrapped_key IS NOT NULL", projectId, subject) > 0;
    }
}
