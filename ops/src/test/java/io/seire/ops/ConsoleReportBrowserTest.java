package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The manager's and the liaison's path on the seed 003 project, in the browser: indicator values and progress, the
 * report submitted, returned with a comment (required), fixed and submitted again, approved; the report's PDF link,
 * its changes, the audit trail and its verification; and a programme's roll-ups and waiting reports for its liaison.
 */
class ConsoleReportBrowserTest extends BrowserTestBase {

    @Test
    void a_manager_submits_a_report_a_liaison_returns_it_the_manager_resubmits_and_the_liaison_approves() {
        String project = unique("Šveits.1.01.25-0006");
        SeedProject.setUp(admin, project);
        Api manager = user("MANAGER", List.of(project), List.of());
        Api liaison = user("LIAISON", List.of(), List.of("Šveitsi-Eesti koostööprogramm"));
        String base = "/projects/" + Api.seg(project);

        signIn(manager.username(), "Parool-õ-123");
        open(base + "/results-framework?period=2024&lang=et");
        assertThat(h1()).isEqualTo("Tulemusraamistik");
        assertThat(all("a[href*='/expenditures/new']")).as("a manager is offered no finance form").isEmpty();
        check("results-framework-before");
        follow(browser.findElement(By.xpath("//a[contains(@href, '/indicators/O1/values/new')]")));
        assertThat(find("select[name=period] option[selected]").getAttribute("value")).isEqualTo("2024");
        check("value-new");
        type("value", "12");
        type("note", "Nõustatud 12 organisatsiooni");
        press("Sisesta väärtus");
        assertThat(find("#flash").getText()).contains("Näitaja väärtus on sisestatud");
        follow(browser.findElement(By.xpath("//a[contains(@href, '/indicators/R1/values/new')]")));
        type("value", "14,5");
        press("Sisesta väärtus");
        assertThat(browser.findElement(By.xpath("//tr[th[contains(., 'R1')]]")).getText()).contains("14,5");
        assertThat(browser.findElement(By.xpath("//tr[th[contains(., 'O1')]]")).getText()).contains("12");
        // a second value for a LATEST indicator: the API's 409 beside the period
        follow(browser.findElement(By.xpath("//a[contains(@href, '/indicators/R1/values/new')]")));
        type("value", "15");
        press("Sisesta väärtus");
        assertThat(find("#period-error").getText()).as("the API's 409 in Estonian, naming the indicator and period")
                .contains("Näitajal R1 on perioodil 2024 juba väärtus");
        check("value-refused");

        open(base + "/activity-progress?period=2024");
        follow(browser.findElement(By.xpath("//a[contains(@href, '/sub-activities/1/progress/new')]")));
        choose("status", "ON_TRACK");
        type("summary", "Nõustamisteenus käivitati, 12 organisatsiooni nõustati.");
        press("Sisesta edenemine");
        assertThat(text()).contains("Nõustamisteenus käivitati").contains("Graafikus");
        check("activity-progress");

        open(base + "/reports/new?period=2024&lang=en");
        check("report-new");
        press("Submit the report");
        assertThat(find("#assessment-error").getText()).contains("required");
        type("assessment", "Projekt on graafikus.");
        press("Submit the report");
        assertThat(find("#flash").getText()).contains("Report submitted");
        assertThat(find("#report-status").getText()).isEqualTo("Submitted");
        assertThat(all("form[action*='/approval']")).as("a manager cannot decide").isEmpty();
        String report = browser.getCurrentUrl().replaceAll(".*/reports/", "");

        signIn(liaison.username(), "Parool-õ-123");
        open(base);
        follow(browser.findElement(By.linkText("2024")));
        assertThat(h1()).isEqualTo("Report for 2024");
        check("report-submitted");
        press("Return the report");
        assertThat(find("#return-comment-error").getText()).contains("required");
        type2("return-comment", "Lisa näitaja O2 väärtus.");
        press("Return the report");
        assertThat(find("#flash").getText()).contains("Report returned");
        assertThat(find("#report-status").getText()).isEqualTo("Returned");

        signIn(manager.username(), "Parool-õ-123");
        open("/projects/" + Api.seg(project) + "/indicators/O2/values/new?period=2024&lang=en");
        type("value", "8");
        press("Record the value");
        assertThat(find("#flash").getText()).contains("Indicator value recorded");
        open(base + "/reports/new?period=2024");
        type("assessment", "Projekt on graafikus; O2 lisatud.");
        press("Submit the report");
        assertThat(find("#report-status").getText()).isEqualTo("Submitted");

        signIn(liaison.username(), "Parool-õ-123");
        open(base);
        follow(all("a").stream().filter(a -> a.getText().equals("2024")).reduce((a, b) -> b).orElseThrow());
        type2("comment", "Kinnitatud.");
        press("Approve the report");
        assertThat(find("#report-status").getText()).isEqualTo("Approved");
        assertThat(find("#report-pdf").getAttribute("href")).contains("/api/v1/projects/").contains("format=pdf");
        check("report-approved");
        follow(browser.findElement(By.linkText("What changed since it was submitted")));
        assertThat(h1()).isEqualTo("What changed since it was submitted");
        check("report-changes");

        open(base + "/audit-trail");
        assertThat(text()).contains("ReportApproved").contains(liaison.username());
        check("audit-trail");
        press("Verify the chain");
        assertThat(find("#verification").getText()).contains("The chain is intact");
        check("audit-trail-verified");
        assertThat(report).isNotBlank();
    }

