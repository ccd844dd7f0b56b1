package io.seire.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.kernel.PersonalText;
import io.seire.kernel.RuleViolation;
import io.seire.platform.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ADR 0055: an import's texts are sealed under keys stored with one COPY; each still opens to its own text, under a key
 * of its own, in the order given, and a write that may not seal one of them seals none and stores no key.
 */
class SealManyTest {

    private static JdbcTemplate jdbc;
    private static PersonalData personalData;

    @BeforeAll
    static void database() {
        DataSource ds = TestDatabase.fresh("seal_many_" + ProcessHandle.current().pid());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        personalData = new PersonalData(new JdbcDataKeys(jdbc, JdbcClient.create(jdbc)), MasterKey.generate());
    }

    @Test
    void many_texts_sealed_at_once_each_open_to_their_own_text_under_a_key_of_their_own() {
        int count = JdbcDataKeys.COPY_FROM_KEYS * 64;
        List<String> subjects = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            subjects.add("expenditure/E" + i + "/description");
            texts.add(i % 7 == 0 ? (i % 2 == 0 ? null : "  ") : "Sõidukulud Tartu–Riia №" + i + " 🇪🇪 Кир ąė");
        }

        List<PersonalText> sealed = personalData.sealNew("many", subjects, texts);

        assertThat(sealed).hasSize(count);
        HashSet<String> keyIds = new HashSet<>();
        PersonalData.Opener opener = personalData.opener(sealed.stream().filter(java.util.Objects::nonNull)
                .map(PersonalText::keyId).toList()); // the keys read in one query, as a projection reads them
        for (int i = 0; i < count; i++) {
            if (texts.get(i) == null || texts.get(i).isBlank()) {
                assertThat(sealed.get(i)).as("blank text " + i).isNull();
                continue;
            }
            assertThat(opener.open(sealed.get(i), "gone")).as("text " + i).isEqualTo(texts.get(i));
            assertThat(keyIds.add(sealed.get(i).keyId())).as("a key of its own for text " + i).isTrue();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE project_id = 'many'", Long.class))
                .isEqualTo(keyIds.size());
    }

    @Test
    void a_redacted_subject_among_many_refuses_the_write_and_no_key_is_stored() {
        personalData.seal("redacted", "expenditure/E5/description", "Nimi");
        personalData.redact("redacted", "expenditure/E5/description");
        List<String> subjects = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < JdbcDataKeys.COPY_FROM_KEYS * 32; i++) {
            subjects.add("expenditure/E" + i + "/description");
            texts.add("uus tekst " + i);
        }

        assertThatThrownBy(() -> personalData.seal("redacted", subjects, texts)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("has been redacted");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE project_id = 'redacted'",
                Long.class)).isEqualTo(1);
    }
}
