package io.seire.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** What is wrong with a request's parameters and headers is answered all at once, not one problem per try. */
class FieldsTest {

    @Test
    void every_problem_found_is_named_in_one_answer_in_the_order_found() {
        Fields fields = new Fields();
        fields.throwIfInvalid(); // nothing wrong yet: goes on
        fields.add("from", "'2024-13-01' is not a valid date");
        fields.add("to", "must not be before from");

        assertThat(fields.hasErrors()).isTrue();
        InvalidRequest invalid = catchThrowableOfType(InvalidRequest.class, fields::throwIfInvalid);
        assertThat(invalid.errors()).containsExactly(FieldError.of("from", "'2024-13-01' is not a valid date"),
                FieldError.of("to", "must not be before from"));
    }

    @Test
    void blank_optional_text_counts_as_absent() {
        assertThat(Fields.optional(null)).isNull();
        assertThat(Fields.optional(" \t")).isNull();
        assertThat(Fields.optional(" x ")).isEqualTo(" x ");
    }
}
