package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Results framework, activity progress and staffing end to end over HTTP. */
class ResultsApiTest extends ApiTestBase {

    static final List<String> NARRATIVES_2024 = List.of(
            "Käivitati koostöö RTK-ga hangete korraldamise teenuse osas ning koostati hankeplaan ja hangete ajakava.",
            "Koostati arenguvajaduste kaardistamise kontseptsioon; pakkumuskutse koostatakse 2025. a. I kvartalis.",
            "Novembris asus tööle alategevuste 3, 4 ja 5 koordinaator ning detsembris kommunikatsioonispetsialist; loodi LinkedIn-i profiil.",
            "Tehti algust alategevuse sihtrühma ja sotsiaalse innovatsiooni valdkonna tegijate täpsema kaardistamisega.",
            "Tehti algust käsiraamatu ja andmebaasi kontseptsioonide loomisega.",
            "Toimus projekti personali värbamine; IT-spetsialisti konkursi tulemusena sobivat kandidaati ei leitud.");

    private String project;
    private String base;
    private Api manager;
    private long position;

    @BeforeEach
    void project() {
        project = SeedProject.CODE + "-" + unique("res");
        base = "/api/v1/projects/" + Api.seg(project);
        position = SeedProject.setUp(admin, project);
        manager = user("MANAGER", List.of(project), List.of());
    }

