package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Every view of the contract's table as CSV and XLSX, over HTTP against PostgreSQL: chosen by {@code Accept} or
 * {@code format=}, labelled by {@code lang=} or {@code Accept-Language}, read back with commons-csv and POI and
 * compared with the JSON view; access exactly as for the JSON view.
 */
class TabularExportsApiTest extends ApiTestBase {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Estonian and Lithuanian letters, Cyrillic, emoji (one a joined sequence). */
    static final String LETTERS = "Õun Äädikas Öö Üle šokolaad žürii ąžuolas ėglė įėjimas ųūsai — Привет, мир 🙂 👩‍💻";

    private static String seeded;
    private static long seededPosition;

    /** The seed project with expenditures (one in francs, one cancelled), values, progress and staffing; made once. */
    private synchronized String seeded() {
        if (seeded != null) {
            return seeded;
        }
        String project = SeedProject.CODE + "-" + unique("tab");
        String base = "/api/v1/projects/" + Api.seg(project);
        long position = SeedProject.setUp(admin, project);
        position = ok(admin.post(base + "/expenditures", expenditure("E1", "AT1-SERVICES", "1234.56", "2024-07-01",
                "OÜ Õunapuu – šokolaad", "=1+1", LETTERS)));
        position = ok(admin.post(base + "/expenditures", expenditure("E2", "AT6-STAFF", "3333.33", "2024-08-15",
                "UAB Ąžuolas", "PALK-08", "Töötasu august")));
        Map<String, Object> francs = expenditure("E3", "AT1-SERVICES", null, "2024-09-02", "Zürcher Beratung AG",
                "CH-1", "Konsultatsioon");
        francs.put("original", Map.of("amount", "1000.00", "currency", "CHF", "rate", "1.064", "rateDate", "2024-09-01",
                "rateSource", "Eesti Pank"));
        position = ok(admin.post(base + "/expenditures", francs));
        position = ok(admin.post(base + "/expenditures", expenditure("E4", "AT2-SERVICES", "500.00", "2025-02-03",
                "Koolitus OÜ", "K-1", "Koolitus")));
        position = ok(admin.post(base + "/expenditures", expenditure("E5", "AT3-SERVICES", "100.00", "2024-10-01",
                "Topelt OÜ", "T-1", "Topelt sisestatud")));
        position = ok(admin.post(base + "/expenditures/E5/cancellation", Map.of("reason", "Topelt")));
        // the 2024 work plan, approved: budget execution gains the year's columns
        position = ok(admin.post(base + "/work-plans", Map.of("year", 2024, "budget", List.of(
                Map.of("budgetLine", "AT1-SERVICES", "planned", "5000.00"),
                Map.of("budgetLine", "AT6-STAFF", "planned", "10000.00")))));
        position = ok(admin.post(base + "/work-plans/2024/submission", Map.of()));
        position = ok(admin.post(base + "/work-plans/2024/approval", Map.of()));
        position = ok(admin.post(base + "/indicators/O1/values", Map.of("period", "2024", "value", "12")));
        position = ok(admin.post(base + "/indicators/R1/values", Map.of("period", "2024", "value", "15.5")));
        position = ok(admin.post(base + "/indicators/T1/values", Map.of("period", "2024", "value", "Tegevuskava 🙂 koostatud")));
        position = ok(admin.post(base + "/sub-activities/1/progress", Map.of("period", "2024", "status", "DELAYED",
                "summary", "Esimene versioon")));
        position = ok(admin.post(base + "/sub-activities/1/progress", Map.of("period", "2024", "status", "ON_TRACK",
                "summary", LETTERS + "\nteine rida", "problems", "-", "nextSteps", "Jätkatakse 2025. aastal.")));
        position = ok(admin.post(base + "/positions", Map.of("code", "PJ", "title", "Projektijuht",
                "subActivities", List.of("6", "1"), "openedOn", "2024-06-01")));
        position = ok(admin.post(base + "/positions", Map.of("code", "IT", "title", "IT-spetsialist",
                "subActivities", List.of("6"), "openedOn", "2024-08-01")));
        position = ok(admin.post(base + "/positions/IT/recruitment-failures", Map.of("date", "2024-10-15",
                "reason", "Sobivat kandidaati ei leitud")));
        position = ok(admin.post(base + "/positions/PJ/hires", Map.of("staffId", "S-EV", "name", "Evelyn Väljaots",
                "startDate", "2024-06-03", "workloadPercent", "50")));
        seededPosition = position;
        seeded = project;
        return project;
    }

    private static Map<String, Object> expenditure(String id, String line, String amount, String incurredOn,
                                                   String supplier, String invoice, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("budgetLine", line);
        if (amount != null) {
            body.put("amount", amount);
        }
        body.put("incurredOn", incurredOn);
        body.put("paidOn", incurredOn);
        body.put("supplier", supplier);
        body.put("invoice", invoice);
        body.put("description", description);
        return body;
    }

