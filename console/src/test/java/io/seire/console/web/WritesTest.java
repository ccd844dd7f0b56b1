package io.seire.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.finance.FinanceController;
import io.seire.platform.web.FieldError;
import io.seire.platform.web.InvalidRequest;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A page's form is checked by the API request record's field rules, as the API checks a body, before any write. */
class WritesTest {

    @Test
    void a_form_that_breaks_the_records_field_rules_is_refused_naming_each_field() {
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            Writes writes = new Writes(new ObjectMapper().findAndRegisterModules(), null, validation.getValidator());
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("budgetLine", " ");
            form.put("amount", "1,5");
            form.put("incurredOn", "2025-03-01");

            assertThatThrownBy(() -> writes.request(form, FinanceController.ExpenditureRequest.class,
                    new MockHttpServletRequest()))
                    .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors()).containsExactly(
                            FieldError.of("budgetLine", "is required"),
                            FieldError.of("amount",
                                    "'1,5' is not a decimal number; write it as a string such as \"1234.56\"")));

            form.put("budgetLine", "AT1");
            form.put("amount", "1.5");
            assertThat(writes.request(form, FinanceController.ExpenditureRequest.class, new MockHttpServletRequest())
                    .amount()).isEqualTo("1.5");
        }
    }
}
