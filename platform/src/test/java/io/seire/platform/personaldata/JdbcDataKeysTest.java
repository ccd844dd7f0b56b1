package io.seire.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.platform.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ADR 0055: an import's data keys (sixteen or more) are stored with one COPY, as the same rows a batch of inserts
 * stores; a subject that has a key already is refused the same way on both paths.
 */
class JdbcDataKeysTest {

    private static JdbcTemplate jdbc;
    private static JdbcDataKeys keys;

    @BeforeAll
    static void database() {
        DataSource ds = TestDatabase.fresh("data_keys_" + ProcessHandle.current().pid());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        keys = new JdbcDataKeys(jdbc, JdbcClient.create(jdbc));
    }

    @Test
    void many_new_keys_are_copied_as_the_rows_a_batch_of_inserts_stores() {
        List<DataKeys.Row> copied = rows("copied", JdbcDataKeys.COPY_FROM_KEYS + 4);
        List<DataKeys.Row> inserted = rows("inserted", JdbcDataKeys.COPY_FROM_KEYS - 1);

        keys.insertAll(copied, "master-õ");
        keys.insertAll(inserted, "master-õ");

        for (List<DataKeys.Row> written : List.of(copied, inserted)) {
            for (DataKeys.Row row : written) {
                DataKeys.Row read = keys.byId(row.keyId()).orElseThrow();
                assertThat(read.projectId()).isEqualTo(row.projectId());
                assertThat(read.subject()).isEqualTo(row.subject());
                assertThat(read.wrapped()).isEqualTo(row.wrapped());
            }
        }
        List<Map<String, Object>> stored = jdbc.queryForList("SELECT project_id, master_key_id, created_at IS NOT NULL "
                + "AS created, destroyed_at FROM personal_data_key WHERE project_id IN ('copied', 'inserted')");
        assertThat(stored).hasSize(copied.size() + inserted.size()).allSatisfy(r -> {
            assertThat(r.get("master_key_id")).isEqualTo("master-õ");
            assertThat(r.get("created")).isEqualTo(true);
            assertThat(r.get("destroyed_at")).isNull();
        });
    }

    @Test
    void a_subject_with_a_key_is_refused_on_either_path_and_the_write_stores_nothing() {
        keys.insertAll(rows("twice", 1), "m");
        List<DataKeys.Row> many = rows("twice", JdbcDataKeys.COPY_FROM_KEYS);
        assertThatThrownBy(() -> keys.insertAll(many, "m")).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> keys.insertAll(many.subList(0, 2), "m")).isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE project_id = 'twice'", Long.class))
                .isEqualTo(1);
    }

    /** Keys of subjects with letters, escapes and emoji; wrapped keys of every byte value. */
    private static List<DataKeys.Row> rows(String project, int count) {
        List<DataKeys.Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] wrapped = new byte[40];
            for (int b = 0; b < wrapped.length; b++) {
                wrapped[b] = (byte) (i * 40 + b);
            }
            rows.add(new DataKeys.Row(project + "-key-" + i, project, "expenditure/Ž-š\t\\N 🇪🇪 Кир/" + i, wrapped));
        }
        return rows;
    }
}