    private static long ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.position();
    }

    private String base() {
        return "/api/v1/projects/" + Api.seg(seeded());
    }

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private Api.Download download(Api api, String path, String... headerPairs) {
        String separator = path.contains("?") ? "&" : "?";
        return api.download(path + separator + "minPosition=" + seededPosition, headers(headerPairs));
    }

    private JsonNode json(Api api, String path) {
        Api.Response r = api.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + seededPosition);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static XSSFWorkbook workbook(Api.Download d) throws IOException {
        assertThat(d.status()).as(d.toString()).isEqualTo(200);
        assertThat(d.header("Content-Type")).isEqualTo(XLSX);
        assertThat(d.header("Content-Disposition")).startsWith("attachment; filename=\"").contains(".xlsx\"")
                .contains("filename*=UTF-8''");
        return new XSSFWorkbook(new ByteArrayInputStream(d.body()));
    }

    static List<CSVRecord> csv(Api.Download d, boolean estonian) throws IOException {
        assertThat(d.status()).as(d.toString()).isEqualTo(200);
        assertThat(d.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(d.header("Content-Disposition")).contains(".csv\"");
        byte[] bytes = d.body();
        assertThat(bytes).as("UTF-8 byte order mark").startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(estonian ? ';' : ',').get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            return parser.getRecords();
        }
    }

    /** The first row whose first cell holds the text. */
    static Row row(Sheet sheet, String first) {
        for (Row r : sheet) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(first)) {
                return r;
            }
        }
        throw new AssertionError("no row starts with " + first);
    }

    static CSVRecord record(List<CSVRecord> records, String first) {
        return records.stream().filter(r -> r.get(0).equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no record starts with " + first));
    }

    /** A number cell holding the JSON figure (a decimal string), or a blank cell where the JSON has null. */
    static void number(Cell cell, JsonNode figure) {
        if (figure.isNull() || figure.isMissingNode()) {
            assertThat(cell == null || cell.getCellType() == CellType.BLANK).as("blank for null").isTrue();
            return;
        }
        assertThat(cell.getCellType()).as("a number cell for " + figure).isEqualTo(CellType.NUMERIC);
        BigDecimal expected = new BigDecimal(figure.asText());
        assertThat(BigDecimal.valueOf(cell.getNumericCellValue()).setScale(Math.max(2, expected.scale()),
                RoundingMode.HALF_UP)).isEqualByComparingTo(expected);
    }

    static boolean bold(Row row, int column) {
        return ((XSSFCell) row.getCell(column)).getCellStyle().getFont().getBold();
    }

    private static final String[] MONEY = {"originalPlanned", "planned", "spentInPeriod", "spentCumulative", "remaining",
            "executionPercent", "yearPlanned", "spentInYear", "yearExecutionPercent"};

    // ---------------------------------------------------------------- budget execution (annex 5)

    @Test
    void budget_execution_as_xlsx_holds_the_json_views_figures_as_numbers_with_subtotals_and_total() throws IOException {
        JsonNode view = json(admin, base() + "/budget-execution?period=2024");
        try (XSSFWorkbook book = workbook(download(admin, base() + "/budget-execution?period=2024&format=xlsx&lang=et"))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Eelarve täitmine");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("Eelarverida", "Alategevus", "Kulukategooria", "Algne eelarve, EUR",
                    "Kehtiv eelarve, EUR", "Kulud perioodis, EUR", "Kulud kumulatiivselt, EUR", "Jääk, EUR", "Täitmine, %",
                    "Aasta tööplaan, EUR", "Kulud aastas, EUR", "Aasta täitmine, %");
            assertThat(sheet.getLastRowNum()).isEqualTo(view.path("lines").size() + view.path("subActivities").size()
                    + view.path("costCategories").size() + 1);
            for (JsonNode line : view.path("lines")) {
                Row row = row(sheet, line.path("code").asText());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(line.path("subActivity").asText());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(line.path("costCategory").asText());
                for (int i = 0; i < MONEY.length; i++) {
                    number(row.getCell(3 + i), line.path(MONEY[i]));
                }
                assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                assertThat(bold(row, 3)).isFalse();
            }
            Row at1 = row(sheet, "AT1-SERVICES");
            assertThat(at1.getCell(6).getNumericCellValue()).isEqualTo(2298.56);
            // the approved 2024 work plan: 5000.00 planned, 2298.56 spent in the year, 45.97 %
            assertThat(at1.getCell(9).getNumericCellValue()).isEqualTo(5000.00);
            assertThat(at1.getCell(10).getNumericCellValue()).isEqualTo(2298.56);
            assertThat(at1.getCell(11).getNumericCellValue()).isEqualTo(45.97);
            // 15 % of the year's planned 10000.00 staff costs
            assertThat(row(sheet, "AT6-INDIRECT").getCell(9).getNumericCellValue()).isEqualTo(1500.00);
            assertThat(view.path("totals").path("yearPlanned").asText()).isEqualTo("16500.00");
            for (JsonNode sub : view.path("subActivities")) {
                Row row = row(sheet, "Alategevus " + sub.path("subActivity").asText() + " kokku");
                assertThat(bold(row, 4)).isTrue();
                for (int i = 0; i < MONEY.length; i++) {
                    number(row.getCell(3 + i), sub.path(MONEY[i]));
                }
            }
            // each sub-activity's lines come right before its subtotal
            assertThat(row(sheet, "Alategevus 6 kokku").getRowNum()).isEqualTo(row(sheet, "AT6-INDIRECT").getRowNum() + 1);
            for (JsonNode category : view.path("costCategories")) {
                Row row = row(sheet, "Kulukategooria " + category.path("costCategory").asText() + " kokku");
                for (int i = 0; i < MONEY.length; i++) {
                    number(row.getCell(3 + i), category.path(MONEY[i]));
                }
            }
            Row total = row(sheet, "Kokku");
            assertThat(total.getRowNum()).isEqualTo(sheet.getLastRowNum());
            assertThat(bold(total, 7)).isTrue();
            for (int i = 0; i < MONEY.length; i++) {
                number(total.getCell(3 + i), view.path("totals").path(MONEY[i]));
            }
            assertThat(total.getCell(6).getNumericCellValue()).as("2024, the flat rate included").isEqualTo(6131.89);
        }
    }

    @Test
    void budget_execution_as_csv_in_estonian_and_in_english_carries_the_same_rows_as_the_json_view() throws IOException {
        JsonNode view = json(admin, base() + "/budget-execution?to=2025-06-30");
        List<CSVRecord> et = csv(download(admin, base() + "/budget-execution?to=2025-06-30", "Accept", "text/csv",
                "Accept-Language", "et-EE,et;q=0.9,en;q=0.5"), true);
        List<CSVRecord> en = csv(download(admin, base() + "/budget-execution?to=2025-06-30&format=csv&lang=en"), false);
        assertThat(et.get(0).get(0)).isEqualTo("Eelarverida");
        assertThat(en.get(0).toList()).containsExactly("Budget line", "Sub-activity", "Cost category",
                "Original budget, EUR", "Budget in force, EUR", "Spent in period, EUR", "Spent cumulatively, EUR",
                "Remaining, EUR", "Execution, %", "Year's work plan, EUR", "Spent in year, EUR", "Year's execution, %");
        assertThat(et).hasSameSizeAs(en).hasSize(1 + view.path("lines").size() + view.path("subActivities").size()
                + view.path("costCategories").size() + 1);
        for (JsonNode line : view.path("lines")) {
            CSVRecord e = record(en, line.path("code").asText());
            CSVRecord t = record(et, line.path("code").asText());
            for (int i = 0; i < MONEY.length; i++) {
                String figure = line.path(MONEY[i]).isNull() ? "" : line.path(MONEY[i]).asText();
                assertThat(e.get(3 + i)).isEqualTo(figure);
                assertThat(t.get(3 + i)).isEqualTo(figure.replace('.', ','));
            }
        }
        assertThat(record(en, "Sub-activity 1 total").get(6)).isEqualTo("2298.56");
        assertThat(record(et, "Alategevus 1 kokku").get(6)).isEqualTo("2298,56");
        assertThat(record(en, "Cost category STAFF total").get(6)).isEqualTo("3333.33");
        assertThat(record(et, "Kulukategooria STAFF kokku").get(6)).isEqualTo("3333,33");
        CSVRecord total = record(en, "Total");
        assertThat(total.get(6)).isEqualTo(view.path("totals").path("spentCumulative").asText()).isEqualTo("6631.89");
        assertThat(total.get(5)).as("spent in 2025 up to June").isEqualTo("500.00");
        assertThat(record(et, "Kokku").get(6)).isEqualTo("6631,89");
        // no thousands separator: 400,000.00 planned for staff is written whole
        assertThat(record(et, "AT6-STAFF").get(4)).isEqualTo("400000,00");
        assertThat(record(en, "AT6-STAFF").get(4)).isEqualTo("400000.00");
    }

    // ---------------------------------------------------------------- negotiation

    @Test
    void the_representation_is_chosen_by_format_first_then_by_accept_and_json_stays_the_default() throws IOException {
        String path = base() + "/budget-execution?period=2024";
        assertThat(download(admin, path).header("Content-Type")).startsWith("application/json");
        assertThat(download(admin, path, "Accept", "*/*").header("Content-Type")).startsWith("application/json");
        assertThat(download(admin, path, "Accept", "application/json, text/csv;q=0.5").header("Content-Type"))
                .startsWith("application/json");
        assertThat(download(admin, path, "Accept", "text/csv").header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        workbook(download(admin, path, "Accept", XLSX)).close();
        workbook(download(admin, path, "Accept", "text/csv;q=0.5, " + XLSX)).close();
        assertThat(download(admin, path, "Accept", "text/csv, " + XLSX + ";q=0.5").header("Content-Type"))
                .isEqualTo("text/csv;charset=UTF-8");
        // format= wins over Accept, in any case of letters
        assertThat(download(admin, path + "&format=csv", "Accept", "application/json").header("Content-Type"))
                .isEqualTo("text/csv;charset=UTF-8");
        workbook(download(admin, path + "&format=XLSX", "Accept", "text/csv")).close();
        assertThat(download(admin, path + "&format=json", "Accept", "text/csv").header("Content-Type"))
                .startsWith("application/json");
        assertThat(download(admin, path + "&format=csv&format=csv").header("Content-Type"))
                .isEqualTo("text/csv;charset=UTF-8");
        // the file is named after the view, the project and the date
        assertThat(download(admin, path + "&format=csv").header("Content-Disposition")).isEqualTo(
                "attachment; filename=\"budget-execution_" + seeded().replace("Š", "S") + "_2024-12-31.csv\"; "
                        + "filename*=UTF-8''budget-execution_" + seeded().replace("Š", "%C5%A0") + "_2024-12-31.csv");
    }

    @Test
    void a_format_the_view_does_not_offer_answers_406_and_an_unknown_one_406_naming_the_formats() {
        String path = base() + "/budget-execution?period=2024";
        // the expenditure list has no PDF (budget execution has, ViewDocumentsApiTest)
        String list = base() + "/expenditures?budgetLine=AT1-SERVICES";
        for (Api.Download pdf : List.of(download(admin, list + "&format=pdf"),
                download(admin, list, "Accept", "application/pdf"))) {
            assertThat(pdf.status()).as(pdf.toString()).isEqualTo(406);
            assertThat(pdf.header("Content-Type")).startsWith("application/problem+json");
        }
        // a blank format is no format, as a blank parameter is everywhere
        assertThat(download(admin, path + "&format=&lang=").header("Content-Type")).startsWith("application/json");
        assertThat(download(admin, path + "&format=+&lang=", "Accept", "text/csv").text()).startsWith("\uFEFFBudget line,");
        for (String unknown : List.of("docx", "csv2", "text/csv", "pdf2")) {
            Api.Download refused = download(admin, path + "&format=" + Api.seg(unknown), "Accept", "text/csv");
            assertThat(refused.status()).as(unknown + ": " + refused).isEqualTo(406);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = readJson(refused);
            assertThat(problem.path("type").asText()).isEqualTo("/problems/not-acceptable");
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("format");
            assertThat(problem.path("detail").asText()).contains("csv, xlsx, pdf");
        }
        Api.Response twice = admin.get(path + "&format=csv&format=xlsx");
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(twice.json().path("errors").get(0).path("field").asText()).isEqualTo("format");
        // a view with no table answers 406 for CSV, as before
        assertThat(download(admin, base() + "?format=csv").status()).isEqualTo(406);
        assertThat(download(admin, "/api/v1/projects?format=xlsx").status()).isEqualTo(406);
    }

    @Test
    void a_language_seire_does_not_write_is_a_400_and_a_write_ignores_format() {
        Api.Response lt = admin.get(base() + "/budget-execution?period=2024&format=csv&lang=lt");
        assertThat(lt.status()).as(lt.body()).isEqualTo(400);
        assertThat(lt.json().path("errors").get(0).path("field").asText()).isEqualTo("lang");
        // an Accept-Language Seire does not write falls back to English
        assertThat(download(admin, base() + "/budget-execution?period=2024&format=csv", "Accept-Language", "lt, fr")
                .text()).contains("Budget line,");
        // a write answers JSON whatever its query says: format= cannot turn a recorded write into a refusal
        Api.Response written = admin.post("/api/v1/projects?format=csv", SeedProject.registration(unique("W")));
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        assertThat(written.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        Api.Response unknown = admin.post("/api/v1/projects?format=docx", SeedProject.registration(unique("W")));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(201);
    }

    private static JsonNode readJson(Api.Download d) {
        try {
            return Api.JSON.readTree(d.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- expenditures

    @Test
    void the_expenditure_list_as_csv_shows_the_original_beside_the_amount_and_keeps_every_letter() throws IOException {
        List<CSVRecord> en = csv(download(admin, base() + "/expenditures?format=csv&lang=en"), false);
        assertThat(en.get(0).toList()).containsExactly("Id", "Budget line", "Amount, EUR", "Original amount",
                "Original currency", "Exchange rate", "Rate date", "Rate source", "Incurred on", "Paid on", "Supplier",
                "Invoice", "Description", "Corrects", "Status", "Recorded at (UTC)", "Recorded by");
        assertThat(en).hasSize(1 + 5);
        assertThat(en.subList(1, 6).stream().map(r -> r.get(0)).toList()).containsExactly("E1", "E2", "E3", "E5", "E4");
        CSVRecord francs = record(en, "E3");
        assertThat(francs.toList().subList(0, 10)).containsExactly("E3", "AT1-SERVICES", "1064.00", "1000.00", "CHF",
                "1.064", "2024-09-01", "Eesti Pank", "2024-09-02", "2024-09-02");
        CSVRecord e1 = record(en, "E1");
        assertThat(e1.get(10)).isEqualTo("OÜ Õunapuu – šokolaad");
        assertThat(e1.get(11)).as("a formula is not run").isEqualTo("'=1+1");
        assertThat(e1.get(12)).isEqualTo(LETTERS);
        assertThat(e1.get(3)).isEmpty();
        assertThat(e1.get(14)).isEqualTo("Recorded");
        assertThat(e1.get(15)).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(e1.get(16)).isEqualTo("admin");
        assertThat(record(en, "E5").get(14)).isEqualTo("Cancelled");

        List<CSVRecord> et = csv(download(admin, base() + "/expenditures?period=2024", "Accept", "text/csv",
                "Accept-Language", "et"), true);
        assertThat(et).hasSize(1 + 4);
        assertThat(et.get(0).get(2)).isEqualTo("Summa, EUR");
        assertThat(record(et, "E3").toList().subList(2, 10)).containsExactly("1064,00", "1000,00", "CHF", "1,064",
                "01.09.2024", "Eesti Pank", "02.09.2024", "02.09.2024");
        assertThat(record(et, "E5").get(14)).isEqualTo("Tühistatud");
        assertThat(record(et, "E1").get(15)).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}");
        assertThat(csv(download(admin, base() + "/expenditures?format=csv&budgetLine=AT1-SERVICES"), false))
                .hasSize(1 + 2);
    }

    @Test
    void the_expenditure_list_as_xlsx_holds_amounts_rates_and_dates_as_numbers_and_dates() throws IOException {
        JsonNode list = json(admin, base() + "/expenditures?size=10");
        try (XSSFWorkbook book = workbook(download(admin, base() + "/expenditures", "Accept", XLSX,
                "Accept-Language", "et"))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Kulud");
            assertThat(sheet.getLastRowNum()).isEqualTo(list.path("total").asInt()).isEqualTo(5);
            for (JsonNode item : list.path("items")) {
                Row row = row(sheet, item.path("id").asText());
                number(row.getCell(2), item.path("amount"));
                number(row.getCell(3), item.path("original").path("amount"));
                number(row.getCell(5), item.path("original").path("rate"));
                assertThat(DateUtil.isCellDateFormatted(row.getCell(8))).isTrue();
                assertThat(row.getCell(8).getLocalDateTimeCellValue().toLocalDate())
                        .isEqualTo(LocalDate.parse(item.path("incurredOn").asText()));
                assertThat(row.getCell(12).getStringCellValue()).isEqualTo(item.path("description").asText());
                LocalDateTime recorded = LocalDateTime.ofInstant(java.time.Instant.parse(item.path("recordedAt").asText()),
                        java.time.ZoneOffset.UTC);
                assertThat(DateUtil.isCellDateFormatted(row.getCell(15))).isTrue();
                assertThat(java.time.Duration.between(recorded, row.getCell(15).getLocalDateTimeCellValue()).abs())
                        .as("a date cell holds milliseconds").isLessThan(java.time.Duration.ofMillis(2));
            }
            Row e1 = row(sheet, "E1");
            assertThat(e1.getCell(11).getStringCellValue()).as("text cells keep the text as recorded").isEqualTo("=1+1");
            assertThat(e1.getCell(12).getStringCellValue()).isEqualTo(LETTERS);
            assertThat(row(sheet, "E3").getCell(4).getStringCellValue()).isEqualTo("CHF");
            assertThat(row(sheet, "E3").getCell(6).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2024, 9, 1));
        }
    }

    @Test
    void a_list_longer_than_every_page_is_streamed_whole_as_csv_and_as_xlsx() throws IOException {
        String project = unique("Pikk");
        String base = "/api/v1/projects/" + Api.seg(project);
        SeedProject.setUp(admin, project);
        int rows = 2_500;
        StringBuilder file = new StringBuilder("id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < rows; i++) {
            BigDecimal amount = BigDecimal.valueOf(100 + i, 2);
            sum = sum.add(amount);
            file.append("L-").append(String.format("%05d", i)).append(";AT1-SERVICES;").append(amount.toPlainString()
                    .replace('.', ',')).append(";").append(String.format("%02d.07.2024", 1 + i % 28))
                    .append(";;Tarnija ŠÕ;A-").append(i).append(";Kulu ").append(LETTERS).append('\n');
        }
        Api.Response imported = admin.postRaw(base + "/expenditures/import", "text/csv",
                file.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        Api.Response caughtUp = admin.get(base + "/expenditures?size=1&minPosition=" + imported.position());
        for (int attempt = 0; caughtUp.status() == 503 && attempt < 10; attempt++) {
            caughtUp = admin.get(base + "/expenditures?size=1&minPosition=" + imported.position());
        }
        assertThat(caughtUp.json().path("total").asInt()).isEqualTo(rows);

        List<CSVRecord> records = csv(admin.download(base + "/expenditures?format=csv", Map.of()), false);
        assertThat(records).hasSize(1 + rows);
        assertThat(records.stream().skip(1).map(r -> new BigDecimal(r.get(2))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(sum);
        assertThat(records.get(rows).get(12)).isEqualTo("Kulu " + LETTERS);
        try (XSSFWorkbook book = workbook(admin.download(base + "/expenditures?format=xlsx", Map.of()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(rows);
            BigDecimal total = BigDecimal.ZERO;
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    total = total.add(BigDecimal.valueOf(row.getCell(2).getNumericCellValue()));
                }
            }
            assertThat(total.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo(sum);
        }
    }

    // ---------------------------------------------------------------- results, progress, staffing

    @Test
    void the_results_framework_as_xlsx_and_csv_holds_the_json_views_values() throws IOException {
        JsonNode view = json(admin, base() + "/results-framework?period=2024");
        String[] figures = {"baseline", "milestone", "target", "valueInPeriod", "cumulative", "percentOfTarget"};
        try (XSSFWorkbook book = workbook(download(admin, base() + "/results-framework?period=2024&format=xlsx&lang=et"))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Tulemusraamistik");
            assertThat(sheet.getLastRowNum()).isEqualTo(view.size());
            for (JsonNode indicator : view) {
                Row row = row(sheet, indicator.path("code").asText());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(indicator.path("name").asText());
                if (!"TEXT".equals(indicator.path("measure").asText())) {
                    for (int i = 0; i < figures.length; i++) {
                        number(row.getCell(3 + i), indicator.path(figures[i]));
                    }
                }
            }
            Row o1 = row(sheet, "O1");
            assertThat(o1.getCell(7).getNumericCellValue()).isEqualTo(12.0);
            assertThat(o1.getCell(8).getNumericCellValue()).isEqualTo(8.0);
            assertThat(row(sheet, "R1").getCell(7).getNumericCellValue()).isEqualTo(15.5);
            assertThat(row(sheet, "R1").getCell(10).getStringCellValue()).isEqualTo("Protsent");
            assertThat(row(sheet, "R3").getCell(12).getStringCellValue()).isEqualTo("Kahanev");
            Row t1 = row(sheet, "T1");
            assertThat(t1.getCell(7).getCellType()).isEqualTo(CellType.STRING);
            assertThat(t1.getCell(7).getStringCellValue()).isEqualTo("Tegevuskava 🙂 koostatud");
        }
        List<CSVRecord> en = csv(download(admin, base() + "/results-framework?period=2024&format=csv"), false);
        assertThat(en.get(0).toList().subList(0, 10)).containsExactly("Code", "Indicator", "Unit", "Baseline", "Milestone",
                "Target", "Value in period", "Cumulative value", "Progress towards target, %", "Status");
        assertThat(record(en, "O1").toList().subList(3, 10)).containsExactly("0", "", "150", "12", "12", "8.00", "");
        assertThat(record(en, "R1").get(7)).isEqualTo("15.5");
        List<CSVRecord> et = csv(download(admin, base() + "/results-framework?period=2024&format=csv&lang=et"), true);
        assertThat(record(et, "R1").toList().subList(3, 9)).containsExactly("12,5", "", "30", "15,5", "15,5", "17,14");
    }

    @Test
    void activity_progress_and_staffing_as_tables_carry_the_json_views_rows_and_the_fte_total() throws IOException {
        List<CSVRecord> progress = csv(download(admin, base() + "/activity-progress?period=2024&format=csv&lang=et"), true);
        assertThat(progress).hasSize(1 + 6);
        assertThat(progress.get(0).toList().subList(0, 4)).containsExactly("Alategevus", "Nimetus", "Seisund", "Kokkuvõte");
        CSVRecord first = record(progress, "1");
        assertThat(first.get(1)).isEqualTo(SeedProject.SUB_ACTIVITIES.get(0).get(1));
        assertThat(first.get(2)).isEqualTo("Plaanipärane");
        assertThat(first.get(3)).isEqualTo(LETTERS + "\nteine rida");
        assertThat(first.get(4)).as("guarded").isEqualTo("'-");
        assertThat(first.get(9)).as("earlier versions").isEqualTo("1");
        assertThat(record(progress, "2").get(2)).isEmpty();
        try (XSSFWorkbook book = workbook(download(admin, base() + "/activity-progress?period=2024&format=xlsx"))) {
            Row row = row(book.getSheetAt(0), "1");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("On track");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo(LETTERS + "\nteine rida");
            assertThat(row.getCell(3).getCellStyle().getWrapText()).isTrue();
            assertThat(DateUtil.isCellDateFormatted(row.getCell(7))).isTrue();
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(1.0);
        }

        JsonNode onDay = json(admin, base() + "/staffing?on=2024-12-31");
        try (XSSFWorkbook book = workbook(download(admin, base() + "/staffing?on=2024-12-31&format=xlsx&lang=et"))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(onDay.path("positions").size() + 1);
            Row pj = row(sheet, "PJ");
            assertThat(pj.getCell(2).getStringCellValue()).isEqualTo("6, 1");
            assertThat(pj.getCell(3).getStringCellValue()).isEqualTo("Evelyn Väljaots");
            assertThat(pj.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 6, 3));
            assertThat(pj.getCell(6).getNumericCellValue()).isEqualTo(50.0);
            assertThat(pj.getCell(7).getNumericCellValue()).isEqualTo(0.5);
            assertThat(row(sheet, "IT").getCell(3).getCellType()).isEqualTo(CellType.BLANK);
            Row total = row(sheet, "Kokku");
            number(total.getCell(7), onDay.path("fte"));
            assertThat(bold(total, 7)).isTrue();
        }
        JsonNode changes = json(admin, base() + "/staffing?period=2024").path("changes");
        List<CSVRecord> en = csv(download(admin, base() + "/staffing?period=2024", "Accept", "text/csv"), false);
        assertThat(en).hasSize(1 + changes.size());
        assertThat(en.stream().skip(1).map(r -> r.get(1)).toList()).containsExactly("Position opened", "Hired",
                "Position opened", "Recruitment failed");
        assertThat(en.get(4).get(6)).isEqualTo("Sobivat kandidaati ei leitud");
        List<CSVRecord> et = csv(download(admin, base() + "/staffing?period=2024&format=csv&lang=et"), true);
        assertThat(et.get(2).toList()).containsExactly("03.06.2024", "Tööle võetud", "PJ", "S-EV", "Evelyn Väljaots",
                "50", "");
        assertThat(admin.get(base() + "/staffing?format=csv").status()).isEqualTo(400);
    }

    // ---------------------------------------------------------------- audit trail

    @Test
    void the_audit_trail_as_xlsx_is_streamed_with_positions_as_numbers_and_the_csv_is_as_before() throws IOException {
        JsonNode page = json(admin, base() + "/audit-trail?size=1000");
        int total = page.path("total").asInt();
        try (XSSFWorkbook book = workbook(download(admin, base() + "/audit-trail?format=xlsx&lang=et"))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Auditijälg");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Positsioon");
            assertThat(sheet.getLastRowNum()).isEqualTo(total);
            for (int i = 0; i < total; i++) {
                JsonNode entry = page.path("items").get(i);
                Row row = sheet.getRow(i + 1);
                assertThat((long) row.getCell(0).getNumericCellValue()).isEqualTo(entry.path("position").asLong());
                assertThat(DateUtil.isCellDateFormatted(row.getCell(1))).isTrue();
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo(entry.path("type").asText());
            }
        }
        Api.Download csv = download(admin, base() + "/audit-trail", "Accept", "text/csv");
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.text()).startsWith("position,recordedAt,actor,roles,type,businessDate,summary,reason,"
                + "idempotencyKey,correlationId,source,hash\r\n");
        assertThat(csv.text().split("\r\n")).hasSize(1 + total);
        assertThat(download(admin, base() + "/audit-trail?format=csv").text()).isEqualTo(csv.text());
        assertThat(download(admin, base() + "/audit-trail?format=ndjson").text().split("\n")).hasSize(total);
    }

    // ---------------------------------------------------------------- programme roll-ups

    @Test
    void the_programme_roll_ups_as_tables_hold_the_json_views_figures_for_whom_the_json_view_answers() throws IOException {
        String programme = unique("Programm");
        ok(admin.post("/api/v1/programmes", ProgrammeApiTest.programme(programme)));
        List<String> projects = new ArrayList<>();
        long position = 0;
        for (String component : List.of("C1", "C2", "C1")) {
            String id = unique("Proj");
            ok(admin.post("/api/v1/projects", ProgrammeApiTest.project(id, programme, component, "EUR",
                    ProgrammeApiTest.YEARLY)));
            String base = "/api/v1/projects/" + Api.seg(id);
            ok(admin.post(base + "/sub-activities", Map.of("code", "1", "name", "Üks")));
            ok(admin.post(base + "/budget-lines", Map.of("code", "L1", "subActivity", "1", "costCategory", "SERVICES",
                    "planned", "10000.00")));
            Map<String, Object> indicator = new LinkedHashMap<>(SeedProject.indicators().get(0));
            indicator.put("programmeIndicator", "P1");
            ok(admin.post(base + "/indicators", indicator));
            ok(admin.post(base + "/indicators/O1/values", Map.of("period", "2024", "value", String.valueOf(3 + projects.size()))));
            position = ok(admin.post(base + "/expenditures", Map.of("budgetLine", "L1", "amount",
                    (1000 + projects.size()) + ".01", "incurredOn", "2024-07-01")));
            projects.add(id);
        }
        String g = "/api/v1/programmes/" + Api.seg(programme);
        JsonNode view = admin.get(g + "/budget-execution?to=2024-12-31&minPosition=" + position).json();
        try (XSSFWorkbook book = workbook(admin.download(g + "/budget-execution?to=2024-12-31&format=xlsx&lang=et",
                Map.of()))) {
            Sheet sheet = book.getSheetAt(0);
            String[] money = {"planned", "spentCumulative", "remaining", "executionPercent"};
            for (JsonNode p : view.path("projects")) {
                Row row = row(sheet, p.path("project").asText());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(p.path("component").asText());
                for (int i = 0; i < money.length; i++) {
                    number(row.getCell(2 + i), p.path(money[i]));
                }
            }
            for (JsonNode c : view.path("components")) {
                Row row = row(sheet, "Komponent " + c.path("component").asText() + " kokku");
                for (int i = 0; i < money.length; i++) {
                    number(row.getCell(2 + i), c.path(money[i]));
                }
            }
            Row total = row(sheet, "Kokku");
            for (int i = 0; i < money.length; i++) {
                number(total.getCell(2 + i), view.path("totals").path(money[i]));
            }
            number(row(sheet, "Rahastusallika CH osa kuludest").getCell(3), view.path("bySource").get(0).path("amount"));
            number(row(sheet, "Rahastusallika EE osa kuludest").getCell(3), view.path("bySource").get(1).path("amount"));
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(3003.03);
        }
        JsonNode results = admin.get(g + "/results?to=2024-12-31").json();
        List<CSVRecord> et = csv(admin.download(g + "/results?to=2024-12-31&format=csv&lang=et", Map.of()), true);
        assertThat(et.get(0).toList()).containsExactly("Kood", "Näitaja", "Mõõtühik", "Projekt", "Projekti näitaja",
                "Kumulatiivne väärtus");
        CSVRecord p1 = et.stream().filter(r -> r.get(0).equals("P1") && r.get(3).equals("Kõik projektid kokku"))
                .findFirst().orElseThrow();
        assertThat(p1.get(5)).isEqualTo(results.get(0).path("cumulative").asText()).isEqualTo("12");
        assertThat(et.stream().filter(r -> r.get(0).equals("P1")).count()).isEqualTo(1 + 3);

        // exactly who reads the JSON view reads the tables: a member of one project is refused the roll-ups (403),
        // a stranger does not learn the programme exists (404)
        Api member = user("MANAGER", List.of(projects.get(0)), List.of());
        Api stranger = user("LIAISON", List.of(), List.of(unique("other")));
        for (String view2 : List.of("/budget-execution?to=2024-12-31", "/results?to=2024-12-31")) {
            for (String format : List.of("", "&format=csv", "&format=xlsx")) {
                assertThat(member.get(g + view2 + format).status()).as(view2 + format).isEqualTo(403);
                assertThat(stranger.get(g + view2 + format).status()).as(view2 + format).isEqualTo(404);
            }
        }
        Api liaison = user("LIAISON", List.of(), List.of(programme));
        workbook(liaison.download(g + "/budget-execution?to=2024-12-31&format=xlsx", Map.of())).close();
    }

    // ---------------------------------------------------------------- access

    @Test
    void every_project_table_is_read_by_exactly_who_reads_the_json_view() throws IOException {
        String base = base();
        List<String> views = List.of("/budget-execution?period=2024", "/expenditures?", "/results-framework?period=2024",
                "/activity-progress?period=2024", "/staffing?on=2024-12-31", "/staffing?period=2024", "/audit-trail?");
        Api stranger = user("FINANCE", List.of(unique("muu")), List.of());
        Api finance = user("FINANCE", List.of(seeded()), List.of());
        Api otherLiaison = user("LIAISON", List.of(), List.of(unique("muu")));
        for (String view : views) {
            String path = base + view + (view.endsWith("?") ? "" : "&");
            for (String format : List.of("format=json", "format=csv", "format=xlsx")) {
                Api.Download refused = stranger.download(path + format, Map.of());
                assertThat(refused.status()).as(view + format).isEqualTo(404);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(otherLiaison.download(path + format, Map.of()).status()).as(view + format).isEqualTo(404);
                assertThat(admin.anonymous().download(path + format, Map.of()).status()).isEqualTo(401);
                Api.Download read = finance.download(path + format + "&minPosition=" + seededPosition, Map.of());
                assertThat(read.status()).as(view + format + " " + read).isEqualTo(200);
            }
        }
        // the project does not exist: 404 as problem+json whatever was asked for
        Api.Download missing = admin.download("/api/v1/projects/" + Api.seg(unique("pole")) + "/budget-execution?period=2024",
                Map.of("Accept", XLSX));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void the_api_document_names_the_table_types_and_the_lang_parameter() {
        JsonNode docs = admin.get("/v3/api-docs").json();
        JsonNode get = docs.path("paths").path("/api/v1/projects/{projectId}/budget-execution").path("get");
        assertThat(get.path("responses").path("200").path("content").has("text/csv")).as(get.toString()).isTrue();
        assertThat(get.path("responses").path("200").path("content").has(XLSX)).isTrue();
        assertThat(get.path("responses").path("200").path("content").has("application/json")).isTrue();
        List<String> parameters = new ArrayList<>();
        get.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
        assertThat(parameters).contains("lang", "period", "to").doesNotContain("how", "format.language");
    }
}