    @Test
    void a_liaison_sees_the_programme_roll_ups_and_what_waits_for_them_and_a_clerk_does_not() {
        String programme = unique("SEE");
        Api.Response registered = admin.post("/api/v1/programmes", ProgrammeApiTest.programme(programme));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String project = unique("Šveits.1.01.25-0006");
        SeedProject.setUpIn(admin, project, programme);
        Api manager = user("MANAGER", List.of(project), List.of());
        Api clerk = user("FINANCE", List.of(project), List.of());
        Api liaison = user("LIAISON", List.of(), List.of(programme));
        String p = "/api/v1/projects/" + Api.seg(project);
        assertThat(clerk.post(p + "/expenditures", Map.of("budgetLine", "AT1-SERVICES", "amount", "5000.00",
                "incurredOn", "2024-07-01")).status()).isEqualTo(201);
        assertThat(manager.post(p + "/reports", Map.of("period", "2024", "kind", "INTERIM", "assessment", "Hea"))
                .status()).isEqualTo(201);

        signIn(liaison.username(), "Parool-õ-123");
        open("/");
        follow(browser.findElement(By.linkText("Šveitsi-Eesti koostööprogramm")));
        assertThat(h1()).isEqualTo("Šveitsi-Eesti koostööprogramm");
        assertThat(text()).contains("Budget execution up to").contains("5,000.00").contains("CH");
        assertThat(find("main ul.list a").getText()).contains(project).contains("report for 2024");
        check("programme");

        signIn(clerk.username(), "Parool-õ-123");
        open("/programmes/" + Api.seg(programme));
        assertThat(text()).as("a member of a project sees no roll-ups").doesNotContain("Budget execution up to");
        open("/programmes/" + Api.seg(unique("nobody")));
        assertThat(h1()).isEqualTo("Not found");
    }

    @Test
    void a_manager_opens_positions_hires_and_records_a_failed_recruitment() {
        String project = unique("Šveits.1.01.25-0006");
        SeedProject.setUp(admin, project);
        Api manager = user("MANAGER", List.of(project), List.of());
        String base = "/projects/" + Api.seg(project);
        signIn(manager.username(), "Parool-õ-123");
        open(base + "/staffing?on=2024-12-31&lang=et");
        assertThat(h1()).isEqualTo("Personal");
        follow(browser.findElement(By.linkText("Ava ametikoht")));
        type("code", "PM");
        type("title", "Projektijuht");
        type("openedOn", "01.06.2024");
        press("Ava ametikoht");
        assertThat(find("#subActivities-error").getText()).as("sub-activities are required, in Estonian")
                .contains("on kohustuslik");
        assertThat(find(".error-summary").getText()).contains("Alategevused: on kohustuslik");
        find("#subActivities-6").click();
        find("#subActivities-1").click();
        check("position-new");
        press("Ava ametikoht");
        assertThat(find("#flash").getText()).contains("Ametikoht on avatud");
        open(base + "/staffing?on=31.12.2024");
        follow(browser.findElement(By.xpath("//a[contains(@href, '/positions/PM/hires/new')]")));
        type("name", "Mari Maasikas");
        type("startDate", "01.07.2024");
        type("workloadPercent", "150");
        press("Sisesta töölevõtmine");
        assertThat(find("#workloadPercent-error").getText()).as("the API's range, at the field").contains("100");
        type("workloadPercent", "50");
        press("Sisesta töölevõtmine");
        open(base + "/staffing?on=31.12.2024");
        assertThat(text()).contains("Mari Maasikas").contains("0,50");
        check("staffing");

        open(base + "/positions/new");
        type("code", "IT");
        type("title", "IT-spetsialist");
        type("openedOn", "01.06.2024");
        find("#subActivities-6").click();
        press("Ava ametikoht");
        open(base + "/staffing?on=31.12.2024");
        follow(browser.findElement(By.xpath("//a[contains(@href, '/positions/IT/recruitment-failures/new')]")));
        type("date", "30.09.2024");
        type("reason", "Sobivat kandidaati ei leitud");
        press("Sisesta ebaõnnestunud värbamine");
        assertThat(find("#flash").getText()).contains("Ebaõnnestunud värbamine on sisestatud");
    }

    /** Types into a field found by its id (two forms of one page may both have a field of one name). */
    private void type2(String id, String value) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }
}
