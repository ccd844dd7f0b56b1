package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project of the seed monitoring report {@code 003_…} (Šveits.1.01.25-0006), set up through the API: six
 * sub-activities in Estonian, budget lines including a 15 % flat rate of staff costs, and indicators of every
 * aggregation rule. Tests give it a suffix so each works on its own copy.
 */
public final class SeedProject {

    public static final String CODE = "Šveits.1.01.25-0006";

    public static final List<List<String>> SUB_ACTIVITIES = List.of(
            List.of("1", "Sotsiaalse mõjuga toodete ja teenuste arendamise alane nõustamine"),
            List.of("2", "Koolituste ja töötubade korraldamine sotsiaalse innovatsiooni alase teadlikkuse tõstmiseks"),
            List.of("3", "Ühiskonna teadlikkuse tõstmine sotsiaalsest innovatsioonist"),
            List.of("4", "Sotsiaalset innovatsiooni toetavate võrgustike tekkimise ja arendamise toetamine"),
            List.of("5", "Sotsiaalse innovatsiooni alaste teadmiste ja parimate praktikate kogumine, süstematiseerimine ja levitamine"),
            List.of("6", "Üldised (horisontaalsed) tegevused, sealhulgas tegevuskavade koostamine"));

    private SeedProject() {
    }

    public static Map<String, Object> registration(String id) {
        return Registration.of(id, "Kodanikuühiskonna pädevuse suurendamine, üldsuse teadlikkuse tõstmine ja teabe "
                + "levitamine sotsiaalse innovatsiooni teemadel");
    }

    public static List<Map<String, Object>> budgetLines() {
        return List.of(
                line("AT1-SERVICES", "1", "SERVICES", "120000.00"),
                line("AT2-SERVICES", "2", "SERVICES", "80000.00"),
                line("AT3-SERVICES", "3", "SERVICES", "60000.00"),
                line("AT4-SERVICES", "4", "SERVICES", "40000.00"),
                line("AT5-SERVICES", "5", "SERVICES", "30000.00"),
                line("AT6-STAFF", "6", "STAFF", "400000.00"),
                line("AT6-TRAVEL", "6", "TRAVEL", "20000.00"),
                Map.of("code", "AT6-INDIRECT", "subActivity", "6", "costCategory", "INDIRECT",
                        "flatRate", Map.of("percent", "15", "ofCostCategory", "STAFF")));
    }

    public static List<Map<String, Object>> indicators() {
        return List.of(
                indicator("O1", "Nõustatud organisatsioonide arv", "organisatsioon", "OUTPUT", "NUMBER", "SUM", true,
                        "0", List.of(Map.of("date", "2025-12-31", "value", "20"), Map.of("date", "2026-12-31", "value", "60")), "150"),
                indicator("O2", "Koolitustel osalenud nõustajate arv", "inimene", "OUTPUT", "NUMBER", "SUM", true,
                        "0", List.of(Map.of("date", "2024-12-31", "value", "0"), Map.of("date", "2025-12-31", "value", "40")), "200"),
                indicator("R1", "Sotsiaalse innovatsiooni teadlikkus sihtrühmas", "%", "RESULT", "PERCENTAGE", "LATEST", true,
                        "12.5", List.of(Map.of("date", "2026-12-31", "value", "20")), "30"),
                indicator("R2", "Võrgustiku liikmete arv", "organisatsioon", "RESULT", "NUMBER", "MAX", true,
                        "10", List.of(Map.of("date", "2025-12-31", "value", "25")), "100"),
                indicator("R3", "Nõustamisteenuse ooteaeg", "päev", "RESULT", "NUMBER", "LATEST", false,
                        "60", List.of(Map.of("date", "2025-12-31", "value", "45")), "30"),
                Map.of("code", "T1", "name", "Kompetentsikeskuse tegevuskava", "unit", "dokument", "kind", "OUTPUT",
                        "measure", "TEXT", "aggregation", "LATEST"));
    }

    /** Sets the seed project up under {@code id} and answers the position of the last write. */
    public static long setUp(Api admin, String id) {
        return setUp(admin, id, registration(id));
    }

    /** The same, registered under a programme of the test's own (a registered one, for the programme pages). */
    public static long setUpIn(Api admin, String id, String programme) {
        Map<String, Object> registration = new LinkedHashMap<>(registration(id));
        registration.put("programme", programme);
        return setUp(admin, id, registration);
    }

    private static long setUp(Api admin, String id, Map<String, Object> registration) {
        Api.Response registered = admin.post("/api/v1/projects", registration);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long position = registered.position();
        String base = "/api/v1/projects/" + Api.seg(id);
        for (List<String> sub : SUB_ACTIVITIES) {
            position = created(admin.post(base + "/sub-activities", Map.of("code", sub.get(0), "name", sub.get(1))));
        }
        for (Map<String, Object> line : budgetLines()) {
            position = created(admin.post(base + "/budget-lines", line));
        }
        for (Map<String, Object> indicator : indicators()) {
            position = created(admin.post(base + "/indicators", indicator));
        }
        return position;
    }

    private static long created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.position();
    }

    static Map<String, Object> line(String code, String sub, String category, String planned) {
        return Map.of("code", code, "subActivity", sub, "costCategory", category, "planned", planned);
    }

    static Map<String, Object> indicator(String code, String name, String unit, String kind, String measure,
                                         String aggregation, boolean ascending, String baseline,
                                         List<Map<String, String>> milestones, String target) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("unit", unit);
        body.put("kind", kind);
        body.put("measure", measure);
        body.put("aggregation", aggregation);
        body.put("ascending", ascending);
        body.put("baseline", baseline);
        body.put("milestones", milestones);
        body.put("target", target);
        return body;
    }
}
