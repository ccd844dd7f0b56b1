package io.seire.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.console.ConsoleConfiguration;
import io.seire.platform.web.FieldError;
import io.seire.platform.web.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The API's refusals on Estonian pages: the bundle's message for the problem's type, filled with the names the API
 * quoted; the API's own text wherever the bundle has nothing (or needs more names than the text gives); English
 * pages, and the API's problem itself, untouched.
 */
@SuppressWarnings("unchecked")
class ProblemMessagesTest {

    private final ProblemMessages messages = new ProblemMessages(new ConsoleConfiguration().consoleMessages());

    private static ProblemDetail conflict(String type, String detail, String field) {
        return Problems.problem(HttpStatus.CONFLICT, type, "This conflicts with what is already recorded", detail,
                field == null ? List.of() : List.of(FieldError.of(field, detail)));
    }

    @Test
    void an_estonian_page_shows_the_rule_in_estonian_with_the_names_the_api_quoted() {
        ProblemDetail api = conflict("one-value-per-period", "Indicator 'R1' already has a value for period '2024' and "
                + "counts LATEST; correct that value instead of recording a second one.", "period");
        ProblemDetail shown = messages.inLanguage(api, Languages.ESTONIAN);
        assertThat(shown.getTitle()).isEqualTo("See on vastuolus juba sisestatuga");
        assertThat(shown.getDetail()).startsWith("Näitajal R1 on perioodil 2024 juba väärtus");
        assertThat((List<Object>) shown.getProperties().get("errors")).singleElement()
                .isEqualTo(FieldError.of("period", shown.getDetail()));
        assertThat(shown.getType()).isEqualTo(api.getType());
        assertThat(api.getDetail()).as("the API's answer is not changed").startsWith("Indicator 'R1'");
    }

    @Test
    void a_field_message_is_translated_by_its_wording() {
        ProblemDetail api = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                "The request is not valid", List.of(FieldError.of("reason", "is required"),
                        FieldError.of("newPassword", "must be at least 12 characters long"),
                        FieldError.of("value", "must be a decimal number, not 'x'")));
        ProblemDetail shown = messages.inLanguage(api, Languages.ESTONIAN);
        assertThat((List<Object>) shown.getProperties().get("errors")).containsExactly(
                FieldError.of("reason", "on kohustuslik"),
                FieldError.of("newPassword", "peab olema vähemalt 12 märki pikk"),
                FieldError.of("value", "must be a decimal number, not 'x'"));
    }

    @Test
    void without_a_message_or_enough_quoted_names_the_apis_text_is_shown() {
        ProblemDetail unknown = conflict("some-rule-the-bundle-does-not-know", "As the API says it.", null);
        assertThat(messages.inLanguage(unknown, Languages.ESTONIAN).getDetail()).isEqualTo("As the API says it.");
        ProblemDetail unquoted = conflict("one-value-per-period", "Indicator R1 already has a value.", null);
        assertThat(messages.inLanguage(unquoted, Languages.ESTONIAN).getDetail())
                .isEqualTo("Indicator R1 already has a value.");
    }

    @Test
    void an_english_page_shows_the_apis_problem_as_it_is() {
        ProblemDetail api = conflict("one-value-per-period", "Indicator 'R1' already has a value for period '2024'.",
                "period");
        assertThat(messages.inLanguage(api, Languages.ENGLISH)).isSameAs(api);
    }
}
