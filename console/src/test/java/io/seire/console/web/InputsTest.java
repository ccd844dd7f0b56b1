package io.seire.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a person types becomes what the API takes; what the API answers is written for the chosen language. */
class InputsTest {

    @Test
    void an_amount_takes_the_languages_decimal_mark() {
        assertThat(Inputs.amount("1234,56", Languages.ESTONIAN)).isEqualTo("1234.56");
        assertThat(Inputs.amount("1 234,56", Languages.ESTONIAN)).isEqualTo("1234.56");
        assertThat(Inputs.amount("1234.56", Languages.ESTONIAN)).as("a point is no grouping in Estonian").isEqualTo("1234.56");
        assertThat(Inputs.amount("−12,5", Languages.ESTONIAN)).isEqualTo("-12.5");
        assertThat(Inputs.amount("1,234.56", Languages.ENGLISH)).isEqualTo("1234.56");
        assertThat(Inputs.amount("1234.56", Languages.ENGLISH)).isEqualTo("1234.56");
    }

    @Test
    void an_amount_that_is_not_one_goes_to_the_api_as_typed_so_that_it_names_the_mistake() {
        assertThat(Inputs.amount("1234,56", Languages.ENGLISH)).as("a comma is grouping in English").isEqualTo("1234,56");
        assertThat(Inputs.amount("12 eurot", Languages.ESTONIAN)).isEqualTo("12 eurot");
        assertThat(Inputs.amount("  ", Languages.ESTONIAN)).as("blank is absent").isNull();
    }

    @Test
    void a_date_is_written_as_the_language_writes_it_or_as_the_api_does() {
        assertThat(Inputs.date("31.12.2024")).isEqualTo("2024-12-31");
        assertThat(Inputs.date("1.7.2024")).isEqualTo("2024-07-01");
        assertThat(Inputs.date("2024-12-31")).isEqualTo("2024-12-31");
        assertThat(Inputs.date("31.04.2023")).as("an impossible date is left for the API to refuse").isEqualTo("2023-04-31");
        assertThat(Inputs.date("")).isNull();
    }

    @Test
    void figures_are_written_for_the_language_without_rounding() {
        Fmt et = new Fmt(Languages.ESTONIAN);
        Fmt en = new Fmt(Languages.ENGLISH);
        assertThat(et.number("1234567.50")).isEqualTo("1\u00a0234\u00a0567,50");
        assertThat(en.number("1234567.50")).isEqualTo("1,234,567.50");
        assertThat(et.number("-0.005")).isEqualTo("−0,005");
        assertThat(et.percent("15.25")).isEqualTo("15,25\u00a0%");
        assertThat(en.number("Kompetentsikeskuse tegevuskava")).as("a text indicator's value").isEqualTo("Kompetentsikeskuse tegevuskava");
        assertThat(et.input("1234.56")).isEqualTo("1234,56");
        assertThat(et.date(LocalDate.of(2024, 12, 31))).isEqualTo("31.12.2024");
        assertThat(en.date(LocalDate.of(2024, 12, 31))).isEqualTo("2024-12-31");
        assertThat(et.time(Instant.parse("2024-12-31T22:30:00Z"))).as("in Estonian time").isEqualTo("01.01.2025 00:30:00");
        assertThat(new Fmt(java.util.Locale.GERMAN).lang()).as("anything but Estonian is English").isEqualTo("en");
    }
}
