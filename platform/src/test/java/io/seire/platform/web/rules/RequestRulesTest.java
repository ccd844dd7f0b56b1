package io.seire.platform.web.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.platform.web.FieldError;
import io.seire.platform.web.InvalidRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The field rules of request records, as Bean Validation runs them and the API words them. */
class RequestRulesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Line(@NotBlank String code, @NotBlank @Decimal(min = "0") String planned) {
    }

    record Plan(@NotBlank String name, @Decimal(min = "0", max = "100") String percent,
                @NotNull List<@NotNull(message = "must not be null") @Valid Line> lines, @NotNull LocalDate from,
                @Decimal String total) implements RulesInCode {

        @Override
        public void check(Refusals refusals) {
            if (percent == null) {
                refusals.required("total", total);
            }
        }
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void a_required_field_is_named_with_is_required_blank_counting_as_absent() {
        assertThat(errors(new Plan(" ", "5", List.of(), LocalDate.of(2025, 1, 1), null)))
                .containsExactly(FieldError.of("name", "is required"));
        assertThat(errors(new Plan("P", "5", null, null, null)))
                .containsExactly(FieldError.of("lines", "is required"), FieldError.of("from", "is required"));
    }

    @Test
    void a_decimal_is_a_string_of_digits_within_what_seire_records_and_its_range() {
        assertThat(errors(plan("12,5", List.of())))
                .containsExactly(FieldError.of("percent",
                        "'12,5' is not a decimal number; write it as a string such as \"1234.56\""));
        assertThat(errors(plan("100.01", List.of())))
                .containsExactly(FieldError.of("percent", "must be between 0 and 100, not 100.01"));
        assertThat(errors(plan("1.12345678901", List.of())))
                .containsExactly(FieldError.of("percent", "'1.12345678901' has more than 10 digits after the decimal point"));
        assertThat(errors(plan("0", List.of(new Line("L", "-1")))))
                .containsExactly(FieldError.of("lines[0].planned", "must not be negative, not -1"));
        assertThat(errors(plan("100", List.of()))).isEmpty();
    }

    @Test
    void list_items_are_named_by_their_index_and_a_null_item_is_refused() {
        List<Line> lines = new ArrayList<>(Arrays.asList(new Line("A", "1"), null, new Line("", "x")));
        assertThat(errors(plan("5", lines))).containsExactly(
                FieldError.of("lines[1]", "must not be null"),
                FieldError.of("lines[2].code", "is required"),
                FieldError.of("lines[2].planned", "'x' is not a decimal number; write it as a string such as \"1234.56\""));
    }

    @Test
    void rules_in_code_name_their_field_and_every_error_comes_in_the_order_of_the_record() {
        assertThat(errors(new Plan("", null, null, null, null))).containsExactly(
                FieldError.of("name", "is required"), FieldError.of("lines", "is required"),
                FieldError.of("from", "is required"), FieldError.of("total", "is required"));
    }

    @Test
    void a_value_the_client_sent_is_repeated_as_sent_never_interpolated() {
        for (String hostile : List.of("${1+1}", "{min}", "${validatedValue}", "\\{x\\}", "#{7*7}")) {
            assertThat(errors(plan(hostile, List.of())))
                    .containsExactly(FieldError.of("percent", "'" + hostile
                            + "' is not a decimal number; write it as a string such as \"1234.56\""));
        }
    }

    @Test
    void the_refusal_names_one_field_in_its_detail_or_counts_them() {
        assertThatThrownBy(() -> Violations.check(VALIDATOR, plan("x", List.of())))
                .isInstanceOf(InvalidRequest.class)
                .hasMessage("percent: 'x' is not a decimal number; write it as a string such as \"1234.56\"");
        assertThatThrownBy(() -> Violations.check(VALIDATOR, new Plan("", null, null, null, null)))
                .hasMessage("4 fields of the request are not valid; see errors.");
    }

    private static Plan plan(String percent, List<Line> lines) {
        return new Plan("P", percent, lines, LocalDate.of(2025, 1, 1), null);
    }

    private static List<FieldError> errors(Object request) {
        return Violations.invalid(request.getClass(), VALIDATOR.validate(request)).errors();
    }
}
