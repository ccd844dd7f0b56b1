package io.seire.ops;

import io.seire.platform.testing.Api;

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

        String other = unique("Šveits.1.01.25-0006");
        SeedProject.setUp(admin, other);
        open("/projects/" + Api.seg(other) + "/budget-execution?period=2024");
        assertThat(h1()).as("a project one does not belong to does not exist for them (the 404 in Estonian)")
                .isEqualTo("Ei leitud");
        assertThat(text()).doesNotContain("Kodanikuühiskonna");
        open("/projects/" + Api.seg(project));
        press("Logi välja");
        assertThat(text()).contains("Oled välja logitud.");
        open("/projects/" + Api.seg(project));
        assertThat(browser.getCurrentUrl()).contains("/login");
    }

    @Test
    void an_administrator_creates_a_user_who_signs_in_and_disables_them() {
        String project = unique("Šveits.1.01.25-0006");
        SeedProject.setUp(admin, project);
        String name = unique("kliendihaldur");
        signIn("admin", ADMIN_PASSWORD);
        follow(browser.findElement(By.linkText("Users")));
        follow(browser.findElement(By.linkText("Create a user")));
        check("user-new");
        type("username", name);
        type("password", "lühike");
        find("#roles-FINANCE").click();
        browser.findElements(By.cssSelector("input[name=projects]")).stream()
                .filter(box -> box.getAttribute("value").equals(project)).findFirst().orElseThrow().click();
        press("Create the user");
        assertThat(find("#password-error").getText()).as("the API's password rule, at the field").contains("12");
        assertThat(find("#roles-FINANCE").isSelected()).as("what was chosen stays").isTrue();
        type("password", "Pikk-parool-123");
        press("Create the user");
        assertThat(find("#flash").getText()).contains("User created");
        assertThat(text()).contains(name);
        check("users");

        follow(browser.findElement(By.linkText(name)));
        follow(browser.findElement(By.linkText("Roles and memberships")));
        assertThat(find("#roles-FINANCE").isSelected()).as("the user's roles as they are").isTrue();
        find("#roles-MANAGER").click();
        check("user-access");
        press("Save the roles and memberships");
        assertThat(find("#flash").getText()).contains("Roles and memberships changed");
        assertThat(text()).contains("FINANCE, MANAGER");

        signIn(name, "Pikk-parool-123");
        assertThat(text()).contains(project);
        assertThat(all("a[href='/admin/users']")).as("no administration for finance staff").isEmpty();
        open("/admin/users");
        assertThat(h1()).as("the API's refusal").isEqualTo("Your role does not allow this");

        signIn("admin", ADMIN_PASSWORD);
        open("/admin/users/" + Api.seg(name));
        press("Disable the user");
        assertThat(find("#reason-error").getText()).contains("required");
        type("reason", "Lahkus töölt");
        press("Disable the user");
        assertThat(find("#user-status").getText()).isEqualTo("Disabled");
        signIn(name, "Pikk-parool-123");
        assertThat(find(".error-summary").getText()).contains("disabled");
    }

    @Test
    void an_administrator_registers_a_project_with_the_api_refusing_an_impossible_date_and_sets_it_up() {
        String project = unique("LT-004");
        signIn("admin", ADMIN_PASSWORD);
        follow(browser.findElement(By.linkText("Register a project")));
        type("id", project);
        type("name", "Socialinių inovacijų kompetencijų centras");
        type("programme", "Šveitsi-Eesti koostööprogramm");
        type("beneficiary", "VšĮ Inovacijų centras");
        type("eligibleFrom", "01.05.2021");
        type("eligibleTo", "31.04.2023");
        type("flexibilityPercent", "10");
        type("reportingPeriods[0].id", "2021");
        type("reportingPeriods[0].from", "01.05.2021");
        type("reportingPeriods[0].to", "31.12.2021");
        press("Register the project");
        assertThat(find("#eligibleTo-error").getText()).as("seed 004's date that does not exist, in the API's words")
                .contains("2023-04-31");
        check("project-new-refused");
        type("eligibleTo", "30.04.2023");
        press("Register the project");
        assertThat(find("#flash").getText()).contains("Project registered");
        follow(browser.findElement(By.linkText("Add a sub-activity")));
        type("code", "1");
        type("name", "Nõustamine");
        press("Add a sub-activity");
        follow(browser.findElement(By.linkText("Add a budget line")));
        type("code", "AT1-SERVICES");
        choose("subActivity", "1");
        type("costCategory", "SERVICES");
        type("planned", "216865.10");
        press("Add a budget line");
        assertThat(find("#flash").getText()).contains("Budget line added");
        assertThat(text()).contains("AT1-SERVICES").contains("216,865.10");
        check("project-setup");
        follow(browser.findElement(By.xpath("//a[contains(@href, '/budget-lines/AT1-SERVICES/revisions')]")));
        type("planned", "200000.00");
        type("effectiveFrom", "01.01.2022");
        press("Record the revision");
        assertThat(find("#reason-error").getText()).contains("required");
        type("reason", "Muudatus nr 1");
        press("Record the revision");
        assertThat(find("#flash").getText()).contains("Revision recorded");
        assertThat(text()).contains("200,000.00");
    }
}
