package io.seire.tools.bench;

import io.seire.ops.Registration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report-document figure: a project the size of the seed report's (six sub-activities with narratives of the
 * seed's length over two periods, eight budget lines with a flat rate, six indicators, staffing, 600 expenditures),
 * its 2025 report submitted and approved, then the PDF rendered over HTTP again and again: the first time and the
 * median. Target: under one second.
 */
final class ReportBench {

    record Result(double firstMs, double medianMs, double p95Ms, int bytes, int pages) {
    }

    private static final String PDF = "application/pdf";
    /** About as long as a sub-activity narrative of the seed report (section 7). */
    private static final String NARRATIVE = ("Sotsiaalse mõjuga innovaatiliste toodete ja teenuste arendamise alane "
            + "nõustamine – konsulteerides erinevate osapooltega selgus, et kasulik on hanke alusdokumentide "
            + "ettevalmistamiseks esmalt läbi viia kaardistusuuring, mille raames kaardistada ära nõustamisteenuse "
            + "sihtrühma hetkeolukord, arenguvajadused ning praegu turul olevad temaatilised nõustamisteenused. ")
            .repeat(6);

    private final Http http;

    ReportBench(Http http) {
        this.http = http;
    }

    Result run(String id, int renders) {
        String base = "/api/v1/projects/" + Http.seg(id);
        expect(http.post("/api/v1/projects", withContract(Registration.of(id, "Kodanikuühiskonna pädevuse "
                + "suurendamine, üldsuse teadlikkuse tõstmine ja teabe levitamine sotsiaalse innovatsiooni teemadel"))), 201);
        for (int i = 1; i <= 6; i++) {
            expect(http.post(base + "/sub-activities", Map.of("code", String.valueOf(i), "name",
                    "Alategevus " + i + ": sotsiaalse innovatsiooni alaste teadmiste ja praktikate levitamine")), 201);
        }
        String[][] lines = {{"AT1-SERVICES", "1", "SERVICES", "120000.00"}, {"AT2-SERVICES", "2", "SERVICES", "80000.00"},
                {"AT3-SERVICES", "3", "SERVICES", "60000.00"}, {"AT4-SERVICES", "4", "SERVICES", "40000.00"},
                {"AT5-SERVICES", "5", "SERVICES", "30000.00"}, {"AT6-STAFF", "6", "STAFF", "400000.00"},
                {"AT6-TRAVEL", "6", "TRAVEL", "20000.00"}};
        for (String[] l : lines) {
            expect(http.post(base + "/budget-lines", Map.of("code", l[0], "subActivity", l[1], "costCategory", l[2],
                    "planned", l[3])), 201);
        }
        expect(http.post(base + "/budget-lines", Map.of("code", "AT6-INDIRECT", "subActivity", "6",
                "costCategory", "INDIRECT", "flatRate", Map.of("percent", "15", "ofCostCategory", "STAFF"))), 201);
        String[][] indicators = {{"O1", "SUM", "0", "20", "150"}, {"O2", "SUM", "0", "40", "200"},
                {"R1", "LATEST", "12.5", "20", "30"}, {"R2", "MAX", "10", "25", "100"}, {"R3", "LATEST", "60", "45", "30"}};
        for (String[] i : indicators) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", i[0]);
            body.put("name", "Näitaja " + i[0] + ": sotsiaalse innovatsiooni teadlikkus sihtrühmas");
            body.put("unit", "organisatsioon");
            body.put("kind", i[0].startsWith("O") ? "OUTPUT" : "RESULT");
            body.put("measure", "NUMBER");
            body.put("aggregation", i[1]);
            body.put("ascending", !i[0].equals("R3"));
            body.put("baseline", i[2]);
            body.put("milestones", List.of(Map.of("date", "2025-12-31", "value", i[3])));
            body.put("target", i[4]);
            expect(http.post(base + "/indicators", body), 201);
        }
        expect(http.post(base + "/indicators", Map.of("code", "T1", "name", "Kompetentsikeskuse tegevuskava",
                "kind", "OUTPUT", "measure", "TEXT", "aggregation", "LATEST")), 201);
        StringBuilder csv = new StringBuilder("id;budgetLine;amount;incurredOn;paidOn;supplier;invoice;description\n");
        for (int i = 0; i < 600; i++) {
            csv.append("D-").append(i).append(";").append(lines[i % lines.length][0]).append(";")
                    .append(i % lines.length == 5 ? "150,00" : "25,50").append(";")
                    .append(i % 2 == 0 ? String.format("%02d.%02d.2025", 1 + i % 28, 1 + i % 12)
                            : String.format("%02d.%02d.2024", 1 + i % 28, 6 + i % 7))
                    .append(";;Tarnija OÜ;A-").append(i).append(";Kulu ").append(i).append('\n');
        }
        expect(http.postCsv(base + "/expenditures/import?file=bench.csv", csv.toString().getBytes(StandardCharsets.UTF_8)), 201);
        for (String period : List.of("2024", "2025")) {
            for (int s = 1; s <= 6; s++) {
                expect(http.post(base + "/sub-activities/" + s + "/progress", Map.of("period", period, "status", "ON_TRACK",
                        "summary", NARRATIVE, "problems", "Pakkumusi ei laekunud.", "measures",
                        "Hange kuulutatakse uuesti välja.")), 201);
            }
            for (String[] i : indicators) {
                expect(http.post(base + "/indicators/" + i[0] + "/values", Map.of("period", period,
                        "value", i[0].equals("R3") ? "50" : "15", "note", "Märkus " + i[0], "evidence", "Register")), 201);
            }
        }
        String[][] staff = {{"PJ", "Projektijuht", "Evelyn Valtin"}, {"K1", "Koordinaator", "Sandra Paulus"},
                {"K2", "Koordinaator", "Elmo Puidet"}, {"KS", "Kommunikatsioonispetsialist", "Maris Praats"}};
        for (String[] s : staff) {
            expect(http.post(base + "/positions", Map.of("code", s[0], "title", s[1], "subActivities", List.of("6"),
                    "openedOn", "2024-06-01")), 201);
            expect(http.post(base + "/positions/" + s[0] + "/hires", Map.of("name", s[2], "startDate", "2024-09-01",
                    "workloadPercent", "100")), 201);
        }
        expect(http.post(base + "/positions", Map.of("code", "IT", "title", "IT-spetsialist", "subActivities", List.of("3"),
                "openedOn", "2024-06-01")), 201);
        expect(http.post(base + "/positions/IT/recruitment-failures", Map.of("date", "2024-11-30",
                "reason", "Sobivat IT-spetsialisti ei leitud")), 201);
        expect(http.post(base + "/reports", Map.of("id", "R-2024", "period", "2024", "kind", "INTERIM",
                "assessment", NARRATIVE)), 201);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", "R-2025");
        report.put("period", "2025");
        report.put("kind", "INTERIM");
        report.put("assessment", NARRATIVE);
        report.put("author", Map.of("name", "Evelyn Valtin", "position", "Projektijuht"));
        report.put("confirmedBy", Map.of("name", "Tiina Oraste", "position", "Juhataja"));
        Http.Answer submitted = http.post(base + "/reports", report);
        expect(submitted, 201);
        Http.Answer approved = http.post(base + "/reports/R-2025/approval", Map.of("comment", "Kinnitatud"));
        expect(approved, 200);
        String path = base + "/reports/R-2025?lang=et&minPosition=" + approved.position();

        long start = System.nanoTime();
        byte[] first = http.download(path, PDF);
        double firstMs = (System.nanoTime() - start) / 1e6;
        long[] nanos = new long[renders];
        for (int i = 0; i < renders; i++) {
            long t = System.nanoTime();
            byte[] again = http.download(path, PDF);
            nanos[i] = System.nanoTime() - t;
            if (!Arrays.equals(first, again)) {
                throw new IllegalStateException("The same report rendered different bytes");
            }
        }
        Arrays.sort(nanos);
        return new Result(firstMs, nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(0.95 * nanos.length) - 1] / 1e6,
                first.length, pages(first));
    }

    private static Map<String, Object> withContract(Map<String, Object> registration) {
        registration.put("contractNumber", "SIM-2024/0042");
        return registration;
    }

    /** Page objects in the file (each "/Type /Page" that is not "/Pages"). */
    private static int pages(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        List<Integer> found = new ArrayList<>();
        for (int i = text.indexOf("/Type/Page"); i >= 0; i = text.indexOf("/Type/Page", i + 1)) {
            if (!text.startsWith("/Type/Pages", i)) {
                found.add(i);
            }
        }
        return found.size();
    }

    private static void expect(Http.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
    }
}
