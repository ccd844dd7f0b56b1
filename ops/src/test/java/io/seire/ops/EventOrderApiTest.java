package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * ADR 0019: an import far larger than the token's gap offset ({@code seire.event-store.max-gap-offset}, set to 100
 * for every API test), recorded while another client keeps writing to another project, reaches every view whole.
 */
class EventOrderApiTest extends ApiTestBase {

    private static final int ROWS = 1_500;

    @Test
    void an_import_larger_than_the_gap_offset_beside_a_concurrent_writer_reaches_every_view() throws Exception {
        String big = SeedProject.CODE + "-" + unique("big");
        String other = SeedProject.CODE + "-" + unique("other");
        SeedProject.setUp(admin, big);
        SeedProject.setUp(admin, other);
        Api bigFinance = user("FINANCE", List.of(big), List.of());
        Api otherFinance = user("FINANCE", List.of(other), List.of());
        StringBuilder csv = new StringBuilder("id,budgetLine,amount,incurredOn,paidOn,supplier,invoice,description\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("R-").append(i).append(",AT6-TRAVEL,1.00,2024-07-01,,Bussifirma,B-").append(i)
                    .append(",Sõit nr ").append(i).append('\n');
        }

        ExecutorService writer = Executors.newSingleThreadExecutor();
        AtomicBoolean importing = new AtomicBoolean(true);
        List<Long> otherPositions = new ArrayList<>();
        Future<Integer> small = writer.submit(() -> {
            int n = 0;
            while (importing.get() || n < 20) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", "S-" + n);
                body.put("budgetLine", "AT6-TRAVEL");
                body.put("amount", "2.00");
                body.put("incurredOn", "2024-07-02");
                body.put("supplier", "Takso");
                body.put("invoice", "T-" + n);
                Api.Response r = otherFinance.post("/api/v1/projects/" + Api.seg(other) + "/expenditures", body);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                otherPositions.add(r.position());
                n++;
            }
            return n;
        });
        Api.Response imported;
        try {
            imported = bigFinance.postRaw("/api/v1/projects/" + Api.seg(big) + "/expenditures/import", "text/csv",
                    csv.toString().getBytes(StandardCharsets.UTF_8));
        } finally {
            importing.set(false);
        }
        int smallWrites = small.get(60, TimeUnit.SECONDS);
        writer.shutdown();
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(ROWS);

        long head = Math.max(imported.position(), otherPositions.stream().mapToLong(Long::longValue).max().orElse(0));
        Api.Response bigList = bigFinance.get("/api/v1/projects/" + Api.seg(big) + "/expenditures?size=1&minPosition="
                + head);
        assertThat(bigList.status()).as(bigList.body()).isEqualTo(200);
        assertThat(bigList.json().path("total").asInt()).isEqualTo(ROWS);
        Api.Response otherList = otherFinance.get("/api/v1/projects/" + Api.seg(other)
                + "/expenditures?size=1&minPosition=" + head);
        assertThat(otherList.json().path("total").asInt()).isEqualTo(smallWrites);
        Api.Response execution = bigFinance.get("/api/v1/projects/" + Api.seg(big)
                + "/budget-execution?to=2024-12-31&minPosition=" + head);
        assertThat(execution.json().path("totals").path("spentCumulative").asText())
                .isEqualTo("1500.00");
    }
}