    private Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        position = Math.max(position, r.position());
        return r;
    }

    private Api.Response value(String indicator, String id, String period, String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("period", period);
        body.put("value", value);
        body.put("note", "Märkus " + id);
        body.put("evidence", "https://kysk.ee/aruanded/" + id);
        return manager.post(base + "/indicators/" + indicator + "/values", body);
    }

    private Map<String, JsonNode> framework(String period) {
        Api.Response r = manager.get(base + "/results-framework?period=" + period + "&minPosition=" + position);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> rows = new HashMap<>();
        r.json().forEach(row -> rows.put(row.path("code").asText(), row));
        return rows;
    }

    private static void row(JsonNode row, String milestone, String inPeriod, String cumulative, String percent,
                            String status) {
        assertThat(text(row.path("milestone"))).as("milestone of " + row).isEqualTo(milestone);
        assertThat(text(row.path("valueInPeriod"))).as("valueInPeriod of " + row).isEqualTo(inPeriod);
        assertThat(text(row.path("cumulative"))).as("cumulative of " + row).isEqualTo(cumulative);
        assertThat(text(row.path("percentOfTarget"))).as("percentOfTarget of " + row).isEqualTo(percent);
        assertThat(text(row.path("status"))).as("status of " + row).isEqualTo(status);
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    @Test
    void the_2024_period_of_the_seed_report_is_recorded_and_read_back_exactly() {
        for (int i = 0; i < 6; i++) {
            ok(manager.post(base + "/sub-activities/" + (i + 1) + "/progress", Map.of("period", "2024",
                    "status", i == 5 ? "DELAYED" : "ON_TRACK", "summary", NARRATIVES_2024.get(i),
                    "problems", i == 5 ? "Sobivat IT-spetsialisti ei leitud." : "",
                    "measures", i == 5 ? "Kaasatakse KÜSKi IT-spetsialist vastavalt vajadusele." : "",
                    "nextSteps", "Jätkatakse 2025. aastal.")));
        }
        ok(manager.post(base + "/positions", Map.of("code", "PJ", "title", "Projektijuht", "subActivities", List.of("6"),
                "openedOn", "2024-06-01")));
        ok(manager.post(base + "/positions", Map.of("code", "KOORD-1", "title", "Alategevuste koordinaator",
                "subActivities", List.of("1", "2"), "openedOn", "2024-06-01")));
        ok(manager.post(base + "/positions", Map.of("code", "IT", "title", "IT-spetsialist", "subActivities", List.of("6"),
                "openedOn", "2024-08-01")));
        ok(manager.post(base + "/positions", Map.of("code", "KOORD-2", "title", "Alategevuste koordinaator",
                "subActivities", List.of("3", "4", "5"), "openedOn", "2024-09-01")));
        ok(manager.post(base + "/positions", Map.of("code", "KOMM", "title", "Kommunikatsioonispetsialist",
                "subActivities", List.of("3"), "openedOn", "2024-10-01")));
        ok(manager.post(base + "/positions/IT/recruitment-failures", Map.of("date", "2024-10-15",
                "reason", "Konkursi tulemusena sobivat IT-spetsialisti ei leitud ega värvatud.")));
        Api.Response evelyn = ok(manager.post(base + "/positions/PJ/hires", Map.of("staffId", "S-EV", "name", "Evelyn Valtin",
                "startDate", "2024-06-01", "workloadPercent", "100")));
        assertThat(evelyn.json().path("id").asText()).isEqualTo("S-EV");
        ok(manager.post(base + "/positions/KOORD-1/hires", Map.of("name", "Sandra Paulus", "startDate", "2024-06-01",
                "workloadPercent", "100")));
        ok(manager.post(base + "/positions/KOORD-2/hires", Map.of("name", "Elmo Puidet", "startDate", "2024-11-01",
                "workloadPercent", "100")));
        ok(manager.post(base + "/positions/KOMM/hires", Map.of("name", "Maris Praats", "startDate", "2024-12-01",
                "workloadPercent", "100")));
        ok(value("O1", "O1-2024", "2024", "0"));
        ok(value("O2", "O2-2024", "2024", "2"));
        ok(value("R1", "R1-2024", "2024", "12.5"));
        ok(value("R2", "R2-2024", "2024", "14"));
        ok(value("R3", "R3-2024", "2024", "60"));
        ok(value("T1", "T1-2024", "2024", "Tegevuskava 2024–2025 koostatud; täiendatakse jooksvalt."));

        Api.Response progress = manager.get(base + "/activity-progress?period=2024&minPosition=" + position);
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        JsonNode subs = progress.json().path("subActivities");
        assertThat(subs).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(subs.get(i).path("subActivity").asText()).isEqualTo(String.valueOf(i + 1));
            assertThat(subs.get(i).path("name").asText()).isEqualTo(SeedProject.SUB_ACTIVITIES.get(i).get(1));
            assertThat(subs.get(i).path("summary").asText()).isEqualTo(NARRATIVES_2024.get(i));
        }
        assertThat(subs.get(5).path("status").asText()).isEqualTo("DELAYED");
        assertThat(subs.get(5).path("measures").asText()).isEqualTo("Kaasatakse KÜSKi IT-spetsialist vastavalt vajadusele.");

        JsonNode onYearEnd = manager.get(base + "/staffing?on=2024-12-31").json();
        assertThat(onYearEnd.path("fte").asText()).isEqualTo("4.00");
        Map<String, JsonNode> positions = new HashMap<>();
        onYearEnd.path("positions").forEach(p -> positions.put(p.path("code").asText(), p));
        assertThat(positions).hasSize(5);
        assertThat(positions.get("IT").path("holder").isNull()).isTrue();
        assertThat(positions.get("IT").path("fte").asText()).isEqualTo("0.00");
        assertThat(positions.get("PJ").path("holder").path("name").asText()).isEqualTo("Evelyn Valtin");
        assertThat(positions.get("KOORD-2").path("holder").path("name").asText()).isEqualTo("Elmo Puidet");
        assertThat(positions.get("KOORD-2").path("subActivities").toString()).isEqualTo("[\"3\",\"4\",\"5\"]");
        assertThat(positions.get("KOMM").path("holder").path("startDate").asText()).isEqualTo("2024-12-01");

        JsonNode onOctober = manager.get(base + "/staffing?on=2024-10-31").json();
        assertThat(onOctober.path("fte").asText()).isEqualTo("2.00");

        JsonNode changes = manager.get(base + "/staffing?period=2024").json().path("changes");
        assertThat(changes).hasSize(10);
        StringBuilder story = new StringBuilder();
        changes.forEach(c -> story.append(c.path("date").asText()).append(' ').append(c.path("type").asText())
                .append(' ').append(c.path("position").asText()).append(c.has("name") ? " " + c.path("name").asText() : "")
                .append('\n'));
        assertThat(story.toString()).isEqualTo("""
                2024-06-01 POSITION_OPENED PJ
                2024-06-01 POSITION_OPENED KOORD-1
                2024-06-01 HIRED PJ Evelyn Valtin
                2024-06-01 HIRED KOORD-1 Sandra Paulus
                2024-08-01 POSITION_OPENED IT
                2024-09-01 POSITION_OPENED KOORD-2
                2024-10-01 POSITION_OPENED KOMM
                2024-10-15 RECRUITMENT_FAILED IT
                2024-11-01 HIRED KOORD-2 Elmo Puidet
                2024-12-01 HIRED KOMM Maris Praats
                """);
        assertThat(changes.get(7).path("reason").asText()).contains("sobivat IT-spetsialisti ei leitud");

        Map<String, JsonNode> rf = framework("2024");
        assertThat(rf).hasSize(6);
        assertThat(rf.get("O1").path("name").asText()).isEqualTo("Nõustatud organisatsioonide arv");
        row(rf.get("O1"), null, "0", "0", "0.00", null);
        row(rf.get("O2"), "0", "2", "2", "1.00", "ON_TRACK");
        row(rf.get("R1"), null, "12.5", "12.5", "0.00", null);
        row(rf.get("R3"), null, "60", "60", "0.00", null);
        row(rf.get("T1"), null, "Tegevuskava 2024–2025 koostatud; täiendatakse jooksvalt.",
                "Tegevuskava 2024–2025 koostatud; täiendatakse jooksvalt.", null, null);
    }

    @Test
    void every_cumulative_figure_and_status_over_three_periods_matches_a_hand_computation() {
        ok(value("O1", "O1-a", "2024", "2"));
        ok(value("O1", "O1-b", "2024", "3"));
        ok(value("O1", "O1-c", "2025", "12"));
        ok(value("O1", "O1-d", "2026", "50"));
        ok(value("R1", "R1-25", "2025", "18"));
        ok(value("R1", "R1-26", "2026", "22"));
        ok(value("R2", "R2-24", "2024", "15"));
        ok(value("R2", "R2-25", "2025", "12"));
        ok(value("R2", "R2-26", "2026", "30"));
        ok(value("R3", "R3-24", "2024", "55"));
        ok(value("R3", "R3-25", "2025", "44"));
        ok(value("R3", "R3-26", "2026", "28"));
        ok(value("T1", "T1-24", "2024", "Tegevuskava koostamisel"));
        ok(value("T1", "T1-25", "2025", "Tegevuskava kinnitatud"));

        // O1 SUM, baseline 0, milestones 20 (2025) and 60 (2026), target 150
        // R1 LATEST %, baseline 12.5, milestone 20 (2026), target 30
        // R2 MAX, baseline 10, milestone 25 (2025), target 100
        // R3 LATEST descending, baseline 60, milestone 45 (2025), target 30
        Map<String, JsonNode> y24 = framework("2024");
        row(y24.get("O1"), null, "5", "5", "3.33", null);
        row(y24.get("R1"), null, null, "12.5", "0.00", null);
        row(y24.get("R2"), null, "15", "15", "5.56", null);
        row(y24.get("R3"), null, "55", "55", "16.67", null);
        row(y24.get("T1"), null, "Tegevuskava koostamisel", "Tegevuskava koostamisel", null, null);
        Map<String, JsonNode> y25 = framework("2025");
        row(y25.get("O1"), "20", "12", "17", "11.33", "BEHIND");
        row(y25.get("R1"), null, "18", "18", "31.43", null);
        row(y25.get("R2"), "25", "12", "15", "5.56", "BEHIND");
        row(y25.get("R3"), "45", "44", "44", "53.33", "ON_TRACK");
        row(y25.get("T1"), null, "Tegevuskava kinnitatud", "Tegevuskava kinnitatud", null, null);
        Map<String, JsonNode> y26 = framework("2026");
        row(y26.get("O1"), "60", "50", "67", "44.67", "ON_TRACK");
        row(y26.get("R1"), "20", "22", "22", "54.29", "ON_TRACK");
        row(y26.get("R2"), "25", "30", "30", "22.22", "ON_TRACK");
        row(y26.get("R3"), "45", "28", "28", "106.67", "ACHIEVED");
        row(y26.get("T1"), null, null, "Tegevuskava kinnitatud", null, null);

        // A back-dated SUM value for 2024, a correction of 2025's R1 and the retraction of 2026's R3 change the
        // periods they belong to and every later cumulative figure, and nothing else.
        ok(value("O1", "O1-late", "2024", "4"));
        ok(manager.post(base + "/indicators/R1/values/R1-25/corrections", Map.of("value", "16",
                "reason", "Uuringu lõplik tulemus")));
        ok(manager.post(base + "/indicators/R3/values/R3-26/retraction", Map.of("reason", "Mõõdetud valel meetodil")));

        y24 = framework("2024");
        row(y24.get("O1"), null, "9", "9", "6.00", null);
        row(y24.get("R1"), null, null, "12.5", "0.00", null);
        row(y24.get("R2"), null, "15", "15", "5.56", null);
        row(y24.get("R3"), null, "55", "55", "16.67", null);
        y25 = framework("2025");
        row(y25.get("O1"), "20", "12", "21", "14.00", "ON_TRACK");
        row(y25.get("R1"), null, "16", "16", "20.00", null);
        row(y25.get("R2"), "25", "12", "15", "5.56", "BEHIND");
        row(y25.get("R3"), "45", "44", "44", "53.33", "ON_TRACK");
        y26 = framework("2026");
        row(y26.get("O1"), "60", "50", "71", "47.33", "ON_TRACK");
        row(y26.get("R1"), "20", "22", "22", "54.29", "ON_TRACK");
        row(y26.get("R2"), "25", "30", "30", "22.22", "ON_TRACK");
        row(y26.get("R3"), "45", null, "44", "53.33", "ON_TRACK");

        Api.Response second = value("R2", "R2-25b", "2025", "40");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("detail").asText()).contains("correct that value");
        assertThat(value("R1", "x", "2025", "130").status()).isEqualTo(400);
        assertThat(value("O1", "x", "2031", "1").status()).isEqualTo(422);
        assertThat(value("NOPE", "x", "2025", "1").status()).isEqualTo(404);
        assertThat(manager.get(base + "/results-framework").status()).isEqualTo(400);
        assertThat(manager.get(base + "/results-framework?period=1999").status()).isEqualTo(422);
    }

    @Test
    void a_later_progress_report_supersedes_the_earlier_which_stays_readable() {
        ok(manager.post(base + "/sub-activities/1/progress", Map.of("period", "2024", "status", "ON_TRACK",
                "summary", "Esimene versioon")));
        ok(manager.post(base + "/sub-activities/1/progress", Map.of("period", "2024", "status", "DELAYED",
                "summary", "Teine versioon", "problems", "Hange venis")));
        JsonNode sub1 = manager.get(base + "/activity-progress?period=2024&minPosition=" + position)
                .json().path("subActivities").get(0);
        assertThat(sub1.path("summary").asText()).isEqualTo("Teine versioon");
        assertThat(sub1.path("status").asText()).isEqualTo("DELAYED");
        assertThat(sub1.path("earlierVersions")).hasSize(1);
        assertThat(sub1.path("earlierVersions").get(0).path("summary").asText()).isEqualTo("Esimene versioon");
        assertThat(manager.post(base + "/sub-activities/1/progress", Map.of("period", "2024", "status", "LATE",
                "summary", "x")).status()).isEqualTo(400);
        assertThat(manager.post(base + "/sub-activities/9/progress", Map.of("period", "2024", "status", "ON_TRACK",
                "summary", "x")).status()).isEqualTo(404);
    }

    @Test
    void staffing_rules_answer_clearly_and_never_with_a_name() {
        ok(manager.post(base + "/positions", Map.of("code", "PJ", "title", "Projektijuht", "subActivities", List.of("6"),
                "openedOn", "2024-06-01")));
        Api.Response early = manager.post(base + "/positions/PJ/hires", Map.of("name", "Evelyn Valtin",
                "startDate", "2024-05-01", "workloadPercent", "100"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).doesNotContain("Evelyn");
        assertThat(manager.post(base + "/positions/PJ/hires", Map.of("name", "Evelyn Valtin", "startDate", "2024-06-01",
                "workloadPercent", "150")).status()).isEqualTo(400);
        ok(manager.post(base + "/positions/PJ/hires", Map.of("staffId", "EV", "name", "Evelyn Valtin",
                "startDate", "2024-06-01", "workloadPercent", "80")));
        Api.Response filled = manager.post(base + "/positions/PJ/hires", Map.of("name", "Teine Inimene",
                "startDate", "2024-07-01", "workloadPercent", "100"));
        assertThat(filled.status()).isEqualTo(409);
        assertThat(filled.body()).doesNotContain("Evelyn").doesNotContain("Teine Inimene");
        Api.Response backwards = manager.post(base + "/staff/EV/departure", Map.of("endDate", "2024-05-31"));
        assertThat(backwards.status()).isEqualTo(422);
        ok(manager.post(base + "/staff/EV/departure", Map.of("endDate", "2025-03-31", "reason", "Lahkus omal soovil")));
        assertThat(manager.get(base + "/staffing?on=2025-03-31&minPosition=" + position).json().path("fte").asText())
                .isEqualTo("0.80");
        assertThat(manager.get(base + "/staffing?on=2025-04-01").json().path("fte").asText()).isEqualTo("0.00");
        JsonNode departed = manager.get(base + "/staffing?period=2025").json().path("changes").get(0);
        assertThat(departed.path("type").asText()).isEqualTo("DEPARTED");
        assertThat(departed.path("name").asText()).isEqualTo("Evelyn Valtin");
        assertThat(manager.get(base + "/staffing").status()).isEqualTo(400);
    }
}
