package io.seire.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registration body of a project like the seed one (Swiss–Estonian programme, June 2024 – July 2028), for the
 * benchmark tools and the API tests alike.
 */
public final class Registration {

    static final String[][] PERIODS = {{"2024", "2024-06-01", "2024-12-31"}, {"2025", "2025-01-01", "2025-12-31"},
            {"2026", "2026-01-01", "2026-12-31"}, {"2027", "2027-01-01", "2027-12-31"}, {"2028", "2028-01-01", "2028-07-31"}};

    private Registration() {
    }

    public static Map<String, Object> of(String id, String name) {
        return of(id, name, "Šveitsi-Eesti koostööprogramm", null);
    }

    /** The same project as a member of {@code programme}, in {@code component} (null: none). */
    public static Map<String, Object> of(String id, String name, String programme, String component) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("programme", programme);
        if (component != null) {
            body.put("component", component);
        }
        body.put("beneficiary", "SA Kodanikuühiskonna Sihtkapital");
        body.put("currency", "EUR");
        body.put("eligibleFrom", "2024-06-01");
        body.put("eligibleTo", "2028-07-31");
        body.put("flexibilityPercent", "10");
        List<Map<String, String>> periods = new ArrayList<>();
        for (String[] p : PERIODS) {
            periods.add(Map.of("id", p[0], "from", p[1], "to", p[2]));
        }
        body.put("reportingPeriods", periods);
        return body;
    }
}
