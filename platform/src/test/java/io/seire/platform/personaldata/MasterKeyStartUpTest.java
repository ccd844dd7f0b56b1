package io.seire.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.kernel.PersonalText;
import io.seire.platform.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ADR 0035: data keys live in their own table, wrapped under the operator's master key; a node started without the
 * master key, or with another one, once personal data exists, refuses to start with a message that says so.
 */
class MasterKeyStartUpTest {

    private JdbcTemplate jdbc;

    @BeforeEach
    void freshDatabase() {
        DataSource db = TestDatabase.fresh("personal_data_" + ProcessHandle.current().pid());
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(db);
    }

    private PersonalData start(MasterKey key) {
        return new PersonalData(new JdbcDataKeys(jdbc, org.springframework.jdbc.core.simple.JdbcClient.create(jdbc)), key);
    }

    @Test
    void a_lost_master_key_fails_start_up_once_personal_data_is_encrypted() {
        MasterKey key = MasterKey.generate();
        start(key).seal("P", "staff/S1", "Mari Maasikas");

        assertThatThrownBy(() -> start(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Personal data in this database is encrypted, but no master key is configured")
                .hasMessageContaining("SEIRE_MASTER_KEY");
    }

    @Test
    void a_wrong_master_key_fails_start_up_naming_both_key_ids() {
        MasterKey key = MasterKey.generate();
        start(key).seal("P", "staff/S1", "Mari Maasikas");
        MasterKey other = MasterKey.generate();

        assertThatThrownBy(() -> start(other)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the one this database's personal data is encrypted with")
                .hasMessageContaining(other.id()).hasMessageContaining(key.id());
        assertThat(start(key)).as("the right key still starts").isNotNull();
    }

    @Test
    void without_personal_data_a_node_without_master_key_starts_but_cannot_seal() {
        PersonalData none = start(null);
        assertThatThrownBy(() -> none.seal("P", "staff/S1", "Mari Maasikas"))
                .isInstanceOf(io.seire.platform.web.RetryLater.class).hasMessageContaining("SEIRE_MASTER_KEY");
    }

    @Test
    void the_key_table_holds_only_wrapped_keys_and_the_sealed_text_opens_until_the_key_is_destroyed() {
        MasterKey key = MasterKey.generate();
        PersonalData data = start(key);
        PersonalText sealed = data.seal("P", "staff/S1", "Mari Maasikas");

        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1))
                .doesNotContain("Mari");
        assertThat(sealed.toString()).doesNotContain("Mari").doesNotContain(sealed.ciphertext());
        List<byte[]> wrapped = jdbc.query("SELECT wrapped_key FROM personal_data_key", (rs, i) -> rs.getBytes(1));
        assertThat(wrapped).hasSize(1);
        assertThat(wrapped.get(0)).as("a data key is stored wrapped: nonce, 32 key bytes, tag").hasSize(12 + 32 + 16);
        assertThat(start(key).open(sealed, PersonalData.ERASED)).as("another node with the key reads it")
                .isEqualTo("Mari Maasikas");
        assertThat(data.seal("P", "staff/S1", "Mari").keyId()).as("one key per subject").isEqualTo(sealed.keyId());

        assertThat(data.destroy("P", "staff/S1")).isTrue();
        assertThat(data.open(sealed, PersonalData.ERASED)).isEqualTo("[erased]");
        assertThat(data.destroy("P", "staff/S1")).as("a key is destroyed once").isFalse();
        assertThat(jdbc.queryForObject("SELECT wrapped_key IS NULL AND destroyed_at IS NOT NULL FROM personal_data_key",
                Boolean.class)).isTrue();
        assertThatThrownBy(() -> data.seal("P", "staff/S1", "Mari")).hasMessageContaining("has been erased");
    }

    @Test
    void text_recorded_before_encryption_reads_as_it_was_stored() {
        PersonalData data = start(MasterKey.generate());
        assertThat(data.open(new PersonalText(null, null, "Mari Maasikas"), PersonalData.ERASED))
                .isEqualTo("Mari Maasikas");
        assertThat(data.open(null, PersonalData.ERASED)).isNull();
    }

    @Test
    void the_embedded_default_generates_the_master_key_readable_by_its_owner_only(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("var").resolve("master-key");
        MasterKey generated = PersonalDataConfiguration.load("", "", file.toString());

        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(PersonalDataConfiguration.load("", "", file.toString()).id()).as("read again on the next start")
                .isEqualTo(generated.id());
        assertThat(PersonalDataConfiguration.load(Files.readString(file), "", "").id()).isEqualTo(generated.id());
        assertThat(PersonalDataConfiguration.load("", file.toString(), "").id()).isEqualTo(generated.id());
    }

    @Test
    void a_master_key_that_is_not_32_bytes_of_base64_is_refused_clearly() {
        assertThatThrownBy(() -> PersonalDataConfiguration.load("not base64!", "", ""))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> PersonalDataConfiguration.load("c2hvcnQ=", "", ""))
                .hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> PersonalDataConfiguration.load("", "/nonexistent/master-key", ""))
                .hasMessageContaining("does not exist");
    }

    @Test
    void a_rotation_wraps_every_data_key_anew_under_the_new_master_key() {
        MasterKey old = MasterKey.generate();
        PersonalData before = start(old);
        PersonalText first = before.seal("P", "staff/S1", "Mari Maasikas");
        PersonalText second = before.seal("P", "staff/S2", "Jaan Tamm");
        before.destroy("P", "staff/S2");
        MasterKey rotated = MasterKey.generate();

        PersonalData after = new PersonalData(new JdbcDataKeys(jdbc, org.springframework.jdbc.core.simple.JdbcClient.create(jdbc)), rotated, old);

        assertThat(after.open(first, PersonalData.ERASED)).isEqualTo("Mari Maasikas");
        assertThat(after.open(second, PersonalData.ERASED)).isEqualTo("[erased]");
        assertThat(start(rotated).open(first, PersonalData.ERASED)).as("the previous key is no longer needed")
                .isEqualTo("Mari Maasikas");
        assertThatThrownBy(() -> start(old)).hasMessageContaining("is not the one");
        assertThat(jdbc.queryForList("SELECT DISTINCT master_key_id FROM personal_data_key WHERE wrapped_key IS NOT NULL",
                String.class)).containsExactly(rotated.id());
    }
}
