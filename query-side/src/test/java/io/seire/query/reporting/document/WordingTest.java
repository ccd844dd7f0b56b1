package io.seire.query.reporting.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.platform.web.InvalidRequest;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How documents write dates, money and numbers in each language, whatever the JVM's default locale. */
class WordingTest {

    @Test
    void estonian_writes_dd_mm_yyyy_a_decimal_comma_and_a_space_between_thousands() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.US);
        try {
            assertThat(Wording.ET.date(LocalDate.of(2024, 6, 1))).isEqualTo("01.06.2024");
            assertThat(Wording.ET.range(LocalDate.of(2024, 6, 1), LocalDate.of(2025, 12, 31)))
                    .isEqualTo("01.06.2024–31.12.2025");
            assertThat(Wording.ET.money("148283")).isEqualTo("148\u00a0283,00");
            assertThat(Wording.ET.money("-100.5")).isEqualTo("-100,50");
            assertThat(Wording.ET.number("12.5")).isEqualTo("12,5");
            assertThat(Wording.ET.number("1500")).isEqualTo("1\u00a0500");
            assertThat(Wording.ET.percent("16.25")).isEqualTo("16,25\u00a0%");
            assertThat(Wording.ET.money(null)).isEmpty();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void english_writes_iso_dates_and_a_decimal_point() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(Wording.EN.date(LocalDate.of(2024, 6, 1))).isEqualTo("2024-06-01");
            assertThat(Wording.EN.money("148283")).isEqualTo("148,283.00");
            assertThat(Wording.EN.number("20.5")).isEqualTo("20.5");
            assertThat(Wording.EN.percent("66.67")).isEqualTo("66.67%");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void lang_chooses_else_accept_language_else_english() {
        assertThat(Wording.of("et", "en")).isEqualTo(Wording.ET);
        assertThat(Wording.of(null, "fi, et-EE;q=0.8, en;q=0.5")).isEqualTo(Wording.ET);
        assertThat(Wording.of(null, "de")).isEqualTo(Wording.EN);
        assertThat(Wording.of(null, ";;;not a header")).isEqualTo(Wording.EN);
        assertThat(Wording.of(null, null)).isEqualTo(Wording.EN);
        assertThatThrownBy(() -> Wording.of("fi", null)).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void both_languages_have_every_label() {
        assertThat(Wording.Labels.ET.keySet()).isEqualTo(Wording.Labels.EN.keySet());
        assertThat(Wording.ET.text("h.partners")).isEqualTo("4. Partnerite nimed");
        assertThat(Wording.ET.notApplicable()).isEqualTo("Ei kohaldu");
        assertThat(Wording.EN.notApplicable()).isEqualTo("Not applicable");
    }
}
