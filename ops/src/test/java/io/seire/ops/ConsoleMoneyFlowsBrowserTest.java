package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Work plans and reimbursement requests in the browser, on the seed 003 project under a registered programme: the
 * manager drafts (refused first: a line planned over its total), submits; the liaison finds it on the programme
 * page, returns it (refused first: no comment), approves the next version; the clerk submits a reimbursement
 * request (refused first: a window that ends before it starts); the liaison approves it excluding an expenditure
 * (refused first: no reason) and records the payment (refused first: more than approved).
 */
class ConsoleMoneyFlowsBrowserTest extends BrowserTestBase {

    @Test
    void a_manager_drafts_and_submits_a_work_plan_and_the_liaison_returns_it_and_approves_the_next_version() {
        String programme = unique("SEE");
        assertThat(admin.post("/api/v1/programmes", ProgrammeApiTest.programme(programme)).status()).isEqualTo(201);
        String project = unique("Šveits.1.01.25-0006");
        SeedProject.setUpIn(admin, project, programme);
        Api manager = user("MANAGER", List.of(project), List.of());
        Api liaison = user("LIAISON", List.of(), List.of(programme));
        String base = "/projects/" + Api.seg(project);

        signIn(manager.username(), "Parool-õ-123");
        open(base + "?lang=et");
        follow(browser.findElement(By.linkText("Tööplaanid ja eelarved")));
        assertThat(h1()).isEqualTo("Tööplaanid ja eelarved");
        assertThat(text()).contains("2024").contains("2028").contains("Plaani veel ei ole");
        check("work-plans");
        follow(browser.findElement(By.linkText("Koosta tööplaan")));
        choose("year", "2025");
        assertThat(all("input[name^='budget[']")).as("a flat-rate line is not planned directly").hasSize(7);
        type("budget[0].planned", "200 000,00");
        choose("activities[0].subActivity", "1");
        type("activities[0].from", "01.02.2025");
        type("activities[0].to", "30.06.2025");
        type("activities[0].description", "Nõustamisteenuse käivitamine");
        press("Salvesta kavand");
        assertThat(find("#budget-0-planned-error").getText()).as("the API's rule, in Estonian, at the line's field")
                .contains("AT1-SERVICES").contains("ületaksid");
        assertThat(find(".error-summary").getText()).contains("Esines probleem").contains("See rikub projekti reeglit");
        check("work-plan-new-refused");
        type("budget[0].planned", "30 000,00");
        type("budget[5].planned", "100000");
        press("Salvesta kavand");
        assertThat(find("#flash").getText()).contains("Tööplaani versioon on koostatud");
        assertThat(h1()).isEqualTo("Tööplaan 2025");
        assertThat(find("#work-plan-status").getText()).isEqualTo("Kavand");
        assertThat(text()).contains("30 000,00").contains("Nõustamisteenuse käivitamine");
        assertThat(find("#budget-latest-total").getText().replace('\u00a0', ' ')).as("the version's total")
                .isEqualTo("130 000,00");
        check("work-plan-draft");
        press("Esita kinnitamiseks");
        assertThat(find("#work-plan-status").getText()).isEqualTo("Esitatud");
        assertThat(all("form[action$='/approval']")).as("a manager cannot decide").isEmpty();
        open("/programmes/" + Api.seg(programme));
        assertThat(text()).as("nothing waits for a manager").doesNotContain("tööplaan 2025");

        signIn(liaison.username(), "Parool-õ-123");
        open("/programmes/" + Api.seg(programme));
        assertThat(find("#waiting").getText()).contains(project + ": work plan 2025, version 1");
        check("programme-waiting");
        follow(browser.findElement(By.partialLinkText("work plan 2025")));
        assertThat(h1()).isEqualTo("Work plan 2025");
        assertThat(all("a[href*='/work-plans/new']")).as("a liaison drafts nothing").isEmpty();
        check("work-plan-submitted");
        press("Return the work plan");
        assertThat(find("#comment-error").getText()).contains("required");
        assertThat(find(".error-summary a[href='#comment']").getText()).contains("required");
        check("work-plan-return-refused");
        type2("comment", "Lisa tegevused teiseks poolaastaks.");
        press("Return the work plan");
        assertThat(find("#flash").getText()).contains("Work plan returned");
        assertThat(find("#work-plan-status").getText()).isEqualTo("Returned");

        signIn(manager.username(), "Parool-õ-123");
        open(base + "/work-plans/2025?lang=en");
        follow(browser.findElement(By.linkText("Draft a new version")));
        assertThat(browser.findElement(By.name("budget[0].planned")).getAttribute("value"))
                .as("a new version starts from the latest").isEqualTo("30000.00");
        choose("activities[1].subActivity", "2");
        type("activities[1].from", "2025-07-01");
        type("activities[1].to", "2025-12-31");
        type("activities[1].description", "Koolitused");
        press("Save the draft");
        assertThat(text()).contains("Version 2");
        press("Submit for approval");

        signIn(liaison.username(), "Parool-õ-123");
        open(base + "/work-plans/2025");
        type2("approve-comment", "Kinnitatud.");
        press("Approve the work plan");
        assertThat(find("#work-plan-status").getText()).isEqualTo("Approved");
        assertThat(find("#work-plan-history").getText()).contains("Version 1: Returned").contains("Version 2: Approved")
                .contains("Kinnitatud.");
        check("work-plan-approved");
        open(base + "/work-plans");
        assertThat(browser.findElement(By.xpath("//tr[th[contains(., '2025')]]")).getText()).contains("Approved")
                .contains("Version 2");
        open("/programmes/" + Api.seg(programme));
        assertThat(text()).contains("Nothing waits for a decision.");
    }

