package io.seire.ops;

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
                        "--seire.admin-password-file=target/admin-password", "--spring.application.name=seire-" + mode);
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
            assertThat(command.getBeanNamesForType(io.seire.query.read.ReadGate.class)).isEmpty();
            assertThat(query.getBeanNamesForType(io.seire.command.write.WriteExecutor.class)).isEmpty();
        }
    }
}
