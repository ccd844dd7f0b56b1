package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ADR 0020: users and projects never share an event stream, whichever is registered first, so neither can load the
 * other's events nor append to the other's stream.
 */
class AggregateStreamsApiTest extends ApiTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void a_project_named_like_an_existing_user_is_registered_and_both_keep_working() {
        String name = unique("shared");
        Api user = user(name);
        long position = SeedProject.setUp(admin, name);

        assertThat(user.get("/api/v1/projects").status()).isEqualTo(200);
        assertWorks(name, position);
        assertStreams(name);
    }

    @Test
    void a_user_named_like_an_existing_project_is_created_and_both_keep_working() {
        String name = unique("shared");
        long position = SeedProject.setUp(admin, name);
        Api user = user(name);

        assertThat(user.get("/api/v1/projects").status()).isEqualTo(200);
        assertWorks(name, position);
        assertStreams(name);
    }

    private Api user(String name) {
        Api.Response created = admin.post("/api/v1/users", Map.of("username", name, "password", "Parool-õ-123",
                "roles", List.of("FINANCE"), "projects", List.of(name), "programmes", List.of()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return admin.as(name, "Parool-õ-123");
    }

    /** The project records and shows an expenditure, and its audit chain verifies. */
    private void assertWorks(String project, long after) {
        String base = "/api/v1/projects/" + Api.seg(project);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("budgetLine", "AT6-TRAVEL");
        body.put("amount", "12.30");
        body.put("incurredOn", "2024-07-01");
        Api.Response spent = admin.as(project, "Parool-õ-123").post(base + "/expenditures", body);
        assertThat(spent.status()).as(spent.body()).isEqualTo(201);
        long position = Math.max(after, spent.position());
        Api.Response list = admin.get(base + "/expenditures?minPosition=" + position);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().path("total").asInt()).isEqualTo(1);
        Api.Response verification = admin.get(base + "/audit-trail/verification?minPosition=" + position);
        assertThat(verification.json().path("valid").asBoolean()).as(verification.body()).isTrue();
    }

    private void assertStreams(String name) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT DISTINCT type FROM domainevententry WHERE aggregateidentifier = ?",
                String.class, name)).containsExactly("Project");
        assertThat(jdbc.queryForList("SELECT DISTINCT type FROM domainevententry WHERE aggregateidentifier = ?",
                String.class, "user/" + name)).containsExactly("UserAccount");
    }
}
