package io.seire.platform.personaldata;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/** Data keys in {@code personal_data_key}, written in the transaction of the write that needs them. */
public class JdbcDataKeys implements DataKeys {

    private static final String KEY_COLUMNS = "key_id, project_id, subject, wrapped_key";

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getString("key_id"), rs.getString("project_id"),
            rs.getString("subject"), rs.getBytes("wrapped_key"));

    private final JdbcTemplate batches;
    private final JdbcClient jdbc;

    /** Reads and writes through the shared {@code jdbc}; a rotation's batch goes through {@code batches}. */
    public JdbcDataKeys(JdbcTemplate batches, JdbcClient jdbc) {
        this.batches = batches;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MasterCheck> masterCheck() {
        return jdbc.sql("SELECT master_key_id, sealed_check FROM personal_data_master_check WHERE id = 1")
                .query((rs, i) -> new MasterCheck(rs.getString("master_key_id"), rs.getBytes("sealed_check")))
                .optional();
    }

    @Override
    public void storeMasterCheck(MasterCheck check) {
        jdbc.sql("INSERT INTO personal_data_master_check (id, master_key_id, sealed_check) "
                        + "VALUES (1, :masterKeyId, :sealed) ON CONFLICT DO NOTHING")
                .param("masterKeyId", check.masterKeyId()).param("sealed", check.sealed()).update();
    }

    @Override
    public void replaceMasterCheck(MasterCheck check) {
        jdbc.sql("UPDATE personal_data_master_check SET master_key_id = :masterKeyId, sealed_check = :sealed WHERE id = 1")
                .param("masterKeyId", check.masterKeyId()).param("sealed", check.sealed()).update();
    }

    @Override
    public List<Row> live() {
        return jdbc.sql("SELECT " + KEY_COLUMNS + " FROM personal_data_key WHERE wrapped_key IS NOT NULL ORDER BY key_id")
                .query(ROW).list();
    }

    @Override
    public void rewrap(String keyId, byte[] wrapped, String masterKeyId) {
        jdbc.sql("UPDATE personal_data_key SET wrapped_key = :wrapped, master_key_id = :masterKeyId "
                        + "WHERE key_id = :keyId AND wrapped_key IS NOT NULL")
                .param("wrapped", wrapped).param("masterKeyId", masterKeyId).param("keyId", keyId).update();
    }

    @Override
    public boolean anyKey() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT EXISTS (SELECT 1 FROM personal_data_key)")
                .query(Boolean.class).single());
    }

    @Override
    public Optional<Row> byId(String keyId) {
        return jdbc.sql("SELECT " + KEY_COLUMNS + " FROM personal_data_key WHERE key_id = :keyId")
                .param("keyId", keyId).query(ROW).optional();
    }

    @Override
    public Optional<Row> bySubject(String projectId, String subject) {
        return jdbc.sql("SELECT " + KEY_COLUMNS + " FROM personal_data_key WHERE project_id = :projectId "
                        + "AND subject = :subject")
                .param("projectId", projectId).param("subject", subject).query(ROW).optional();
    }

    @Override
    public void insert(Row row, String masterKeyId) {
        jdbc.sql("INSERT INTO personal_data_key (key_id, project_id, subject, wrapped_key, master_key_id) "
                        + "VALUES (:keyId, :projectId, :subject, :wrapped, :masterKeyId)")
                .param("keyId", row.keyId()).param("projectId", row.projectId()).param("subject", row.subject())
                .param("wrapped", row.wrapped()).param("masterKeyId", masterKeyId).update();
    }

    /** A batch, which JdbcClient does not send: JdbcTemplate's batchUpdate (ADR 0044). */
    @Override
    public void insertAll(List<Row> rows, String masterKeyId) {
        if (rows.isEmpty()) {
            return;
        }
        batches.batchUpdate("INSERT INTO personal_data_key (key_id, project_id, subject, wrapped_key, master_key_id, "
                        + "destroyed_at) VALUES (?, ?, ?, ?, ?, CASE WHEN ? THEN now() END)", rows.stream()
                .map(r -> new Object[] {r.keyId(), r.projectId(), r.subject(), r.wrapped(), masterKeyId,
                        r.wrapped() == null})
                .toList());
    }

    @Override
    public List<Row> bySubjects(String projectId, Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + KEY_COLUMNS + " FROM personal_data_key WHERE project_id = :projectId "
                        + "AND subject = ANY(:subjects)")
                .param("projectId", projectId).param("subjects", new SqlArrayValue("text", subjects.toArray()))
                .query(ROW).list();
    }

    @Override
    public List<Row> byIds(Collection<String> keyIds) {
        if (keyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + KEY_COLUMNS + " FROM personal_data_key WHERE key_id = ANY(:keyIds)")
                .param("keyIds", new SqlArrayValue("text", keyIds.toArray())).query(ROW).list();
    }

    @Override
    public boolean destroy(String projectId, String subject) {
        return jdbc.sql("UPDATE personal_data_key SET wrapped_key = NULL, destroyed_at = now() "
                        + "WHERE project_id = :projectId AND subject = :subject AND wrapped_key IS NOT NULL")
                .param("projectId", projectId).param("subject", subject).update() > 0;
    }
}
