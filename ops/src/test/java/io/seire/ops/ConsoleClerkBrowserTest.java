package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The finance clerk's path on the seed 003 project, in the browser: budget execution with its chart and downloads,
 * recording an expenditure with an Estonian decimal comma, a refusal shown at the field, a CSV file with a bad row
 * (every bad row with its line and column), correcting (reason required) and cancelling.
 */
class ConsoleClerkBrowserTest extends BrowserTestBase {

    @Test
    void a_clerk_records_imports_corrects_and_cancels_expenditures_and_reads_budget_execution() throws Exception {
        String project = unique("Šveits.1.01.25-0006");
        SeedProject.setUp(admin, project);
        Api clerk = user("FINANCE", List.of(project), List.of());
        String base = "/projects/" + Api.seg(project);
        signIn(clerk.username(), "Parool-õ-123");

        open(base + "/expenditures/new?lang=et");
        assertThat(h1()).isEqualTo("Sisesta kulu");
        assertThat(all("select[name=budgetLine] option").stream().map(o -> o.getAttribute("value")).toList())
                .as("option values are the line codes; a flat-rate line cannot be recorded on")
                .contains("AT1-SERVICES", "AT6-STAFF").doesNotContain("AT6-INDIRECT");
        check("expenditure-new");
        choose("budgetLine", "AT1-SERVICES");
        type("amount", "1234,56");
        type("incurredOn", "15.07.2024");
        type("paidOn", "20.07.2024");
        type("supplier", "OÜ Nõustaja");
        type("invoice", "A-1");
        type("description", "Nõustamine, juuli");
        press("Sisesta kulu");
        assertThat(find("#flash").getText()).contains("Kulu on sisestatud");
        assertThat(text()).contains("1 234,56").contains("OÜ Nõustaja");
        check("expenditures");

        // by keyboard alone: Tab to each field, type (a select takes the first letters of its option), Enter sends
        open(base + "/expenditures/new?lang=et");
        tabTo("budgetLine");
        keys("AT3");
        tabTo("amount");
        keys("250,75");
        tabTo("incurredOn");
        keys("02.08.2024");
        tabTo("supplier");
        keys("Klaviatuur OÜ");
        tabTo("invoice");
        keys("KB-1");
        keys(org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.id("flash")).isEmpty());
        assertThat(find("#flash").getText()).contains("Kulu on sisestatud");
        assertThat(browser.findElement(By.xpath("//tr[td[contains(., 'Klaviatuur OÜ')]]")).getText())
                .contains("AT3-SERVICES").contains("250,75");

        // the same invoice again: the API's 409, shown at the invoice field and in the summary
        open(base + "/expenditures/new?lang=en");
        choose("budgetLine", "AT1-SERVICES");
        type("amount", "10.00");
        type("incurredOn", "2024-07-16");
        type("supplier", "OÜ Nõustaja");
        type("invoice", "A-1");
        press("Record the expenditure");
        assertThat(find(".error-summary").getText()).contains("There is a problem").contains("A-1");
        assertThat(find("#invoice-error").getText()).contains("A-1");
        assertThat(find("input[name=amount]").getAttribute("value")).as("what was typed stays").isEqualTo("10.00");
        check("expenditure-refused");
        // over the line's budget: the API's 422 at the amount
        type("invoice", "A-2");
        type("amount", "200,000.00");
        press("Record the expenditure");
        assertThat(find("#amount-error").getText()).contains("AT1-SERVICES");

