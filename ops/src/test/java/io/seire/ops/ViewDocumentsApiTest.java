package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The views the contract's table marks for PDF (budget execution of a project and of a programme, the results
 * framework, the programme's results) and a reimbursement request as CSV, XLSX and PDF, over HTTP against
 * PostgreSQL: read back with PDFBox, POI and commons-csv and compared with the JSON views; the same bytes every time;
 * every letter kept; read by exactly who reads the JSON. The PDFs are also written to {@code ops/target/} for people
 * to look at (docs/DOCUMENTS.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewDocumentsApiTest extends ApiTestBase {

    static final String PDF = "application/pdf";
    static final String XLSX = TabularExportsApiTest.XLSX;
    /** Estonian, Latvian and Lithuanian letters and Cyrillic, all in the documents' font. */
    static final String LETTERS = "Õun Äädikas Öö Üle šokolaad žürii ąžuolas ėglė įėjimas ųūsai — Привет, мир";

    private String programme;
    private String project;
    private String base;
    private long position;
    private long beforeLastExpenditure;
    private String beforeLastExpenditureAt;
    private Api liaison;
    private Api finance;

    @BeforeAll
    void seed() throws InterruptedException {
        connect();
        programme = unique("Programm-õ");
        ok(admin.post("/api/v1/programmes", ProgrammeApiTest.programme(programme)));
        project = SeedProject.CODE + "-" + unique("dok");
        base = "/api/v1/projects/" + Api.seg(project);
        Map<String, Object> registration = Registration.of(project, "Pädevuskeskus: " + LETTERS, programme, "C1");
        registration.put("beneficiary", "SA Ühiskond — Общество ąčęėįšųūž");
        ok(admin.post("/api/v1/projects", registration));
        for (List<String> sub : SeedProject.SUB_ACTIVITIES) {
            ok(admin.post(base + "/sub-activities", Map.of("code", sub.get(0), "name", sub.get(1))));
        }
        SeedProject.budgetLines().forEach(line -> ok(admin.post(base + "/budget-lines", line)));
        for (Map<String, Object> indicator : SeedProject.indicators()) {
            Map<String, Object> mapped = new LinkedHashMap<>(indicator);
            if (indicator.get("code").equals("O1")) {
                mapped.put("programmeIndicator", "P1");
            }
            ok(admin.post(base + "/indicators", mapped));
        }
        finance = user("FINANCE", List.of(project), List.of());
        liaison = user("LIAISON", List.of(), List.of(programme));
        ok(finance.post(base + "/expenditures", expenditure("E1", "AT1-SERVICES", "1234.56", "2024-07-01",
                "OÜ Õunapuu – šokolaad", "=1+1", LETTERS)));
        ok(finance.post(base + "/expenditures", expenditure("E2", "AT6-STAFF", "3333.33", "2024-08-15",
                "UAB Ąžuolas", "PALK-08", "Töötasu august")));
        ok(finance.post(base + "/expenditures", expenditure("E3", "AT6-TRAVEL", "845.20", "2024-10-02",
                "ООО Путешествие", "T-3", "Sõit Vilniusesse (Вильнюс)")));
        ok(admin.post(base + "/indicators/O1/values", Map.of("period", "2024", "value", "12")));
        ok(admin.post(base + "/indicators/R1/values", Map.of("period", "2024", "value", "15.5")));
        ok(admin.post(base + "/indicators/T1/values", Map.of("period", "2024", "value", "Tegevuskava õ ž koostatud")));
        // the request of 2024 holds E1, E2 and E3; approved without E3
        ok(finance.post(base + "/reimbursement-requests", Map.of("id", "R1", "from", "2024-06-01",
                "to", "2024-12-31", "exchangeRate", Map.of("rate", "0.9412", "date", "2025-01-05",
                        "source", "Euroopa Keskpanga kurss (Šveitsi frank)"))));
        ok(liaison.post(base + "/reimbursement-requests/R1/approval", Map.of("excluded", List.of(Map.of(
                "expenditure", "E3", "reason", "Sõit ei ole abikõlblik — õ ä ö ü š ž ą ė")), "comment", "Osaliselt")));
        beforeLastExpenditure = position;
        Thread.sleep(20);
        beforeLastExpenditureAt = java.time.Instant.now().toString();
        Thread.sleep(20);
        ok(finance.post(base + "/expenditures", expenditure("E4", "AT1-SERVICES", "500.00", "2024-11-03",
                "Koolitus OÜ", "K-1", "Koolitus")));
    }

    private static Map<String, Object> expenditure(String id, String line, String amount, String paidOn,
                                                   String supplier, String invoice, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("budgetLine", line);
        body.put("amount", amount);
        body.put("incurredOn", paidOn);
        body.put("paidOn", paidOn);
        body.put("supplier", supplier);
        body.put("invoice", invoice);
        body.put("description", description);
        return body;
    }

    private void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        position = Math.max(position, r.position());
    }

    private String wait(String path) {
        return path + (path.contains("?") ? "&" : "?") + "minPosition=" + position;
    }

    private JsonNode json(Api as, String path) {
        Api.Response r = as.get(wait(path));
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static Api.Download pdf(Api.Download d) {
        assertThat(d.status()).as(d.toString()).isEqualTo(200);
        assertThat(d.header("Content-Type")).isEqualTo(PDF);
        assertThat(d.header("Content-Disposition")).startsWith("attachment; filename=\"").contains(".pdf\"");
        assertThat(new String(d.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        return d;
    }

    /** The PDF's text as PDFBox reads it, no-break spaces as spaces. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace('\u00a0', ' ');
        }
    }

    /** The text with its lines joined: a long cell wraps. */
    static String flat(String text) {
        return text.replace('\n', ' ');
    }

    /** The line of the text that starts with {@code first}. */
    static String line(String text, String first) {
        return text.lines().filter(l -> l.startsWith(first + " ") || l.equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starts with '" + first + "' in\n" + text));
    }

    /** Money as the Estonian forms write it: a space between thousands, a decimal comma. */
    static String et(String amount) {
        BigDecimal d = new BigDecimal(amount).setScale(2, RoundingMode.HALF_UP);
        String plain = d.abs().toPlainString();
        String whole = plain.substring(0, plain.indexOf('.'));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(whole.charAt(i));
        }
        return (d.signum() < 0 ? "-" : "") + grouped + "," + plain.substring(plain.indexOf('.') + 1);
    }

    /** Money as the English documents write it: a comma between thousands, a decimal point. */
    static String en(String amount) {
        return et(amount).replace(",", ".").replace(' ', ',');
    }

    private static void keep(String name, byte[] pdf) throws IOException {
        Files.write(Path.of("target", name), pdf);
    }

    private static final String[] MONEY = {"originalPlanned", "planned", "spentInPeriod", "spentCumulative", "remaining",
            "executionPercent"};

    // ---------------------------------------------------------------- budget execution

    @Test
    void budget_execution_as_pdf_holds_the_json_views_lines_subtotals_and_totals_under_a_letterhead() throws IOException {
        JsonNode view = json(admin, base + "/budget-execution?period=2024");
        Api.Download et = pdf(admin.download(wait(base + "/budget-execution?period=2024&format=pdf&lang=et"), Map.of()));
        keep("budget-execution-et.pdf", et.body());
        String text = text(et.body());
        assertThat(flat(text)).contains("Eelarve täitmine").contains(project).contains("Pädevuskeskus: " + LETTERS)
                .contains("SA Ühiskond — Общество ąčęėįšųūž").contains("2024 01.06.2024–31.12.2024")
                .contains("sündmus nr " + position);
        for (JsonNode l : view.path("lines")) {
            String row = line(text, l.path("code").asText());
            for (String figure : MONEY) {
                assertThat(row).as(l.path("code").asText() + " " + figure).contains(et(l.path(figure).asText()));
            }
        }
        for (JsonNode s : view.path("subActivities")) {
            assertThat(line(text, "Alategevus " + s.path("subActivity").asText() + " kokku"))
                    .contains(et(s.path("spentCumulative").asText())).contains(et(s.path("planned").asText()));
        }
        for (JsonNode c : view.path("costCategories")) {
            assertThat(line(text, "Kulukategooria " + c.path("costCategory").asText() + " kokku"))
                    .contains(et(c.path("spentCumulative").asText()));
        }
        String total = line(text, "Kokku");
        for (String figure : MONEY) {
            assertThat(total).contains(et(view.path("totals").path(figure).asText()));
        }
        // E1 + E4 on AT1-SERVICES, and the flat rate on the staff costs
        assertThat(line(text, "AT1-SERVICES")).contains("1 734,56");
        assertThat(view.path("totals").path("spentCumulative").asText()).isEqualTo("6413.09");
        // the chart is drawn in the same font: its labels are text too
        assertThat(text).contains("Eelarve täitmine eelarveridade kaupa").contains("Kulud kumulatiivselt");

        // the same by Accept, in English with its number forms, and the same bytes every time
        Api.Download en = pdf(admin.download(wait(base + "/budget-execution?period=2024"),
                Map.of("Accept", PDF, "Accept-Language", "en")));
        keep("budget-execution-en.pdf", en.body());
        String english = text(en.body());
        assertThat(english).contains("Budget execution").contains("2024 2024-06-01–2024-12-31")
                .contains("event position " + position);
        assertThat(line(english, "Total")).contains(en(view.path("totals").path("spentCumulative").asText()))
                .contains("6,413.09");
        assertThat(admin.download(wait(base + "/budget-execution?period=2024&format=pdf&lang=en"), Map.of()).body())
                .isEqualTo(en.body());
        assertThat(admin.download(wait(base + "/budget-execution?period=2024&format=pdf&lang=et"), Map.of()).body())
                .isEqualTo(et.body());
    }

    @Test
    void as_of_an_earlier_instant_the_pdf_shows_the_figures_then_and_names_that_position() throws IOException {
        JsonNode then = json(admin, base + "/budget-execution?period=2024&asOf=" + beforeLastExpenditureAt);
        byte[] pdf = pdf(admin.download(wait(base + "/budget-execution?period=2024&format=pdf&lang=et&asOf="
                + beforeLastExpenditureAt), Map.of())).body();
        String text = text(pdf);
        assertThat(then.path("totals").path("spentCumulative").asText()).isEqualTo("5913.09");
        assertThat(line(text, "Kokku")).contains("5 913,09");
        assertThat(line(text, "AT1-SERVICES")).contains("1 234,56").doesNotContain("1 734,56");
        assertThat(text).contains("asOf " + beforeLastExpenditureAt).contains("sündmus nr " + beforeLastExpenditure);
        assertThat(pdf).isNotEqualTo(admin.download(wait(base + "/budget-execution?period=2024&format=pdf&lang=et"),
                Map.of()).body());
    }

    @Test
    void the_programmes_budget_execution_and_results_as_pdf_hold_the_json_views_figures() throws IOException {
        String g = "/api/v1/programmes/" + Api.seg(programme);
        JsonNode view = json(liaison, g + "/budget-execution?to=2024-12-31");
        byte[] pdf = pdf(liaison.download(wait(g + "/budget-execution?to=2024-12-31&format=pdf&lang=et"), Map.of()))
                .body();
        keep("programme-budget-execution-et.pdf", pdf);
        String text = text(pdf);
        assertThat(text).contains("Programmi eelarve täitmine").contains(programme).contains("31.12.2024");
        for (JsonNode p : view.path("projects")) {
            assertThat(line(text, p.path("project").asText())).contains(et(p.path("planned").asText()))
                    .contains(et(p.path("spentCumulative").asText()));
        }
        assertThat(line(text, "Kokku")).contains(et(view.path("totals").path("spentCumulative").asText()));
        assertThat(line(text, "Rahastusallika CH osa kuludest"))
                .contains(et(view.path("bySource").get(0).path("amount").asText()));
        assertThat(liaison.download(wait(g + "/budget-execution?to=2024-12-31&format=pdf&lang=et"), Map.of()).body())
                .isEqualTo(pdf);

        // the project has a value for its text indicator T1: the roll-up leaves text out (it answered 500 before)
        JsonNode results = json(liaison, g + "/results?to=2024-12-31");
        byte[] resultsPdf = pdf(liaison.download(wait(g + "/results?to=2024-12-31"), Map.of("Accept", PDF,
                "Accept-Language", "et"))).body();
        keep("programme-results-et.pdf", resultsPdf);
        String resultsText = text(resultsPdf);
        assertThat(resultsText).contains("Programmi tulemused");
        JsonNode p1 = results.get(0);
        assertThat(p1.path("code").asText()).isEqualTo("P1");
        assertThat(line(resultsText, "P1")).contains(p1.path("name").asText());
        assertThat(resultsText).contains("Kõik projektid kokku " + p1.path("cumulative").asText());

        // exactly who reads the JSON view: a member of the project is refused the roll-up, a stranger does not see it
        Api stranger = user("LIAISON", List.of(), List.of(unique("muu")));
        for (String v : List.of("/budget-execution?to=2024-12-31", "/results?to=2024-12-31")) {
            assertThat(finance.download(g + v + "&format=pdf", Map.of()).status()).as(v).isEqualTo(403);
            assertThat(stranger.download(g + v + "&format=pdf", Map.of()).status()).as(v).isEqualTo(404);
            assertThat(finance.get(g + v).status()).isEqualTo(403);
            assertThat(stranger.get(g + v).status()).isEqualTo(404);
        }
    }

    // ---------------------------------------------------------------- results framework

    @Test
    void the_results_framework_as_pdf_holds_each_indicators_figures() throws IOException {
        JsonNode view = json(admin, base + "/results-framework?period=2024");
        byte[] pdf = pdf(finance.download(wait(base + "/results-framework?period=2024&format=pdf&lang=et"), Map.of()))
                .body();
        keep("results-framework-et.pdf", pdf);
        String text = text(pdf);
        // the text indicator's value, in two columns side by side, each wrapped after "õ ž"
        assertThat(flat(text)).contains("Tulemusraamistik").contains(project).contains("Tegevuskava õ ž");
        assertThat(line(text, "T1")).contains("Tekst");
        for (JsonNode r : view.path("items").isMissingNode() ? view : view.path("items")) {
            String row = line(text, r.path("code").asText());
            if (!r.path("percentOfTarget").isNull()) {
                assertThat(row).as(r.toString()).contains(r.path("percentOfTarget").asText().replace('.', ','));
            }
            if (!r.path("cumulative").isNull() && !"TEXT".equals(r.path("measure").asText())) {
                assertThat(row).as(r.toString()).contains(r.path("cumulative").asText().replace('.', ','));
            }
        }
        assertThat(line(text, "R1")).contains("15,5");
        assertThat(text).contains("Näitajate täitmine sihttasemest");
        assertThat(finance.download(wait(base + "/results-framework?period=2024&format=pdf&lang=et"), Map.of()).body())
                .isEqualTo(pdf);
    }

    // ---------------------------------------------------------------- access and negotiation

    @Test
    void each_pdf_is_read_by_exactly_who_reads_the_json_view_and_other_formats_stay_refused() {
        Api stranger = user("FINANCE", List.of(unique("muu")), List.of());
        Api otherLiaison = user("LIAISON", List.of(), List.of(unique("muu")));
        for (String view : List.of("/budget-execution?period=2024", "/results-framework?period=2024",
                "/reimbursement-requests/R1?")) {
            String path = base + view + (view.endsWith("?") ? "" : "&");
            for (String format : List.of("format=json", "format=pdf", "format=csv", "format=xlsx")) {
                Api.Download refused = stranger.download(path + format, Map.of());
                assertThat(refused.status()).as(view + format).isEqualTo(404);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(otherLiaison.download(path + format, Map.of()).status()).as(view + format).isEqualTo(404);
                assertThat(admin.anonymous().download(path + format, Map.of()).status()).isEqualTo(401);
                assertThat(liaison.download(wait(path + format), Map.of()).status()).as(view + format).isEqualTo(200);
                assertThat(finance.download(wait(path + format), Map.of()).status()).as(view + format).isEqualTo(200);
            }
        }
        // views the contract gives no PDF still answer 406, as does a format Seire does not write
        for (String view : List.of("/expenditures?", "/staffing?on=2024-12-31&", "/activity-progress?period=2024&",
                "/audit-trail?")) {
            Api.Download refused = admin.download(base + view + "format=pdf", Map.of());
            assertThat(refused.status()).as(view).isEqualTo(406);
            assertThat(admin.download(base + view, Map.of("Accept", PDF)).status()).as(view).isEqualTo(406);
        }
        for (String view : List.of("/budget-execution?period=2024&", "/reimbursement-requests/R1?")) {
            Api.Download unknown = admin.download(base + view + "format=docx", Map.of());
            assertThat(unknown.status()).isEqualTo(406);
            assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        }
        // the API document names the PDF (and the request's tables) beside JSON
        JsonNode docs = admin.get("/v3/api-docs").json().path("paths");
        for (String path : List.of("/api/v1/projects/{projectId}/budget-execution",
                "/api/v1/projects/{projectId}/results-framework", "/api/v1/programmes/{programmeId}/budget-execution",
                "/api/v1/programmes/{programmeId}/results",
                "/api/v1/projects/{projectId}/reimbursement-requests/{requestId}")) {
            JsonNode content = docs.path(path).path("get").path("responses").path("200").path("content");
            assertThat(content.has(PDF)).as(path + " " + content).isTrue();
            assertThat(content.has("application/json")).as(path).isTrue();
            assertThat(content.has("text/csv")).as(path).isTrue();
        }
        // a request that does not exist: 404 whatever was asked for
        assertThat(finance.download(base + "/reimbursement-requests/R9?format=pdf", Map.of()).status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- reimbursement request

    @Test
    void a_reimbursement_request_as_pdf_lists_every_expenditure_the_lines_sources_claim_rate_and_exclusions()
            throws IOException {
        JsonNode r = json(finance, base + "/reimbursement-requests/R1");
        Api.Download d = pdf(finance.download(wait(base + "/reimbursement-requests/R1?format=pdf&lang=et"), Map.of()));
        keep("reimbursement-request-et.pdf", d.body());
        String text = text(d.body());
        assertThat(text).contains("Maksetaotlus R1").contains(programme).contains("Heaks kiidetud")
                .contains("0,9412 CHF/EUR").contains("Euroopa Keskpanga kurss (Šveitsi frank)").contains("05.01.2025");
        assertThat(r.path("expenditures").toString()).isEqualTo("[\"E1\",\"E2\",\"E3\"]");
        assertThat(line(text, "E1")).contains("01.07.2024").contains("AT1-SERVICES").contains("1 234,56");
        assertThat(flat(text)).contains(LETTERS).contains("OÜ Õunapuu – šokolaad");
        assertThat(line(text, "E2")).contains("3 333,33");
        assertThat(line(text, "E3")).contains("845,20");
        for (JsonNode l : r.path("lines")) {
            assertThat(text).contains(l.path("budgetLine").asText() + " " + l.path("costCategory").asText() + " "
                    + et(l.path("eligible").asText()));
        }
        assertThat(text).contains("Abikõlblik kokku " + et(r.path("eligibleTotal").asText()));
        for (JsonNode s : r.path("sources")) {
            assertThat(line(text, s.path("source").asText())).contains(et(s.path("amount").asText()));
        }
        assertThat(text).contains("Taotletav kokku " + et(r.path("claimed").asText()));
        assertThat(text).contains(et(r.path("claimed").asText()) + " 0,9412 05.01.2025")
                .contains(et(r.path("claimedInClaimCurrency").asText()));
        JsonNode approved = r.path("approved");
        assertThat(approved.path("excluded").get(0).path("expenditure").asText()).isEqualTo("E3");
        assertThat(flat(text)).contains("Heakskiitmisel välja jäetud").contains("Sõit ei ole abikõlblik — õ ä ö ü š ž ą ė");
        assertThat(text).contains("Heaks kiidetud: Abikõlblik");
        assertThat(text).contains("Abikõlblik kokku " + et(approved.path("eligibleTotal").asText()))
                .contains(et(approved.path("claimedInClaimCurrency").asText()));
        // the eligible amounts are the included expenditures per line (and 15 % of the staff costs)
        assertThat(r.path("eligibleTotal").asText()).isEqualTo("5913.09");
        assertThat(finance.download(wait(base + "/reimbursement-requests/R1?format=pdf&lang=et"), Map.of()).body())
                .isEqualTo(d.body());
        String english = text(pdf(finance.download(wait(base + "/reimbursement-requests/R1"), Map.of("Accept", PDF,
                "Accept-Language", "en"))).body());
        assertThat(english).contains("Reimbursement request R1").contains("Included expenditures")
                .contains("0.9412 CHF/EUR").contains("Eligible total 5,913.09");
        // JSON stays the default
        assertThat(finance.download(wait(base + "/reimbursement-requests/R1"), Map.of()).header("Content-Type"))
                .startsWith("application/json");
    }

    @Test
    void a_reimbursement_request_as_xlsx_and_csv_holds_the_json_views_figures() throws IOException {
        JsonNode r = json(finance, base + "/reimbursement-requests/R1");
        try (XSSFWorkbook book = TabularExportsApiTest.workbook(finance.download(
                wait(base + "/reimbursement-requests/R1?format=xlsx&lang=et"), Map.of()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Maksetaotlus");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("Osa", "Kirje", "Kuupäev", "Eelarverida", "Kulukategooria", "Selgitus",
                    "Summa, EUR", "Osakaal, %", "Kurss, CHF/EUR", "Summa, CHF");
            List<Row> expenditures = rows(sheet, "Kulu");
            assertThat(expenditures).extracting(row -> row.getCell(1).getStringCellValue())
                    .containsExactly("E1", "E2", "E3");
            Row e1 = expenditures.get(0);
            assertThat(e1.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(e1.getCell(2))).isTrue();
            assertThat(e1.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 7, 1));
            assertThat(e1.getCell(5).getStringCellValue()).contains(LETTERS).contains("arve =1+1");
            assertThat(e1.getCell(6).getNumericCellValue()).isEqualTo(1234.56);
            assertThat(e1.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            List<Row> lines = rows(sheet, "Eelarverida");
            assertThat(lines).hasSize(r.path("lines").size() + 1);
            for (int i = 0; i < r.path("lines").size(); i++) {
                JsonNode l = r.path("lines").get(i);
                assertThat(lines.get(i).getCell(1).getStringCellValue()).isEqualTo(l.path("budgetLine").asText());
                TabularExportsApiTest.number(lines.get(i).getCell(6), l.path("eligible"));
            }
            Row eligible = lines.get(lines.size() - 1);
            assertThat(eligible.getCell(1).getStringCellValue()).isEqualTo("Abikõlblik kokku");
            TabularExportsApiTest.number(eligible.getCell(6), r.path("eligibleTotal"));
            assertThat(TabularExportsApiTest.bold(eligible, 6)).isTrue();
            List<Row> sources = rows(sheet, "Rahastusallikas");
            for (int i = 0; i < r.path("sources").size(); i++) {
                JsonNode s = r.path("sources").get(i);
                TabularExportsApiTest.number(sources.get(i).getCell(6), s.path("amount"));
                TabularExportsApiTest.number(sources.get(i).getCell(7), s.path("share"));
            }
            TabularExportsApiTest.number(sources.get(sources.size() - 1).getCell(6), r.path("claimed"));
            Row claim = rows(sheet, "Nõue").get(0);
            TabularExportsApiTest.number(claim.getCell(6), r.path("claimed"));
            assertThat(claim.getCell(8).getNumericCellValue()).isEqualTo(0.9412);
            TabularExportsApiTest.number(claim.getCell(9), r.path("claimedInClaimCurrency"));
            assertThat(claim.getCell(5).getStringCellValue()).contains("Euroopa Keskpanga kurss (Šveitsi frank)");
            assertThat(DateUtil.isCellDateFormatted(claim.getCell(2))).isTrue();
            Row excluded = rows(sheet, "Heakskiitmisel välja jäetud").get(0);
            assertThat(excluded.getCell(1).getStringCellValue()).isEqualTo("E3");
            assertThat(excluded.getCell(5).getStringCellValue()).isEqualTo("Sõit ei ole abikõlblik — õ ä ö ü š ž ą ė");
            Row approvedClaim = rows(sheet, "Heaks kiidetud: Nõue").get(0);
            TabularExportsApiTest.number(approvedClaim.getCell(9), r.path("approved").path("claimedInClaimCurrency"));
        }
        List<CSVRecord> et = TabularExportsApiTest.csv(finance.download(
                wait(base + "/reimbursement-requests/R1?lang=et"), Map.of("Accept", "text/csv")), true);
        assertThat(et.get(0).get(0)).isEqualTo("Osa");
        CSVRecord e1 = et.stream().filter(c -> c.get(1).equals("E1")).findFirst().orElseThrow();
        assertThat(e1.get(2)).isEqualTo("01.07.2024");
        assertThat(e1.get(6)).isEqualTo("1234,56");
        CSVRecord claim = et.stream().filter(c -> c.get(0).equals("Nõue")).findFirst().orElseThrow();
        assertThat(claim.get(6)).isEqualTo(r.path("claimed").asText().replace('.', ','));
        assertThat(claim.get(8)).isEqualTo("0,9412");
        assertThat(claim.get(9)).isEqualTo(r.path("claimedInClaimCurrency").asText().replace('.', ','));
        List<CSVRecord> en = TabularExportsApiTest.csv(finance.download(
                wait(base + "/reimbursement-requests/R1?format=csv&lang=en"), Map.of()), false);
        CSVRecord total = en.stream().filter(c -> c.get(1).equals("Eligible total")).findFirst().orElseThrow();
        assertThat(total.get(6)).isEqualTo(r.path("eligibleTotal").asText());
        assertThat(en.stream().filter(c -> c.get(0).equals("Excluded at approval")).findFirst().orElseThrow().get(1))
                .isEqualTo("E3");
    }

    private static List<Row> rows(Sheet sheet, String part) {
        List<Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            Cell c = row.getCell(0);
            if (row.getRowNum() > 0 && c != null && c.getStringCellValue().equals(part)) {
                rows.add(row);
            }
        }
        return rows;
    }
}
