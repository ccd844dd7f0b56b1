package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side and the query side as two separate applications on one PostgreSQL (what SEIRE_MODE=command and
 * SEIRE_MODE=query start): a write to one is read from the other. ops/scale-out shows the same with processes.
 */
class SplitDeploymentTest {

    static ConfigurableApplicationContext start(String mode) {
        return new SpringApplicationBuilder(SeireApplication.sources(mode))
                .run("--spring.datasource.url=" + TestDatabase.url(), "--spring.datasource.username=postgres",
                        "--server.port=0", "--SEIRE_ADMIN_PASSWORD=" + ApiTestBase.ADMIN_PASSWORD,
                        "--seire.admin-password-file=target/admin-password", "--spring.application.name=seire-" + mode,
                        "--seire.personal-data.master-key=" + ApiTestBase.MASTER_KEY);
    }

    static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void a_write_to_the_command_side_is_read_from_the_query_side() {
        try (ConfigurableApplicationContext command = start("command");
             ConfigurableApplicationContext query = start("query")) {
            Api writes = new Api(url(command), "admin", ApiTestBase.ADMIN_PASSWORD);
            Api reads = new Api(url(query), "admin", ApiTestBase.ADMIN_PASSWORD);
            String id = "split-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "-Ü";
            Api.Response registered = writes.post("/api/v1/projects", SeedProject.registration(id));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);

            Api.Response read = reads.get("/api/v1/projects/" + Api.seg(id) + "?minPosition=" + registered.position());
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().path("beneficiary").asText()).isEqualTo("SA Kodanikuühiskonna Sihtkapital");

            assertThat(writes.get("/api/v1/projects").status()).as("the command side serves no reads").isIn(404, 405);
            assertThat(reads.post("/api/v1/projects", SeedProject.registration(id + "x")).status())
                    .as("the query side serves no writes").isIn(404, 405);
            Api.Response noKey = reads.get("/api/v1/projects/" + Api.seg(id) + "/audit-trail/head");
            assertThat(noKey.status()).as("a query node without a chain signing key cannot sign heads").isEqualTo(503);
            assertThat(noKey.json().path("detail").asText()).contains("SEIRE_CHAIN_SIGNING_KEY");
            assertThat(reads.get("/api/v1/audit-trail/signing-key").status()).isEqualTo(503);
            assertThat(reads.get("/api/v1/projects/" + Api.seg(id) + "/audit-trail/verification").json()
                    .path("valid").asBoolean()).as("verification needs no key").isTrue();
            assertThat(command.getBeanNamesForType(io.seire.query.read.ReadGate.class)).isEmpty();
            assertThat(query.getBeanNamesForType(io.seire.command.write.WriteExecutor.class)).isEmpty();
        }
    }

    /**
     * A node decides on its cached copy of a project without asking the store first (issue 16). When that copy is behind
     * (another node added a budget line since), a refusal by it is not the answer: the write is decided again on the
     * project as stored, and recorded. A write that succeeds on a copy that is behind meets the event table's unique key
     * and is retried, as in the race below.
     */
    @Test
    void a_write_refused_by_a_cached_copy_another_node_has_written_past_is_decided_again_on_the_project_as_stored() {
        try (ConfigurableApplicationContext first = start("command");
             ConfigurableApplicationContext second = start("command")) {
            Api a = new Api(url(first), "admin", ApiTestBase.ADMIN_PASSWORD);
            Api b = new Api(url(second), "admin", ApiTestBase.ADMIN_PASSWORD);
            String id = "stale-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            String base = "/api/v1/projects/" + Api.seg(id);
            assertThat(a.post("/api/v1/projects", SeedProject.registration(id)).status()).isEqualTo(201);
            assertThat(a.post(base + "/sub-activities", java.util.Map.of("code", "1", "name", "Üks")).status())
                    .isEqualTo(201); // the first node has the project cached now
            Api.Response line = b.post(base + "/budget-lines", java.util.Map.of("code", "L", "subActivity", "1",
                    "costCategory", "STAFF", "planned", "1000.00"));
            assertThat(line.status()).as(line.body()).isEqualTo(201);

            Api.Response spent = a.post(base + "/expenditures", java.util.Map.of("id", "E1", "budgetLine", "L",
                    "amount", "30.00", "incurredOn", "2024-07-01", "description", "Tööjõukulu õppereisil"));
            assertThat(spent.status()).as(spent.body()).isEqualTo(201);
            assertThat(spent.position()).isGreaterThan(line.position());
            // and a refusal on the current copy is still a refusal
            Api.Response unknown = a.post(base + "/expenditures", java.util.Map.of("id", "E2", "budgetLine", "NO",
                    "amount", "30.00", "incurredOn", "2024-07-01"));
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        }
    }

    /**
     * Two command nodes, each with its own cache of the project, race on one project. The loser of each race meets
     * the event table's unique key, is rolled back and retried on fresh state: every write is recorded exactly
     * once, and a budget rule still holds across nodes.
     */
    @Test
    void two_command_nodes_racing_on_one_project_are_serialised_and_retried() throws Exception {
        try (ConfigurableApplicationContext first = start("command");
             ConfigurableApplicationContext second = start("command");
             ConfigurableApplicationContext query = start("query")) {
            Api a = new Api(url(first), "admin", ApiTestBase.ADMIN_PASSWORD);
            Api b = new Api(url(second), "admin", ApiTestBase.ADMIN_PASSWORD);
            Api reads = new Api(url(query), "admin", ApiTestBase.ADMIN_PASSWORD);
            String id = "race-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            String base = "/api/v1/projects/" + Api.seg(id);
            java.util.Map<String, Object> registration = new java.util.LinkedHashMap<>(SeedProject.registration(id));
            registration.put("flexibilityPercent", "0");
            assertThat(a.post("/api/v1/projects", registration).status()).isEqualTo(201);
            assertThat(a.post(base + "/sub-activities", java.util.Map.of("code", "1", "name", "Üks")).status()).isEqualTo(201);
            assertThat(b.post(base + "/budget-lines", java.util.Map.of("code", "L", "subActivity", "1",
                    "costCategory", "STAFF", "planned", "1000.00")).status()).isEqualTo(201);

            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                java.util.List<java.util.concurrent.Future<Api.Response>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    Api node = i % 2 == 0 ? a : b;
                    int n = i;
                    answers.add(pool.submit(() -> node.post(base + "/expenditures", java.util.Map.of("id", "E" + n,
                            "budgetLine", "L", "amount", "30.00", "incurredOn", "2024-07-01"))));
                }
                int recorded = 0;
                int refused = 0;
                long last = 0;
                for (var answer : answers) {
                    Api.Response r = answer.get();
                    assertThat(r.status()).as(r.body()).isIn(201, 422);
                    if (r.status() == 201) {
                        recorded++;
                        last = Math.max(last, r.position());
                    } else {
                        refused++;
                        assertThat(r.json().path("type").asText()).isEqualTo("/problems/line-within-flexibility");
                    }
                }
                // 1000.00 planned, no flexibility: 33 × 30.00 = 990.00 fit, the 34th does not
                assertThat(recorded).isEqualTo(33);
                assertThat(refused).isEqualTo(7);
                Api.Response list = reads.get(base + "/expenditures?size=100&minPosition=" + last);
                assertThat(list.json().path("total").asInt()).isEqualTo(33);
            } finally {
                pool.shutdown();
            }
        }
    }
}
