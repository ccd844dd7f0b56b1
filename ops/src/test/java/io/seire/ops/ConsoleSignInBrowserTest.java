package io.seire.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Sign-in by form, the language switch, sign-out; the API keeps Basic and takes no session for writes. */
class ConsoleSignInBrowserTest extends BrowserTestBase {

    @Test
    void a_clerk_signs_in_by_form_sees_their_projects_switches_language_and_signs_out() {
        String project = unique("Šveits.1.01.25-0006");
        SeedProject.setUp(admin, project);
        Api clerk = user("FINANCE", List.of(project), List.of());

        open("/");
        assertThat(browser.getCurrentUrl()).as("a page needs a signed-in user").contains("/login");
        check("login");

        signIn(clerk.username(), "wrong password!");
        assertThat(find(".error-summary").getText()).contains("Unknown user or wrong password");
        check("login-refused");

        signIn(clerk.username(), "Parool-õ-123");
        assertThat(h1()).isEqualTo("Your projects");
        assertThat(text()).contains(project).doesNotContain("Programmes");
        check("home");

        follow(browser.findElement(By.linkText("Eesti keeles")));
        assertThat(h1()).isEqualTo("Sinu projektid");
        open("/");
        assertThat(h1()).as("the language is remembered").isEqualTo("Sinu projektid");
        assertThat(find("html").getAttribute("lang")).isEqualTo("et");

        follow(browser.findElement(By.linkText(project)));
        assertThat(h1()).contains("Kodanikuühiskonna");
        check("project");

        press("Logi välja");
        assertThat(text()).contains("Oled välja logitud.");
        open("/projects/" + Api.seg(project));
        assertThat(browser.getCurrentUrl()).contains("/login");
    }
}
