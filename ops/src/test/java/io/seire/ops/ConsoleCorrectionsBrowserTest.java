package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * In the browser: a manager corrects and retracts indicator values (a reason required, refused in Estonian without
 * one); an administrator defines an indicator on the set-up page (refused first: a number indicator without a unit)
 * and gives a user a new password (refused first: too short), with which the user then signs in.
 */
class ConsoleCorrectionsBrowserTest extends BrowserTestBase {

    @Test
    void a_manager_corrects_and_retracts_indicator_values_with_a_reason() {
        String project = unique("Šveits.1.01.25-0006");
        SeedProject.setUp(admin, project);
        Api manager = user("MANAGER", List.of(project), List.of());
        Api clerk = user("FINANCE", List.of(project), List.of());
        String p = "/api/v1/projects/" + Api.seg(project);
        assertThat(manager.post(p + "/indicators/O1/values", Map.of("period", "2024", "value", "12")).status())
                .isEqualTo(201);
        assertThat(manager.post(p + "/indicators/O1/values", Map.of("period", "2024", "value", "3",
                "note", "Teine voor")).status()).isEqualTo(201);
        String base = "/projects/" + Api.seg(project);

        signIn(clerk.username(), "Parool-õ-123");
        open(base + "/results-framework?period=2024");
        assertThat(all("a[href*='/correction'], a[href*='/retraction']")).as("a clerk changes no value").isEmpty();

        signIn(manager.username(), "Parool-õ-123");
        open(base + "/results-framework?period=2024&lang=et");
        assertThat(browser.findElement(By.xpath("//tr[th[contains(., 'O1')]]")).getText()).contains("15");
        assertThat(text()).contains("Perioodi 2024 väärtused").contains("Teine voor");
        check("results-framework-values");
        follow(all("a[href*='/indicators/O1/values/'][href*='/correction']").get(0));
        assertThat(h1()).isEqualTo("Paranda väärtust");
        assertThat(find("#current-value").getText()).contains("12");
        check("value-correction");
        type("value", "14");
        press("Sisesta parandus");
        assertThat(find("#reason-error").getText()).as("the API's 'is required', in Estonian").contains("on kohustuslik");
        assertThat(find(".error-summary").getText()).contains("Põhjus: on kohustuslik");
        check("value-correction-refused");
        type("reason", "Üks organisatsioon oli topelt");
        press("Sisesta parandus");
        assertThat(find("#flash").getText()).contains("Näitaja väärtus on parandatud");
        assertThat(browser.findElement(By.xpath("//tr[th[contains(., 'O1')]]")).getText()).contains("17");

        follow(browser.findElement(By.xpath("//li[contains(., 'Teine voor')]//a[contains(@href, '/retraction')]")));
        assertThat(find("#current-value").getText()).contains("3");
        check("value-retraction");
        press("Võta väärtus tagasi");
        assertThat(find("#reason-error").getText()).contains("on kohustuslik");
        type("reason", "Teine voor ei toimunud");
        press("Võta väärtus tagasi");
        assertThat(find("#flash").getText()).contains("Näitaja väärtus on tagasi võetud");
        assertThat(browser.findElement(By.xpath("//tr[th[contains(., 'O1')]]")).getText()).contains("14");
        assertThat(text()).doesNotContain("Teine voor");
    }

    @Test
    void an_administrator_defines_an_indicator_and_gives_a_user_a_new_password() {
        String project = unique("Šveits.1.01.25-0006");
        SeedProject.setUp(admin, project);
        Api manager = user("MANAGER", List.of(project), List.of());
        String base = "/projects/" + Api.seg(project);

        signIn(manager.username(), "Parool-õ-123");
        open(base + "/setup");
        assertThat(text()).contains("O1").contains("T1");
        assertThat(all("a[href$='/setup/indicators']")).as("only an administrator defines indicators").isEmpty();

        signIn("admin", ADMIN_PASSWORD);
        open(base + "/setup?lang=et");
        follow(browser.findElement(By.linkText("Lisa näitaja")));
        assertThat(h1()).isEqualTo("Lisa näitaja");
        check("indicator-new");
        type("code", "O9");
        type("name", "Korraldatud ümarlaudade arv");
        choose("kind", "OUTPUT");
        choose("measure", "NUMBER");
        choose("aggregation", "SUM");
        type("baseline", "0");
        type("target", "12");
        type("milestones[0].date", "31.12.2025");
        type("milestones[0].value", "4,5");
        press("Lisa näitaja");
        assertThat(find("#unit-error").getText()).as("a number indicator needs a unit").contains("on kohustuslik");
        assertThat(find(".error-summary").getText()).contains("Ühik: on kohustuslik");
        check("indicator-new-refused");
        type("unit", "ümarlaud");
        press("Lisa näitaja");
        assertThat(find("#flash").getText()).contains("Näitaja on lisatud").contains("O9");
        assertThat(browser.findElement(By.xpath("//tr[th[contains(., 'O9')]]")).getText())
                .contains("Väljund").contains("ümarlaud").contains("Summa").contains("12");
        check("project-setup-indicators");
        String milestones = admin.get("/api/v1/projects/" + Api.seg(project)).body();
        assertThat(milestones).contains("\"code\":\"O9\"").contains("4.5");

        Api user = user("FINANCE", List.of(project), List.of());
        open("/admin/users/" + Api.seg(user.username()) + "?lang=en");
        type("newPassword", "lühike");
        press("Set the new password");
        assertThat(find("#newPassword-error").getText()).contains("12");
        assertThat(browser.findElement(By.name("newPassword")).getAttribute("value")).as("never shown back").isEmpty();
        check("user-password-refused");
        type("newPassword", "Uus-parool-õ-456");
        press("Set the new password");
        assertThat(find("#flash").getText()).contains("New password set");
        check("user-password-reset");
        signIn(user.username(), "Uus-parool-õ-456");
        assertThat(h1()).isEqualTo("Your projects");
        assertThat(admin.as(user.username(), "Parool-õ-123").get("/api/v1/projects").status())
                .as("the old password no longer works").isEqualTo(401);
    }
}