    @Test
    void a_clerk_submits_a_reimbursement_request_and_the_liaison_approves_it_with_an_exclusion_and_records_the_payment()
            throws Exception {
        String programme = unique("SEE");
        assertThat(admin.post("/api/v1/programmes", ProgrammeApiTest.programme(programme)).status()).isEqualTo(201);
        String project = unique("Šveits.1.01.25-0006");
        SeedProject.setUpIn(admin, project, programme);
        Api clerk = user("FINANCE", List.of(project), List.of());
        Api liaison = user("LIAISON", List.of(), List.of(programme));
        String p = "/api/v1/projects/" + Api.seg(project);
        String base = "/projects/" + Api.seg(project);
        assertThat(clerk.post(p + "/expenditures", Map.of("budgetLine", "AT1-SERVICES", "amount", "1000.00",
                "incurredOn", "2024-07-01", "paidOn", "2024-07-10", "supplier", "OÜ Nõustaja", "invoice", "N-1"))
                .status()).isEqualTo(201);
        assertThat(clerk.post(p + "/expenditures", Map.of("budgetLine", "AT6-STAFF", "amount", "2000.00",
                "incurredOn", "2024-08-01", "paidOn", "2024-08-01", "supplier", "Töötasu", "invoice", "P-08"))
                .status()).isEqualTo(201);

        signIn(clerk.username(), "Parool-õ-123");
        open(base + "?lang=et");
        follow(browser.findElement(By.linkText("Maksetaotlused")));
        assertThat(text()).contains("Maksetaotlusi veel ei ole.");
        follow(browser.findElement(By.linkText("Esita maksetaotlus")));
        check("reimbursement-new");
        type("from", "31.12.2024");
        type("to", "01.07.2024");
        type("exchangeRate.rate", "0,9412");
        type("exchangeRate.date", "31.12.2024");
        type("exchangeRate.source", "Euroopa Keskpank");
        press("Esita taotlus");
        assertThat(find("#to-error").getText()).as("the API's rule in Estonian, at the field")
                .contains("lõpeb enne, kui algab");
        check("reimbursement-new-refused");
        type("from", "01.07.2024");
        type("to", "31.12.2024");
        press("Esita taotlus");
        assertThat(find("#flash").getText()).contains("Maksetaotlus on esitatud");
        assertThat(find("#reimbursement-status").getText()).isEqualTo("Esitatud");
        // (1000 + 2000 + 15 % of 2000) × 85 % = 2805.00 EUR; × 0.9412 = 2640.07 CHF
        assertThat(find("#claimed-in-claim-currency").getText()).isEqualTo("2 640,07 CHF");
        assertThat(text()).contains("OÜ Nõustaja").contains("AT6-INDIRECT");
        assertThat(all("form[action$='/approval']")).as("a clerk cannot decide").isEmpty();
        check("reimbursement-submitted");
        open(base + "/reimbursement-requests");
        assertThat(text()).contains("01.07.2024 – 31.12.2024").contains("2 640,07 CHF");
        check("reimbursements");

        signIn(liaison.username(), "Parool-õ-123");
        open("/programmes/" + Api.seg(programme));
        follow(browser.findElement(By.partialLinkText("reimbursement request")));
        assertThat(h1()).isEqualTo("Reimbursement request 2024-07-01 – 2024-12-31");
        check("reimbursement-to-decide");
        String staff = browser.findElements(By.cssSelector("input[type=checkbox][name$='.expenditure']")).stream()
                .filter(box -> browser.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"))
                        .getText().contains("Töötasu")).findFirst().orElseThrow().getAttribute("id");
        find("#" + staff).click();
        press("Approve the request");
        String reason = staff.replace("-expenditure", "-reason");
        assertThat(find("#" + reason + "-error").getText()).as("the exclusion's reason is required, at its row")
                .contains("required");
        assertThat(find("#" + staff).isSelected()).as("what was ticked stays").isTrue();
        int row = Integer.parseInt(staff.replaceAll("\\D", "")) + 1;
        assertThat(find(".error-summary a[href='#" + reason + "']").getText())
                .isEqualTo("Why expenditure " + row + " is excluded: is required");
        check("reimbursement-approval-refused");
        type2(reason, "Töötasu ei ole selles taotluses abikõlblik");
        press("Approve the request");
        assertThat(find("#flash").getText()).contains("Reimbursement request approved");
        // without the staff cost and its flat rate: 1000 × 85 % × 0.9412 = 800.02 CHF
        assertThat(find("#approved-in-claim-currency").getText()).isEqualTo("800.02 CHF");
        assertThat(find("#excluded").getText())
                .contains("Töötasu, P-08, 2,000.00 EUR – Töötasu ei ole selles taotluses abikõlblik");
        check("reimbursement-approved");
        type("paidOn", "2025-01-20");
        type("amount", "900.00");
        press("Record the payment");
        assertThat(find("#amount-error").getText()).contains("800.02");
        type("amount", "800.02");
        press("Record the payment");
        assertThat(find("#reimbursement-status").getText()).isEqualTo("Paid");
        assertThat(find("#payment").getText()).contains("800.02 CHF");
        // the request's documents, as the finance officer attaches them
        assertThat(downloads().values()).anyMatch(t -> t.startsWith("application/pdf")).anyMatch(t -> t.startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).anyMatch(t -> t.startsWith("text/csv"));
        check("reimbursement-paid");

        // the claimed expenditure changes only by an adjustment, which the clerk records beside it
        String claimedId = clerk.get(p + "/expenditures").json().path("items").findParents("invoice").stream()
                .filter(e -> e.path("invoice").asText().equals("N-1")).findFirst().orElseThrow().path("id").asText();
        signIn(clerk.username(), "Parool-õ-123");
        open(base + "/expenditures/new?lang=en&corrects=" + Api.seg(claimedId));
        assertThat(find("input[name=corrects]").getAttribute("value")).isEqualTo(claimedId);
        choose("budgetLine", "AT1-SERVICES");
        type("amount", "-100.00");
        type("incurredOn", "2025-01-15");
        type("supplier", "OÜ Nõustaja");
        type("invoice", "N-1-KR");
        press("Record the expenditure");
        assertThat(find("#flash").getText()).contains("Expenditure recorded");
        assertThat(browser.findElement(By.xpath("//tr[td[contains(., 'N-1-KR')]]")).getText()).contains("-100.00");
        assertThat(clerk.get(p + "/expenditures").json().path("items").findParents("invoice").stream()
                .filter(e -> e.path("invoice").asText().equals("N-1-KR")).findFirst().orElseThrow()
                .path("corrects").asText()).isEqualTo(claimedId);
        check("expenditure-adjustment");
    }

    /** Types into a field found by its id. */
    private void type2(String id, String value) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }
}