        // a file with a bad row: nothing is recorded, every bad row is listed with its line and column
        Path bad = Files.createTempFile("expenditures", ".csv");
        Files.writeString(bad, "id,budgetLine,amount,incurredOn,paidOn,supplier,invoice,description\n"
                + "csv-1,AT2-SERVICES,100.00,2024-08-01,2024-08-02,Koolitaja OÜ,K-1,Koolitus\n"
                + "csv-2,AT2-SERVICES,abc,2024-08-01,,Koolitaja OÜ,K-2,Koolitus\n"
                + "csv-3,NOPE,5.00,2024-08-01,,Koolitaja OÜ,K-3,Koolitus\n", StandardCharsets.UTF_8);
        open(base + "/expenditures/import");
        check("import");
        find("input[type=file]").sendKeys(bad.toAbsolutePath().toString());
        press("Import the file");
        List<String> rows = all("#bad-rows tbody tr").stream().map(WebElement::getText).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("3 amount");
        assertThat(rows.get(1)).startsWith("4 budgetLine");
        check("import-refused");
        Files.writeString(bad, "id,budgetLine,amount,incurredOn,paidOn,supplier,invoice,description\n"
                + "csv-1,AT2-SERVICES,100.00,2024-08-01,2024-08-02,Koolitaja OÜ,K-1,Koolitus\n", StandardCharsets.UTF_8);
        find("input[type=file]").sendKeys(bad.toAbsolutePath().toString());
        press("Import the file");
        assertThat(find("#flash").getText()).contains("File imported").contains("1 / 0");
        assertThat(text()).contains("Koolitaja OÜ");
        // the import is one entry of the project's audit trail, however many rows it has (ADR 0056)
        open(base + "/audit-trail");
        assertThat(text()).contains("ExpendituresImported")
                .contains("1 expenditure imported: csv-1; 100.00 in all, incurred on 2024-08-01");
        check("audit-trail-import");
        open(base + "/expenditures");

        // correct: the reason is required (the API's 400 at the field), then recorded
        follow(browser.findElement(By.xpath("//tr[td[contains(., 'Koolitaja OÜ')]]//a[contains(., 'Correct')]")));
        assertThat(find("input[name=amount]").getAttribute("value")).isEqualTo("100.00");
        type("amount", "120.00");
        press("Record the correction");
        assertThat(find("#reason-error").getText()).contains("required");
        check("expenditure-correction-refused");
        type("reason", "Arve summa oli vale");
        press("Record the correction");
        assertThat(find("#flash").getText()).contains("Correction recorded");
        assertThat(text()).contains("120.00").contains("1 correction");

        // cancel
        follow(browser.findElement(By.xpath("//tr[td[contains(., 'Koolitaja OÜ')]]//a[contains(., 'Cancel')]")));
        check("expenditure-cancellation");
        type("reason", "Topelt sisestatud");
        press("Cancel the expenditure");
        assertThat(find("#flash").getText()).contains("Expenditure cancelled");
        assertThat(browser.findElement(By.xpath("//tr[td[contains(., 'Koolitaja OÜ')]]")).getText()).contains("Cancelled");

        // budget execution for the period: the recorded amount, the chart, the downloads
        String api = "/api/v1/projects/" + Api.seg(project) + "/expenditures";
        String[][] more = {{"AT2-SERVICES", "31250.00"}, {"AT3-SERVICES", "12800.40"}, {"AT4-SERVICES", "9100.00"},
                {"AT5-SERVICES", "4020.00"}, {"AT6-STAFF", "148900.00"}, {"AT6-TRAVEL", "3675.90"}};
        for (String[] spent : more) {
            assertThat(clerk.post(api, java.util.Map.of("budgetLine", spent[0], "amount", spent[1],
                    "incurredOn", "2024-11-15")).status()).isEqualTo(201);
        }
        open(base + "/budget-execution?period=2024");
        assertThat(h1()).isEqualTo("Budget execution");
        assertThat(browser.findElement(By.xpath("//tr[th[.='AT1-SERVICES']]")).getText()).contains("1,234.56");
        assertThat(all(".chart svg rect")).isNotEmpty();
        List<String> downloads = all("a[download]").stream().map(a -> a.getAttribute("href")).toList();
        assertThat(downloads).anyMatch(h -> h.contains("/api/v1/projects/") && h.contains("format=csv"))
                .anyMatch(h -> h.contains("format=xlsx")).anyMatch(h -> h.contains("format=pdf"));
        assertThat(downloads().values()).anyMatch(t -> t.startsWith("text/csv")).anyMatch(t -> t.startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).anyMatch(t -> t.startsWith("application/pdf"));
        check("budget-execution");
    }
}
