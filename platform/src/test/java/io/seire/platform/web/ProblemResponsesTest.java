package io.seire.platform.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seire.kernel.RuleViolation;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every failure a controller can meet becomes an RFC 9457 problem: the status the rule's outcome calls for, the
 * rule's name as its type, the field named, and nothing of the server's inside for what was not foreseen.
 */
class ProblemResponsesTest {

    record Expense(BigDecimal amount, int count) {
    }

    /**
     * A test controller. It answers GET and PUT rather than POST: ops's ArchitectureTest requires {@code @Sends} on
     * every {@code @PostMapping} it finds, and this test-jar is on ops's classpath. How a failure is answered does not
     * depend on the method.
     */
    @RestController
    static class Failing {
        @GetMapping("/rule")
        String rule() {
            throw RuleViolation.unprocessable("budget-line-overspent", "amount", "The line has 12.34 left.");
        }

        @GetMapping("/wrapped")
        String wrapped() {
            // as Axon hands on what a command handler threw
            throw new IllegalStateException("command failed",
                    RuleViolation.conflict("expenditure-exists", "expenditureId", "E1 is already recorded."));
        }

        @GetMapping("/unexpected")
        String unexpected() {
            throw new IllegalStateException("duplicate key in relation secret_table");
        }

        @PutMapping("/body")
        String body(@RequestBody Expense expense) {
            return "ok";
        }

        @GetMapping("/page")
        String page(@RequestParam Integer page) {
            return "ok";
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemResponses()).build();

    @Test
    void a_broken_rule_answers_the_status_of_its_outcome_with_its_name_as_type_and_the_field() throws Exception {
        mvc.perform(get("/rule"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/budget-line-overspent"))
                .andExpect(jsonPath("$.title").value("This breaks a rule of the project"))
                .andExpect(jsonPath("$.detail").value("The line has 12.34 left."))
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
    }

    @Test
    void a_rule_broken_deep_inside_another_failure_still_answers_as_that_rule() throws Exception {
        mvc.perform(get("/wrapped"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/expenditure-exists"))
                .andExpect(jsonPath("$.errors[0].field").value("expenditureId"));
    }

    @Test
    void an_unforeseen_failure_is_a_500_that_says_nothing_was_recorded_and_shows_nothing_of_the_inside()
            throws Exception {
        mvc.perform(get("/unexpected"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/internal-error"))
                .andExpect(jsonPath("$.detail", containsString("Nothing was recorded")))
                .andExpect(content().string(not(containsString("secret_table"))));
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() throws Exception {
        mvc.perform(put("/body").contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 1,"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"));
    }

    @Test
    void a_field_of_the_wrong_type_is_a_400_naming_the_field() throws Exception {
        mvc.perform(put("/body").contentType(MediaType.APPLICATION_JSON).content("{\"amount\": \"12,34\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
    }

    @Test
    void a_query_parameter_that_is_not_a_number_is_a_400_naming_the_parameter() throws Exception {
        mvc.perform(get("/page").param("page", "two"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].message").value("'two' is not a whole number"))
                .andExpect(header().doesNotExist("Retry-After"));
    }
}
