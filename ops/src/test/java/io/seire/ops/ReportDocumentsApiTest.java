package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seire.query.reporting.document.ReportDocuments;
import io.seire.query.reporting.document.Wording;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monitoring report of the seed project (003) as the documents people hand in: the 2025 report, submitted with
 * its author and the person confirming it and approved, read back with the libraries a reader would use (PDFBox for
 * the PDF's text, POI for the workbook), compared with the report's own JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportDocumentsApiTest extends ApiTestBase {

    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    JdbcTemplate jdbc;

    private String project;
    private String base;
    private Api manager;
    private Api liaison;
    private long position;
    private String approver;

    @BeforeAll
    void seedReport() {
        connect();
        project = SeedProject.CODE + "-" + unique("doc");
        base = "/api/v1/projects/" + Api.seg(project);
        Map<String, Object> registration = SeedProject.registration(project);
        registration.put("contractNumber", "SIM-2024/0042");
        ok(admin.post("/api/v1/projects", registration));
        String projectBase = base;
        for (List<String> sub : SeedProject.SUB_ACTIVITIES) {
            ok(admin.post(projectBase + "/sub-activities", Map.of("code", sub.get(0), "name", sub.get(1))));
        }
        SeedProject.budgetLines().forEach(line -> ok(admin.post(projectBase + "/budget-lines", line)));
        SeedProject.indicators().forEach(indicator -> ok(admin.post(projectBase + "/indicators", indicator)));
        Api finance = user("FINANCE", List.of(project), List.of());
        manager = user("MANAGER", List.of(project), List.of());
        liaison = user("LIAISON", List.of(), List.of("Šveitsi-Eesti koostööprogramm"));
        approver = liaison.username();

        // 2024: the start, as in the seed report
        ok(finance.post(base + "/expenditures", expenditure("E1", "AT6-STAFF", "48210.55", "2024-07-31")));
        ok(finance.post(base + "/expenditures", expenditure("E2", "AT1-SERVICES", "1500.00", "2024-09-15")));
        ok(finance.post(base + "/expenditures", expenditure("E3", "AT6-TRAVEL", "845.20", "2024-10-02")));
        ok(manager.post(base + "/positions", Map.of("code", "PJ", "title", "Projektijuht", "subActivities", List.of("6"),
                "openedOn", "2024-06-01")));
        ok(manager.post(base + "/positions/PJ/hires", Map.of("staffId", "EV", "name", "Evelyn Valtin",
                "startDate", "2024-06-01", "workloadPercent", "100")));
        ok(manager.post(base + "/positions", Map.of("code", "IT", "title", "IT-spetsialist", "subActivities",
                List.of("3", "5"), "openedOn", "2024-09-01")));
        ok(manager.post(base + "/positions/IT/recruitment-failures", Map.of("date", "2024-11-30",
                "reason", "Konkursi tulemusena sobivat IT-spetsialisti ei leitud")));
        ok(manager.post(base + "/sub-activities/1/progress", progress("2024", "ON_TRACK",
                "Käivitatud sai koostöö RTK-ga hangete korraldamise teenuse osas ning koostatud sai hankeplaan.",
                null, "Tegevuste koordinaator läbis riigihangete koolituse.")));
        ok(manager.post(base + "/sub-activities/6/progress", progress("2024", "DELAYED",
                "Toimus projekti personali värbamine; Šveitsi partneriga korraldati avasündmus Narvas.",
                "Sobivat IT-spetsialisti ei leitud.", "Kaasatakse KÜSKi IT-spetsialist.")));
        ok(manager.post(base + "/indicators/O2/values", Map.of("id", "O2-24", "period", "2024", "value", "12",
                "note", "Õppevisiit Pariisis", "evidence", "Osalejate nimekiri 2024")));
        ok(manager.post(base + "/reports", Map.of("id", "R-2024", "period", "2024", "kind", "INTERIM",
                "assessment", "Käivitamise periood.")));
        ok(liaison.post(base + "/reports/R-2024/approval", Map.of()));

        // 2025: a second period; the 2025 report is cumulative from 01.06.2024
        ok(finance.post(base + "/expenditures", expenditure("E4", "AT6-STAFF", "61000.00", "2025-03-31")));
        ok(finance.post(base + "/expenditures", expenditure("E5", "AT2-SERVICES", "12345.67", "2025-05-20")));
        ok(finance.post(base + "/expenditures", expenditure("E6", "AT1-SERVICES", "8000.00", "2025-06-30")));
        ok(manager.post(base + "/positions", Map.of("code", "KO", "title", "Alategevuste koordinaator",
                "subActivities", List.of("3", "4", "5"), "openedOn", "2025-01-01")));
        ok(manager.post(base + "/positions/KO/hires", Map.of("staffId", "EP", "name", "Elmo Puidet",
                "startDate", "2025-02-01", "workloadPercent", "50")));
        ok(manager.post(base + "/sub-activities/1/progress", progress("2025", "ON_TRACK",
                "Kaardistusuuring viidi läbi ning nõustamisteenuse hange kuulutati välja.", null, null)));
        ok(manager.post(base + "/sub-activities/2/progress", progress("2025", "AT_RISK",
                "Koolitusprogrammi hange ebaõnnestus; Žürii ettepanekul täpsustati Äriplaanide ja Õppekavade nõudeid.",
                "Pakkumusi ei laekunud.", "Hange kuulutatakse uuesti välja.")));
        ok(manager.post(base + "/indicators/O1/values", Map.of("id", "O1-25", "period", "2025", "value", "14",
                "note", "Nõustamised I–II kvartalis", "evidence", "Nõustamisregister")));
        ok(manager.post(base + "/indicators/O2/values", Map.of("id", "O2-25", "period", "2025", "value", "20.5")));
        ok(manager.post(base + "/indicators/R2/values", Map.of("id", "R2-25", "period", "2025", "value", "31")));
        ok(manager.post(base + "/indicators/R3/values", Map.of("id", "R3-25", "period", "2025", "value", "40")));
        ok(manager.post(base + "/indicators/T1/values", Map.of("id", "T1-25", "period", "2025",
                "value", "Tegevuskava kinnitati nõukogus", "evidence", "Nõukogu otsus nr 7")));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", "R-2025");
        report.put("period", "2025");
        report.put("kind", "INTERIM");
        report.put("assessment", "Projektiga liigutakse seatud eesmärkide täitmise poole stabiilselt, eesmärkide "
                + "saavutamine on võimalik. Öösel toimunud hangete ettevalmistus ei mõjutanud tähtaegu.");
        report.put("author", Map.of("name", "Evelyn Valtin", "position", "Projektijuht"));
        report.put("confirmedBy", Map.of("name", "Tiina Oraste", "position", "Juhataja"));
        ok(manager.post(base + "/reports", report));
        ok(liaison.post(base + "/reports/R-2025/approval", Map.of("comment", "Kinnitatud ilma märkusteta")));
    }

    // ------------------------------------------------------------------ PDF

    @Test
    void the_pdf_shows_every_header_field_the_cumulative_narrative_annex_rows_totals_signatures_and_footer() throws IOException {
        JsonNode report = json("et");
        byte[] pdf = download("/reports/R-2025?lang=et&minPosition=" + position, PDF);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "seed-report-et.pdf"), pdf);
        String text = text(pdf);
        String flat = flat(text);
        Wording et = Wording.ET;

        // header fields, the reporting period shown cumulatively
        assertThat(flat).contains("Seirearuanne", "Aruande liik: Vahearuanne",
                "1. Projekti nimi " + report.path("projectData").path("name").asText(),
                "2. Projekti tunnusnumber " + project,
                "3. Toetuse saaja nimi SA Kodanikuühiskonna Sihtkapital",
                "4. Partnerite nimed Ei kohaldu",
                "5. Projekti abikõlblikkuse periood 01.06.2024–31.07.2028",
                "6. Aruandeperiood (kumulatiivselt) 01.06.2024–31.12.2025",
                "Halduslepingu number SIM-2024/0042");
        // per sub-activity the narrative of every period up to the report's
        for (List<String> sub : SeedProject.SUB_ACTIVITIES) {
            assertThat(flat).contains("Alategevus " + sub.get(0) + ": " + sub.get(1));
        }
        assertThat(flat).contains("Periood 2024 (01.06.2024–31.12.2024) · Seis: kulgeb plaanipäraselt",
                "Käivitatud sai koostöö RTK-ga hangete korraldamise teenuse osas ning koostatud sai hankeplaan.",
                "Periood 2025 (01.01.2025–31.12.2025) · Seis: kulgeb plaanipäraselt",
                "Kaardistusuuring viidi läbi ning nõustamisteenuse hange kuulutati välja.",
                "Esinenud probleemid: Sobivat IT-spetsialisti ei leitud.",
                "Ettevõetud abinõud: Hange kuulutatakse uuesti välja.",
                "Alategevuse kohta ei ole ülevaadet esitatud.");
        // staffing changes from the first day, positions at the period's end
        assertThat(flat).contains("Personali muudatused (kumulatiivselt)", "01.06.2024 Tööle võetud Projektijuht Evelyn Valtin",
                "30.11.2024 Värbamine ebaõnnestus IT-spetsialist", "01.02.2025 Tööle võetud", "Elmo Puidet",
                "Ametikohad seisuga 31.12.2025", "Kokku täistööajale taandatud 1,50");
        // the assessment, the signatures with dates, the approver
        String submitted = et.date(LocalDate.ofInstant(java.time.Instant.parse(report.path("submittedAt").asText()),
                ZoneOffset.UTC));
        assertThat(flat).contains(report.path("assessment").asText(),
                "Evelyn Valtin Projektijuht " + submitted, "Kinnitus esitatud andmete õigsuse kohta",
                "Tiina Oraste Juhataja " + submitted,
                "Esitatud Seires " + manager.username() + " · " + submitted,
                "Heaks kiidetud " + approver + " · " + et.date(LocalDate.now(ZoneOffset.UTC)),
                "Märkus: Kinnitatud ilma märkusteta");
        // annex 2: every indicator with its figures, every value with its note and evidence
        for (JsonNode row : report.path("resultsFramework")) {
            String line = lineOf(text, row.path("code").asText() + " ");
            if (!"TEXT".equals(row.path("measure").asText())) {
                assertThat(line).contains(et.number(row.path("baseline").asText()), et.number(row.path("target").asText()),
                        et.number(row.path("cumulative").asText()));
                if (!row.path("percentOfTarget").isNull()) {
                    assertThat(line).contains(et.percent(row.path("percentOfTarget").asText()));
                }
            }
        }
        assertThat(lineOf(text, "O2 ")).contains("20,5", "32,5", "16,25\u00a0%");
        assertThat(lineOf(text, "R3 ")).contains("60", "45", "30", "40", "66,67\u00a0%", "graafikus");
        assertThat(flat).contains("Väärtus 14 (O1-25) · Märkus: Nõustamised I–II kvartalis · Tõendusmaterjal: Nõustamisregister",
                "Väärtus Tegevuskava kinnitati nõukogus (T1-25) · Tõendusmaterjal: Nõukogu otsus nr 7",
                "Perioodil väärtusi ei esitatud.");
        // annex 5: every line, every sub-activity subtotal and the totals
        JsonNode budget = report.path("budgetExecution");
        for (JsonNode line : budget.path("lines")) {
            assertThat(lineOf(text, line.path("code").asText() + " ")).contains(et.money(line.path("planned").asText()),
                    et.money(line.path("spentInPeriod").asText()), et.money(line.path("spentCumulative").asText()),
                    et.money(line.path("remaining").asText()), et.percent(line.path("executionPercent").asText()));
        }
        for (JsonNode sub : budget.path("subActivities")) {
            assertThat(lineOf(text, "Alategevus kokku " + sub.path("subActivity").asText() + " "))
                    .contains(et.money(sub.path("spentCumulative").asText()), et.money(sub.path("remaining").asText()));
        }
        JsonNode totals = budget.path("totals");
        // staff 48210.55 + 61000.00, 15 % of it 16381.58 (from 16381.5825), services 21845.67, travel 845.20
        assertThat(totals.path("spentCumulative").asText()).isEqualTo("148283.00");
        assertThat(text).contains("Kokku " + et.money(totals.path("originalPlanned").asText()) + " "
                + et.money(totals.path("planned").asText()) + " " + et.money(totals.path("spentInPeriod").asText()) + " "
                + et.money(totals.path("spentCumulative").asText()));
        // the charts are labelled, their text is text
        assertThat(flat).contains("Eelarve täitmine eelarveridade kaupa", "Kehtiv eelarve", "Kulu kumulatiivselt",
                "O1 · Nõustatud organisatsioonide arv", "Algtase, vahesihttasemed ja sihttase");
        // the footer: report id and chain head on every page
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(5);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String onPage = flat(stripper.getText(document));
                assertThat(onPage).contains("Aruanne R-2025 · " + project, "Auditiahela räsi: "
                        + report.path("chainHead").asText(), "Lk " + page + " / " + document.getNumberOfPages());
            }
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(java.time.Instant.parse(report.path("submittedAt").asText()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
    }

    @Test
    void the_english_pdf_has_english_labels_iso_dates_and_a_decimal_point() throws IOException {
        String flat = flat(text(download("/reports/R-2025?lang=en&minPosition=" + position, PDF)));
        assertThat(flat).contains("Monitoring report", "4. Partners Not applicable",
                "6. Reporting period (cumulative) 2024-06-01–2025-12-31", "Annex 2. Results framework indicators",
                "Annex 5. Budget execution of the supported activities", "148,283.00", "Status: on track");
        assertThat(flat).doesNotContain("Ei kohaldu", "148\u00a0283,00");
        // Accept-Language chooses when lang= is not given
        String chosen = flat(text(admin.withHeader("Accept-Language", "et-EE, en;q=0.5")
                .download(base + "/reports/R-2025?minPosition=" + position, PDF).body()));
        assertThat(chosen).contains("Seirearuanne", "148\u00a0283,00");
    }

    @Test
    void the_same_report_renders_the_same_bytes_and_its_json_gives_their_sha256() throws IOException {
        byte[] first = download("/reports/R-2025?lang=et&minPosition=" + position, PDF);
        byte[] second = download("/reports/R-2025?lang=et", PDF);
        byte[] byFormat = download("/reports/R-2025?format=pdf&lang=et", null);
        assertThat(Arrays.equals(first, second)).isTrue();
        assertThat(Arrays.equals(first, byFormat)).isTrue();
        byte[] english = download("/reports/R-2025?lang=en", PDF);
        assertThat(json("et").path("documentSha256").asText()).isEqualTo(ReportDocuments.sha256(first));
        assertThat(json("en").path("documentSha256").asText()).isEqualTo(ReportDocuments.sha256(english))
                .isNotEqualTo(ReportDocuments.sha256(first));
        Api.Response formatJson = liaison.get(base + "/reports/R-2025?format=json&lang=et");
        assertThat(formatJson.json().path("documentSha256").asText()).isEqualTo(ReportDocuments.sha256(first));
        // the report as it stood before its approval is another document, with its own digest
        long approvedAt = jdbc.queryForObject("SELECT position FROM report_decision WHERE project_id = ? AND report_id = ?",
                Long.class, project, "R-2025");
        String before = jdbc.queryForObject("SELECT recorded_at FROM audit_entry WHERE position = ?", java.sql.Timestamp.class,
                approvedAt - 1).toInstant().toString();
        byte[] unapproved = download("/reports/R-2025?lang=et&asOf=" + before, PDF);
        assertThat(flat(text(unapproved))).contains("Aruannet ei ole veel heaks kiidetud.");
        assertThat(liaison.get(base + "/reports/R-2025?lang=et&asOf=" + before).json().path("documentSha256").asText())
                .isEqualTo(ReportDocuments.sha256(unapproved));
    }

    // ------------------------------------------------------------------ XLSX

    @Test
    void the_workbook_has_the_report_and_both_annexes_with_numbers_and_dates_in_cells() throws IOException {
        JsonNode report = json("et");
        Api.Download download = liaison.download(base + "/reports/R-2025?lang=et", XLSX);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith(XLSX);
        assertThat(download.header("Content-Disposition")).contains("attachment", ".xlsx");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)))
                    .containsExactly("Aruanne", "Lisa 2", "Lisa 5");
            Row eligibility = row(book.getSheet("Aruanne"), "5. Projekti abikõlblikkuse periood");
            assertThat(DateUtil.isCellDateFormatted(eligibility.getCell(1))).isTrue();
            assertThat(eligibility.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 6, 1));
            assertThat(eligibility.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2028, 7, 31));
            assertThat(row(book.getSheet("Aruanne"), "4. Partnerite nimed").getCell(1).getStringCellValue())
                    .isEqualTo("Ei kohaldu");

            Sheet annex5 = book.getSheet("Lisa 5");
            JsonNode totals = report.path("budgetExecution").path("totals");
            Row total = row(annex5, "Kokku");
            assertNumber(total.getCell(4), totals.path("planned").asText());
            assertNumber(total.getCell(6), totals.path("spentCumulative").asText());
            assertNumber(total.getCell(7), totals.path("remaining").asText());
            for (JsonNode line : report.path("budgetExecution").path("lines")) {
                Row r = row(annex5, line.path("code").asText());
                assertNumber(r.getCell(5), line.path("spentInPeriod").asText());
                assertNumber(r.getCell(6), line.path("spentCumulative").asText());
            }
            for (JsonNode sub : report.path("budgetExecution").path("subActivities")) {
                assertNumber(row(annex5, "Alategevus kokku " + sub.path("subActivity").asText()).getCell(6),
                        sub.path("spentCumulative").asText());
            }

            Sheet annex2 = book.getSheet("Lisa 2");
            for (JsonNode indicator : report.path("resultsFramework")) {
                Row r = row(annex2, indicator.path("code").asText());
                if (!"TEXT".equals(indicator.path("measure").asText())) {
                    assertNumber(r.getCell(7), indicator.path("cumulative").asText());
                }
            }
            Row value = row(annex2, "O1", 2, "O1-25");
            assertNumber(value.getCell(3), "14");
            assertThat(value.getCell(4).getStringCellValue()).isEqualTo("Nõustamised I–II kvartalis");
            assertThat(value.getCell(5).getStringCellValue()).isEqualTo("Nõustamisregister");
        }
    }

    // ------------------------------------------------------------------ fields, letters, old reports, refusals

    @Test
    void partners_and_the_contract_number_are_recorded_and_every_estonian_lithuanian_and_cyrillic_letter_survives()
            throws IOException {
        String id = "Žalgiris-Ąžuolas-" + unique("lt");
        Map<String, Object> registration = SeedProject.registration(id);
        registration.put("name", "Šveitsi–Eesti ÕÄÖÜ šžõäöü ąčęėįšųūž ĄČĘĖĮŠŲŪŽ projekt");
        registration.put("contractNumber", "LT-Ž-7");
        registration.put("partners", List.of(
                Map.of("name", "Lietuvos socialinių inovacijų kompetencijų centras", "country", "LT", "role", "partneris"),
                Map.of("name", "Нарвский центр социальных инноваций", "country", "EE"),
                Map.of("name", "Berner Fachhochschule")));
        ok(admin.post("/api/v1/projects", registration));
        String projectBase = "/api/v1/projects/" + Api.seg(id);
        JsonNode detail = admin.get(projectBase + "?minPosition=" + position).json();
        assertThat(detail.path("contractNumber").asText()).isEqualTo("LT-Ž-7");
        assertThat(detail.path("partners")).hasSize(3);
        assertThat(detail.path("partners").get(0).path("country").asText()).isEqualTo("LT");
        assertThat(detail.path("partners").get(2).path("role").isNull()).isTrue();
        ok(admin.post(projectBase + "/sub-activities", Map.of("code", "1", "name", "Ühiskonna teadlikkus ir žinios")));
        ok(admin.post(projectBase + "/reports", Map.of("id", "R-ŽĄ", "period", "2024", "kind", "FINAL",
                "assessment", "Įvertinimas: ąčęėįšųūž · Оценка: ёжзий · Hinnang: ÕÄÖÜŠŽ õäöüšž")));
        Api.Download pdf = admin.download(projectBase + "/reports/" + Api.seg("R-ŽĄ") + "?lang=et&minPosition=" + position, PDF);
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        String flat = flat(text(pdf.body()));
        assertThat(flat).contains("Lõpparuanne", "Šveitsi–Eesti ÕÄÖÜ šžõäöü ąčęėįšųūž ĄČĘĖĮŠŲŪŽ projekt",
                "Lietuvos socialinių inovacijų kompetencijų centras (LT, partneris)",
                "Нарвский центр социальных инноваций (EE)", "Berner Fachhochschule",
                "Įvertinimas: ąčęėįšųūž · Оценка: ёжзий · Hinnang: ÕÄÖÜŠŽ õäöüšž", "Halduslepingu number LT-Ž-7");
        assertThat(flat).doesNotContain("Ei kohaldu");

        // a partner needs a name; a registration without partners shows none
        Map<String, Object> nameless = SeedProject.registration(unique("np"));
        nameless.put("partners", List.of(Map.of("country", "LT")));
        Api.Response refused = admin.post("/api/v1/projects", nameless);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("partners[0].name");
        assertThat(admin.get(base).json().path("partners")).isEmpty();
        assertThat(admin.get(base).json().path("contractNumber").asText()).isEqualTo("SIM-2024/0042");
    }

    @Test
    void a_signatory_needs_a_name_and_a_position() {
        Api.Response refused = manager.post(base + "/reports", Map.of("id", "R-x", "period", "2026", "kind", "INTERIM",
                "assessment", "x", "author", Map.of("name", "Evelyn Valtin")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("author.position");
        assertThat(manager.get(base + "/reports").json().findValuesAsText("id")).doesNotContain("R-x");
    }

    @Test
    void results_framework_items_carry_the_periods_values_with_note_and_evidence() {
        JsonNode rows = manager.get(base + "/results-framework?period=2025&minPosition=" + position).json();
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        rows.forEach(r -> byCode.put(r.path("code").asText(), r));
        JsonNode o1 = byCode.get("O1").path("values");
        assertThat(o1).hasSize(1);
        assertThat(o1.get(0).path("id").asText()).isEqualTo("O1-25");
        assertThat(o1.get(0).path("value").asText()).isEqualTo("14");
        assertThat(o1.get(0).path("note").asText()).isEqualTo("Nõustamised I–II kvartalis");
        assertThat(o1.get(0).path("evidence").asText()).isEqualTo("Nõustamisregister");
        assertThat(byCode.get("O2").path("values").get(0).path("note").isNull()).isTrue();
        assertThat(byCode.get("R1").path("values")).isEmpty();
        JsonNode in2024 = manager.get(base + "/results-framework?period=2024").json();
        assertThat(in2024.get(1).path("values").get(0).path("evidence").asText()).isEqualTo("Osalejate nimekiri 2024");
    }

    @Test
    void a_report_stored_before_documents_had_their_new_fields_still_renders_and_shows_no_changes_for_them()
            throws IOException {
        String stored = jdbc.queryForObject("SELECT document FROM report WHERE project_id = ? AND report_id = ?",
                String.class, project, "R-2024");
        ObjectNode old = (ObjectNode) Api.JSON.readTree(stored);
        old.remove(List.of("author", "confirmedBy", "cumulative"));
        ((ObjectNode) old.path("projectData")).remove(List.of("contractNumber", "partners"));
        old.path("resultsFramework").forEach(r -> ((ObjectNode) r).remove("values"));
        String oldDocument = Api.JSON.writeValueAsString(old);
        jdbc.update("UPDATE report SET document = ? WHERE project_id = ? AND report_id = ?", oldDocument, project, "R-2024");
        try {
            Api.Download pdf = liaison.download(base + "/reports/R-2024?lang=et", PDF);
            assertThat(pdf.status()).isEqualTo(200);
            Files.write(Path.of("target", "old-report-et.pdf"), pdf.body());
            String flat = flat(text(pdf.body()));
            assertThat(flat).contains("6. Aruandeperiood (kumulatiivselt) 01.06.2024–31.12.2024",
                    "Käivitatud sai koostöö RTK-ga hangete korraldamise teenuse osas ning koostatud sai hankeplaan.",
                    "Värbamine ebaõnnestus", "Perioodil väärtusi ei esitatud.", "Ei kohaldu");
            assertThat(flat).doesNotContain("Kaardistusuuring"); // 2025 narrative is after the report
            assertThat(liaison.get(base + "/reports/R-2024").body()).startsWith(oldDocument.substring(0, oldDocument.length() - 1));
            JsonNode changes = liaison.get(base + "/reports/R-2024/changes").json().path("changes");
            assertThat(changes.toString()).doesNotContain("values", "partners", "contractNumber");
        } finally {
            jdbc.update("UPDATE report SET document = ? WHERE project_id = ? AND report_id = ?", stored, project, "R-2024");
        }
    }

    @Test
    void unknown_formats_languages_and_reports_are_refused_as_problems_never_500() {
        // a format Seire does not produce is 406, as for every view (ADR 0026)
        Api.Response format = liaison.get(base + "/reports/R-2025?format=docx");
        assertThat(format.status()).isEqualTo(406);
        assertThat(format.header("Content-Type")).startsWith("application/problem+json");
        Api.Response lang = liaison.get(base + "/reports/R-2025?lang=fi", PDF);
        assertThat(lang.status()).isEqualTo(400);
        assertThat(lang.body()).contains("lang");
        Api.Response missing = liaison.get(base + "/reports/R-none", PDF);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        Api outsider = user("MANAGER", List.of(), List.of());
        assertThat(outsider.get(base + "/reports/R-2025?format=pdf").status()).isEqualTo(404);
        assertThat(outsider.get(base + "/reports/R-2025", XLSX).status()).isEqualTo(404);
        // without Accept, JSON as before
        Api.Response plain = liaison.get(base + "/reports/R-2025");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Type")).startsWith("application/json");
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode json(String lang) {
        Api.Response r = liaison.get(base + "/reports/R-2025?lang=" + lang + "&minPosition=" + position);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private byte[] download(String path, String accept) {
        Api.Download d = liaison.download(base + path, accept);
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        if (accept != null) {
            assertThat(d.header("Content-Type")).startsWith(accept);
        }
        return d.body();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    /** The text with every line break and run of spaces as one space (paragraphs wrap where the page ends). */
    static String flat(String text) {
        return text.replaceAll("[ \\t\\r\\n]+", " ");
    }

    /** The one line of the text that starts with {@code start} (a table row). */
    private static String lineOf(String text, String start) {
        List<String> lines = text.lines().filter(l -> l.startsWith(start)).toList();
        assertThat(lines).as("a line starting with '" + start + "'").isNotEmpty();
        return lines.get(0);
    }

    private static Row row(Sheet sheet, String first) {
        return row(sheet, first, -1, null);
    }

    /** The first row whose first cell is {@code first} (and, given, whose cell {@code column} is {@code value}). */
    private static Row row(Sheet sheet, String first, int column, String value) {
        for (Row r : sheet) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(first)
                    && (value == null || (r.getCell(column) != null && value.equals(r.getCell(column).getStringCellValue())))) {
                return r;
            }
        }
        throw new AssertionError("No row '" + first + "' in sheet " + sheet.getSheetName());
    }

    private static void assertNumber(Cell cell, String expected) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isEqualTo(new java.math.BigDecimal(expected).doubleValue());
        assertThat(cell.getCellStyle().getDataFormatString()).contains("0.00");
    }

    private Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        position = Math.max(position, r.position());
        return r;
    }

    private static Map<String, Object> expenditure(String id, String line, String amount, String incurred) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("budgetLine", line);
        body.put("amount", amount);
        body.put("incurredOn", incurred);
        body.put("supplier", "OÜ Õpe");
        body.put("invoice", "A-" + id);
        body.put("description", "Koolitus");
        return body;
    }

    private static Map<String, Object> progress(String period, String status, String summary, String problems,
                                                String measures) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", period);
        body.put("status", status);
        body.put("summary", summary);
        if (problems != null) {
            body.put("problems", problems);
        }
        if (measures != null) {
            body.put("measures", measures);
        }
        return body;
    }
}
