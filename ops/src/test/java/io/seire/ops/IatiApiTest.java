package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * IATI 2.03 documents over HTTP: a project's activity and a programme's activities, each validated against the
 * IATI schema (read from {@code shared/iati/} beside the repository, never copied into it), with transactions for
 * every expenditure version, results from the results framework, and the same access as the JSON views.
 */
class IatiApiTest extends ApiTestBase {

    /** Text in Estonian, Lithuanian, Cyrillic and an emoji: it must come back as it went in. */
    static final String NAME = "Sotsiaalne innovatsioon Šveitsi–Eesti: ąčęėįšųūž, Õun Äär Öö Üü, Жизнь 😀";
    static final String SUPPLIER = "UAB Ąžuolas & Žemė <ltd>";
    static final String DESCRIPTION = "Nõustamine \"Жизнь\" 😀, kell \u0007 helises";

    private static Schema schema;

    private long position;

    @BeforeAll
    static void iatiSchema() throws Exception {
        Path xsd = schemaDirectory().resolve("iati-activities-schema.xsd");
        schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile());
    }

    /**
     * {@code shared/iati/} of the workspace the repository sits in: the first {@code shared/iati} found walking up
     * from the working directory (the module's directory under Maven), so it is found from a clone beside
     * {@code shared/} and from a worktree further down alike.
     */
    static Path schemaDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("iati");
            if (Files.isRegularFile(candidate.resolve("iati-activities-schema.xsd"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No shared/iati/iati-activities-schema.xsd above " + Path.of("").toAbsolutePath()
                + ": the IATI schemas are read from the workspace's shared/iati/, beside the repository");
    }

    // ---------------------------------------------------------------- helpers

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        position = Math.max(position, r.position());
        return r;
    }

    private static String p(String id) {
        return "/api/v1/projects/" + Api.seg(id);
    }

    private static String g(String id) {
        return "/api/v1/programmes/" + Api.seg(id);
    }

    private String atLeast(String path) {
        return path + (path.contains("?") ? "&" : "?") + "minPosition=" + position;
    }

    private String registerProgramme() {
        String id = unique("Šveitsi-Eesti IATI");
        ok(admin.post("/api/v1/programmes", ProgrammeApiTest.programme(id)));
        return id;
    }

    /** The seed project (sub-activities, budget lines, indicators) in a registered programme, with a name in four scripts. */
    private String seedProject(String programme) {
        String id = unique("Šveits.1.01.25-0006");
        Map<String, Object> registration = Registration.of(id, NAME, programme, "C2");
        registration.put("beneficiary", "Kodanikuühiskonna Sihtkapital 🌱");
        registration.put("partners", List.of(body("name", "Vilniaus socialinių inovacijų centras", "country", "LT"),
                body("name", "MTÜ Šokolaadivabrik")));
        ok(admin.post("/api/v1/projects", registration));
        for (List<String> sub : SeedProject.SUB_ACTIVITIES) {
            ok(admin.post(p(id) + "/sub-activities", body("code", sub.get(0), "name", sub.get(1))));
        }
        for (Map<String, Object> line : SeedProject.budgetLines()) {
            ok(admin.post(p(id) + "/budget-lines", line));
        }
        for (Map<String, Object> indicator : SeedProject.indicators()) {
            ok(admin.post(p(id) + "/indicators", indicator));
        }
        return id;
    }

    private String project(String programme, String eligibleFrom, String eligibleTo, List<Map<String, Object>> periods) {
        String id = unique("IATI-Ž");
        ok(admin.post("/api/v1/projects", body("id", id, "name", "Projekt " + id, "programme", programme,
                "beneficiary", "MTÜ Õnn", "currency", "EUR", "eligibleFrom", eligibleFrom, "eligibleTo", eligibleTo,
                "flexibilityPercent", "10", "reportingPeriods", periods)));
        return id;
    }

    private void expenditure(String project, String id, String line, String amount, String incurredOn) {
        ok(admin.post(p(project) + "/expenditures", body("id", id, "budgetLine", line, "amount", amount,
                "incurredOn", incurredOn, "paidOn", incurredOn, "supplier", SUPPLIER, "invoice", "A-" + id,
                "description", DESCRIPTION)));
    }

    private void workPlan(String project, int year, String staff, String services, String decision) {
        List<Map<String, Object>> budget = new ArrayList<>();
        budget.add(body("budgetLine", "AT6-STAFF", "planned", staff));
        if (services != null) {
            budget.add(body("budgetLine", "AT1-SERVICES", "planned", services));
        }
        ok(admin.post(p(project) + "/work-plans", body("year", year, "budget", budget, "activities", List.of())));
        if (decision != null) {
            ok(admin.post(p(project) + "/work-plans/" + year + "/submission", Map.of()));
            ok(admin.post(p(project) + "/work-plans/" + year + "/" + decision, body("comment", "Otsus")));
        }
    }

    /** Each budget as "type start end value". */
    private static List<String> budgets(Element activity) throws Exception {
        List<String> rows = new ArrayList<>();
        for (Element b : all(activity, "budget")) {
            assertThat(b.getAttribute("status")).isEqualTo("2");
            assertThat(text(b, "value/@currency")).isEqualTo("EUR");
            rows.add(b.getAttribute("type") + " " + text(b, "period-start/@iso-date") + " "
                    + text(b, "period-end/@iso-date") + " " + text(b, "value"));
        }
        return rows;
    }

    /** Fetches the document, checks it is UTF-8 XML that validates against the IATI 2.03 schema, and parses it. */
    private Document iati(Api as, String path) throws Exception {
        Api.Response r = as.get(atLeast(path));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/xml");
        assertThat(r.header("Content-Disposition")).startsWith("attachment; filename=\"iati-activit")
                .contains("; filename*=UTF-8''iati-activit");
        assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(bytes)));
        // the validator is no formality: the same document without its required activity-status is refused
        byte[] broken = r.body().replaceAll("<activity-status [^>]*/>", "").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(broken))))
                .isInstanceOf(SAXException.class).hasMessageContaining("activity-status");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    private static String text(Object node, String expression) throws Exception {
        return (String) XPATH.evaluate(expression, node, XPathConstants.STRING);
    }

    private static List<Element> all(Object node, String expression) throws Exception {
        NodeList nodes = (NodeList) XPATH.evaluate(expression, node, XPathConstants.NODESET);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** Each transaction as "ref date value". */
    private static List<String> transactions(Element activity) throws Exception {
        List<String> rows = new ArrayList<>();
        for (Element t : all(activity, "transaction")) {
            assertThat(text(t, "transaction-type/@code")).isEqualTo("4");
            assertThat(text(t, "value/@value-date")).isEqualTo(text(t, "transaction-date/@iso-date"));
            rows.add(t.getAttribute("ref").replaceAll("/\\d+$", "/N") + " " + text(t, "transaction-date/@iso-date")
                    + " " + text(t, "value"));
        }
        return rows;
    }

    // ---------------------------------------------------------------- the project's activity

    @Test
    void a_projects_activity_validates_and_tells_every_expenditure_version_as_a_transaction() throws Exception {
        String programme = registerProgramme();
        String id = seedProject(programme);
        expenditure(id, "X1", "AT1-SERVICES", "1000.00", "2024-07-15");
        expenditure(id, "X2", "AT2-SERVICES", "400.00", "2024-08-01");
        expenditure(id, "X3", "AT6-STAFF", "300.00", "2025-02-10");
        ok(admin.post(p(id) + "/indicators/O1/values", body("period", "2024", "value", "5")));
        ok(admin.post(p(id) + "/indicators/O1/values", body("period", "2025", "value", "12")));
        ok(admin.post(p(id) + "/indicators/R1/values", body("period", "2024", "value", "15")));
        ok(admin.post(p(id) + "/indicators/T1/values", body("period", "2024", "value", "Tegevuskava kinnitatud ✅ Жизнь")));
        workPlan(id, 2024, "20000.33", null, "approval");
        workPlan(id, 2025, "50000.00", "10000.00", "approval");
        workPlan(id, 2025, "60000.00", "12000.00", "approval");
        assertThat(admin.get(atLeast(p(id))).status()).isEqualTo(200);
        Thread.sleep(20);
        Instant beforeChanges = Instant.now();
        Thread.sleep(20);
        ok(admin.post(p(id) + "/expenditures/X1/corrections", body("amount", "1250.50", "reason", "Arve parandus")));
        ok(admin.post(p(id) + "/expenditures/X2/cancellation", body("reason", "Topelt sisestatud")));
        ok(admin.post(p(id) + "/expenditures/X3/corrections", body("amount", "120.00", "reason", "Krediitarve")));
        workPlan(id, 2025, "80000.00", "11000.00", "approval");
        workPlan(id, 2025, "1.00", null, "return");
        workPlan(id, 2026, "70000.00", null, null);

        Document doc = iati(admin, p(id) + "/iati-activity");

        assertThat(text(doc, "/iati-activities/@version")).isEqualTo("2.03");
        List<Element> activities = all(doc, "/iati-activities/iati-activity");
        assertThat(activities).hasSize(1);
        Element a = activities.get(0);
        // the identifier: the reporting organisation (default SEIRE / Seire) and the project id
        assertThat(text(a, "iati-identifier")).isEqualTo("SEIRE-" + id);
        assertThat(text(a, "reporting-org/@ref")).isEqualTo("SEIRE");
        assertThat(text(a, "reporting-org/narrative")).isEqualTo("Seire");
        assertThat(a.getAttribute("default-currency")).isEqualTo("EUR");
        assertThat(a.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("et");
        // text in every script survives
        assertThat(text(a, "title/narrative")).isEqualTo(NAME);
        assertThat(text(a, "description/narrative")).startsWith("1. Sotsiaalse mõjuga toodete ja teenuste arendamise")
                .contains("6. Üldised (horisontaalsed) tegevused");
        // funders: the registered programme's funding sources; implementing: the beneficiary
        assertThat(all(a, "participating-org[@role='1']/narrative").stream().map(Element::getTextContent))
                .containsExactly("Šveitsi toetus", "Riiklik kaasfinantseering");
        // implementing: the beneficiary, then the partners in their order
        assertThat(all(a, "participating-org[@role='4']/narrative").stream().map(Element::getTextContent))
                .containsExactly("Kodanikuühiskonna Sihtkapital 🌱", "Vilniaus socialinių inovacijų centras",
                        "MTÜ Šokolaadivabrik");
        // status and dates: inside its eligibility today; actual start = the first expenditure still standing
        assertThat(text(a, "activity-status/@code")).isEqualTo("2");
        assertThat(text(a, "activity-date[@type='1']/@iso-date")).isEqualTo("2024-06-01");
        assertThat(text(a, "activity-date[@type='2']/@iso-date")).isEqualTo("2024-07-15");
        assertThat(text(a, "activity-date[@type='3']/@iso-date")).isEqualTo("2028-07-31");
        assertThat(all(a, "activity-date[@type='4']")).isEmpty();

        // yearly budgets from approved work plans: the first version approved is the original, the version in force
        // the revised one (the one approved in between is superseded); staff plus its 15 % flat rate, HALF_UP;
        // 2024 only from the eligibility start; returned and drafted versions count for nothing
        assertThat(budgets(a)).containsExactly(
                "1 2024-06-01 2024-12-31 23000.38",
                "1 2025-01-01 2025-12-31 67500.00",
                "2 2025-01-01 2025-12-31 103000.00");

        // a correction is its difference, a cancellation the amount it took away
        assertThat(transactions(a)).containsExactly(
                "X1 2024-07-15 1000.00",
                "X1/corrected/N 2024-07-15 250.50",
                "X2 2024-08-01 400.00",
                "X2/cancelled/N 2024-08-01 -400.00",
                "X3 2025-02-10 300.00",
                "X3/corrected/N 2025-02-10 -180.00");
        Element first = all(a, "transaction").get(0);
        assertThat(text(first, "value/@currency")).isEqualTo("EUR");
        assertThat(text(first, "receiver-org/narrative")).isEqualTo(SUPPLIER);
        // a character XML 1.0 cannot carry is written as U+FFFD; the rest as recorded
        assertThat(text(first, "description/narrative")).isEqualTo("Nõustamine \"Жизнь\" 😀, kell \uFFFD helises");
        assertThat(text(all(a, "transaction").get(1), "description/narrative")).isEqualTo("Arve parandus");
        assertThat(text(all(a, "transaction").get(3), "description/narrative")).isEqualTo("Topelt sisestatud");

        // results: one per indicator, periods = reporting periods, targets = milestones (the final target last)
        assertThat(all(a, "result")).hasSize(6);
        Element o1 = all(a, "result[indicator/reference/@code='O1']").get(0);
        assertThat(o1.getAttribute("type")).isEqualTo("1");
        assertThat(text(o1, "title/narrative")).isEqualTo("Nõustatud organisatsioonide arv");
        assertThat(text(o1, "indicator/@measure")).isEqualTo("1");
        assertThat(text(o1, "indicator/@ascending")).isEqualTo("true");
        assertThat(text(o1, "indicator/description/narrative")).isEqualTo("organisatsioon");
        assertThat(text(o1, "indicator/reference/@vocabulary")).isEqualTo("99");
        assertThat(text(o1, "indicator/baseline/@value")).isEqualTo("0");
        assertThat(text(o1, "indicator/baseline/@year")).isEqualTo("2024");
        List<Element> periods = all(o1, "indicator/period");
        assertThat(periods).hasSize(5);
        assertThat(text(periods.get(0), "period-start/@iso-date")).isEqualTo("2024-06-01");
        assertThat(text(periods.get(0), "period-end/@iso-date")).isEqualTo("2024-12-31");
        assertThat(all(periods.get(0), "target")).isEmpty(); // no milestone due by the end of 2024
        assertThat(text(periods.get(0), "actual/@value")).isEqualTo("5");
        assertThat(text(periods.get(1), "target/@value")).isEqualTo("20");
        assertThat(text(periods.get(1), "actual/@value")).isEqualTo("17"); // cumulative, as the results framework
        assertThat(text(periods.get(2), "target/@value")).isEqualTo("60");
        assertThat(text(periods.get(4), "target/@value")).isEqualTo("150"); // the final target in the last period
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int k = 0; k < periods.size(); k++) {
            boolean begun = !LocalDate.parse(text(periods.get(k), "period-start/@iso-date")).isAfter(today);
            assertThat(all(periods.get(k), "actual")).as("period " + k).hasSize(begun ? 1 : 0);
        }
        Element r1 = all(a, "result[indicator/reference/@code='R1']").get(0);
        assertThat(r1.getAttribute("type")).isEqualTo("2");
        assertThat(text(r1, "indicator/@measure")).isEqualTo("2");
        assertThat(text(r1, "indicator/baseline/@value")).isEqualTo("12.5");
        assertThat(text(r1, "indicator/period[1]/actual/@value")).isEqualTo("15");
        Element r3 = all(a, "result[indicator/reference/@code='R3']").get(0);
        assertThat(text(r3, "indicator/@ascending")).isEqualTo("false");
        Element t1 = all(a, "result[indicator/reference/@code='T1']").get(0);
        assertThat(text(t1, "indicator/@measure")).isEqualTo("5");
        assertThat(all(t1, "indicator/baseline")).isEmpty();
        assertThat(text(t1, "indicator/period[1]/actual/comment/narrative")).isEqualTo("Tegevuskava kinnitatud ✅ Жизнь");
        assertThat(all(t1, "indicator/period/actual/@value")).isEmpty();

        // as recorded before the corrections and the cancellation: only the three recordings
        Element before = all(iati(admin, p(id) + "/iati-activity?asOf=" + beforeChanges), "/iati-activities/iati-activity").get(0);
        assertThat(transactions(before)).containsExactly("X1 2024-07-15 1000.00", "X2 2024-08-01 400.00",
                "X3 2025-02-10 300.00");
        assertThat(budgets(before)).containsExactly(
                "1 2024-06-01 2024-12-31 23000.38",
                "1 2025-01-01 2025-12-31 67500.00",
                "2 2025-01-01 2025-12-31 81000.00");
    }

    @Test
    void the_activity_status_follows_the_eligibility_period_and_an_approved_final_report() throws Exception {
        List<Map<String, Object>> past = List.of(body("id", "2020", "from", "2020-01-01", "to", "2020-12-31"),
                body("id", "2021", "from", "2021-01-01", "to", "2021-12-31"));
        String finished = project("Programm, mida pole registreeritud", "2020-01-01", "2021-12-31", past);
        String future = project("Programm, mida pole registreeritud", "2990-01-01", "2990-12-31",
                List.of(body("id", "2990", "from", "2990-01-01", "to", "2990-12-31")));
        String closed = project("Programm, mida pole registreeritud", "2020-01-01", "2021-12-31", past);
        ok(admin.post(p(closed) + "/reports", body("id", "F", "period", "2021", "kind", "FINAL", "assessment", "Valmis")));
        ok(admin.post(p(closed) + "/reports/F/approval", body("comment", "Kinnitatud")));

        Element f = all(iati(admin, p(finished) + "/iati-activity"), "//iati-activity").get(0);
        assertThat(text(f, "activity-status/@code")).isEqualTo("3"); // after its eligibility: finalisation
        // nothing spent: the actual start is the eligibility start, which has come
        assertThat(text(f, "activity-date[@type='2']/@iso-date")).isEqualTo("2020-01-01");
        assertThat(all(f, "activity-date[@type='4']")).isEmpty();
        // a programme that is not registered is the funder by the name the project gives
        assertThat(text(f, "participating-org[@role='1']/narrative")).isEqualTo("Programm, mida pole registreeritud");
        assertThat(all(f, "transaction")).isEmpty();
        assertThat(all(f, "budget")).isEmpty();
        assertThat(all(f, "result")).isEmpty();

        Element u = all(iati(admin, p(future) + "/iati-activity"), "//iati-activity").get(0);
        assertThat(text(u, "activity-status/@code")).isEqualTo("1"); // before its eligibility: pipeline
        assertThat(all(u, "activity-date[@type='2']")).isEmpty();

        Element c = all(iati(admin, p(closed) + "/iati-activity"), "//iati-activity").get(0);
        assertThat(text(c, "activity-status/@code")).isEqualTo("4"); // final report approved: closed
        assertThat(text(c, "activity-date[@type='4']/@iso-date")).isEqualTo("2021-12-31");
    }

    // ---------------------------------------------------------------- the programme's activities

    @Test
    void a_programmes_activities_validate_with_one_activity_per_project_in_id_order() throws Exception {
        String programme = registerProgramme();
        String seed = seedProject(programme);
        expenditure(seed, "X1", "AT1-SERVICES", "1000.00", "2024-07-15");
        ok(admin.post(p(seed) + "/expenditures/X1/cancellation", body("reason", "Vale projekt")));
        String other = project(programme, "2024-06-01", "2026-12-31", ProgrammeApiTest.YEARLY);
        ok(admin.post(p(other) + "/sub-activities", body("code", "1", "name", "Ühine tegevus")));
        ok(admin.post(p(other) + "/budget-lines", body("code", "L", "subActivity", "1", "costCategory", "STAFF",
                "planned", "5000.00")));
        expenditure(other, "Y1", "L", "99.99", "2025-03-01");
        ok(admin.post(p(other) + "/expenditures/Y1/corrections", body("amount", "100.00", "reason", "Ümardus")));

        Document doc = iati(admin, g(programme) + "/iati-activities");

        // in the order of the programme's own list of projects (by id)
        List<String> expected = new ArrayList<>();
        admin.get(atLeast(g(programme))).json().path("projects").forEach(pr -> expected.add("SEIRE-" + pr.path("id").asText()));
        assertThat(expected).containsExactlyInAnyOrder("SEIRE-" + seed, "SEIRE-" + other);
        List<String> ids = new ArrayList<>();
        for (Element a : all(doc, "/iati-activities/iati-activity")) {
            ids.add(text(a, "iati-identifier"));
        }
        assertThat(ids).isEqualTo(expected);
        Element s = all(doc, "//iati-activity[iati-identifier='SEIRE-" + seed + "']").get(0);
        Element o = all(doc, "//iati-activity[iati-identifier='SEIRE-" + other + "']").get(0);
        assertThat(text(s, "title/narrative")).isEqualTo(NAME);
        assertThat(transactions(s)).containsExactly("X1 2024-07-15 1000.00", "X1/cancelled/N 2024-07-15 -1000.00");
        // every expenditure cancelled: the actual start falls back to the eligibility start
        assertThat(text(s, "activity-date[@type='2']/@iso-date")).isEqualTo("2024-06-01");
        assertThat(transactions(o)).containsExactly("Y1 2025-03-01 99.99", "Y1/corrected/N 2025-03-01 0.01");
        assertThat(text(o, "description/narrative")).isEqualTo("1. Ühine tegevus");
        assertThat(all(o, "participating-org[@role='1']/narrative").stream().map(Element::getTextContent))
                .containsExactly("Šveitsi toetus", "Riiklik kaasfinantseering");
    }

    @Test
    void a_programme_without_projects_has_no_iati_document() {
        String programme = registerProgramme();
        Api.Response r = admin.get(atLeast(g(programme) + "/iati-activities"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains("at least one activity");
    }

    // ---------------------------------------------------------------- access

    @Test
    void the_documents_are_read_by_whoever_reads_the_project_or_the_programmes_roll_ups() throws Exception {
        String programme = registerProgramme();
        String id = project(programme, "2024-06-01", "2026-12-31", ProgrammeApiTest.YEARLY);
        String elsewhere = project("Muu programm", "2024-06-01", "2026-12-31", ProgrammeApiTest.YEARLY);
        Api manager = user("MANAGER", List.of(id), List.of());
        Api finance = user("FINANCE", List.of(id), List.of());
        Api outsider = user("FINANCE", List.of(elsewhere), List.of());
        Api liaison = user("LIAISON", List.of(), List.of(programme));
        Api otherLiaison = user("LIAISON", List.of(), List.of("Muu programm"));

        // the project's activity: its members and its programme's liaison; anyone else as if it did not exist
        iati(manager, p(id) + "/iati-activity");
        iati(finance, p(id) + "/iati-activity");
        iati(liaison, p(id) + "/iati-activity");
        for (Api stranger : List.of(outsider, otherLiaison)) {
            Api.Response r = stranger.get(atLeast(p(id) + "/iati-activity"));
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(admin.get(p(unique("pole")) + "/iati-activity").status()).isEqualTo(404);

        // the programme's activities: administrators and its liaisons; a member of one of its projects is refused
        // (it would show every project), anyone else does not see the programme at all
        iati(liaison, g(programme) + "/iati-activities");
        Api.Response member = manager.get(atLeast(g(programme) + "/iati-activities"));
        assertThat(member.status()).as(member.body()).isEqualTo(403);
        assertThat(member.header("Content-Type")).startsWith("application/problem+json");
        assertThat(outsider.get(atLeast(g(programme) + "/iati-activities")).status()).isEqualTo(404);
        assertThat(otherLiaison.get(atLeast(g(programme) + "/iati-activities")).status()).isEqualTo(404);
        assertThat(admin.get(g(unique("pole")) + "/iati-activities").status()).isEqualTo(404);

        Api.Response badAsOf = admin.get(p(id) + "/iati-activity?asOf=eile");
        assertThat(badAsOf.status()).isEqualTo(400);
        assertThat(badAsOf.json().path("errors").findValuesAsText("field")).contains("asOf");
    }
}
