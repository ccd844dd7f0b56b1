package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A user's life over HTTP: disabled and enabled, roles and memberships changed, passwords changed and reset, each
 * counting at the very next request, each audited with who did it; and no stored row or log line holding a password.
 */
@ExtendWith(OutputCaptureExtension.class)
class UsersApiTest extends ApiTestBase {

    static final String PASSWORD = "Parool-õ-123"; // what ApiTestBase.user gives

    @Autowired
    JdbcTemplate jdbc;

    static String path(String user, String action) {
        return "/api/v1/users/" + Api.seg(user) + "/" + action;
    }

    static void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static void refused(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.json().path("errors").findValuesAsText("field")).contains(field);
        }
    }

    @Test
    void a_disabled_user_is_refused_at_the_next_request_and_enabled_again() {
        Api kaja = user("FINANCE", List.of(), List.of());
        String name = kaja.username();
        assertThat(kaja.get("/api/v1/projects").status()).isEqualTo(200); // remembered from now on

        Api.Response disabled = admin.post(path(name, "disable"), Map.of("reason", "Lahkus projektist"));
        ok(disabled);
        assertThat(disabled.json().path("id").asText()).isEqualTo(name);
        assertThat(disabled.position()).isPositive();
        Api.Response signIn = kaja.get("/api/v1/projects");
        assertThat(signIn.status()).isEqualTo(401);
        assertThat(signIn.json().path("detail").asText()).contains("disabled");

        refused(admin.post(path(name, "disable"), Map.of("reason", "uuesti")), 409, null);
        refused(admin.post(path(name, "enable"), Map.of()), 400, "reason");
        refused(admin.post(path(name, "enable"), Map.of("reason", "x".repeat(io.seire.kernel.Bounds.MAX_LONG_TEXT + 1))), 400, "reason");
        ok(admin.post(path(name, "enable"), Map.of("reason", "Tuli tagasi")));
        assertThat(kaja.get("/api/v1/projects").status()).isEqualTo(200);
        refused(admin.post(path(name, "enable"), Map.of("reason", "uuesti")), 409, null);
    }

    @Test
    void only_administrators_disable_and_nobody_disables_themselves_or_a_user_who_does_not_exist() {
        Api manager = user("MANAGER", List.of(), List.of());
        Api other = user("FINANCE", List.of(), List.of());
        refused(manager.post(path(other.username(), "disable"), Map.of("reason", "ei meeldi")), 403, null);
        refused(admin.post(path("admin", "disable"), Map.of("reason", "kogemata")), 422, null);
        refused(admin.post(path(unique("keegi"), "disable"), Map.of("reason", "x")), 404, null);
        assertThat(other.get("/api/v1/projects").status()).isEqualTo(200);
    }

    @Test
    void new_roles_and_memberships_count_at_the_next_request() {
        String project = unique("rollid");
        long position = SeedProject.setUp(admin, project);
        String base = "/api/v1/projects/" + Api.seg(project) + "?minPosition=" + position;
        Api evelyn = user("MANAGER", List.of(), List.of());
        String name = evelyn.username();
        assertThat(evelyn.get(base).status()).isEqualTo(404);
        assertThat(evelyn.get("/api/v1/users").status()).isEqualTo(403);

        ok(admin.post(path(name, "roles"), Map.of("roles", List.of("MANAGER"), "projects", List.of(project),
                "programmes", List.of(), "reason", "Uus projekt")));
        assertThat(evelyn.get(base).status()).isEqualTo(200);
        ok(admin.post(path(name, "roles"), Map.of("roles", List.of("ADMIN"))));
        assertThat(evelyn.get("/api/v1/users").status()).isEqualTo(200);

        refused(admin.post(path(name, "roles"), Map.of("roles", List.of())), 400, "roles");
        refused(admin.post(path(name, "roles"), Map.of("roles", List.of("CLERK"))), 400, null);
        refused(admin.post(path("admin", "roles"), Map.of("roles", List.of("LIAISON"))), 422, "roles");
        refused(user("LIAISON", List.of(), List.of()).post(path(name, "roles"), Map.of("roles", List.of("ADMIN"))),
                403, null);
    }

    @Test
    void a_user_changes_their_own_password_confirming_the_current_one() {
        Api kaja = user("FINANCE", List.of(), List.of());
        String name = kaja.username();
        String changed = "Uus-salasõna-789";
        refused(kaja.post(path(name, "password"), Map.of("currentPassword", "Vale-parool-123",
                "newPassword", changed)), 400, "currentPassword");
        refused(kaja.post(path(name, "password"), Map.of("currentPassword", PASSWORD,
                "newPassword", "Lühike-11ch")), 400, "newPassword");
        refused(kaja.post(path(name, "password"), Map.of("currentPassword", PASSWORD,
                "newPassword", PASSWORD)), 400, "newPassword");
        refused(kaja.post(path(name, "password"), Map.of("newPassword", changed)), 400, "currentPassword");
        Api other = user("FINANCE", List.of(), List.of());
        refused(other.post(path(name, "password"), Map.of("currentPassword", PASSWORD, "newPassword", changed)),
                403, null);
        refused(admin.post(path(name, "password"), Map.of("currentPassword", PASSWORD, "newPassword", changed)),
                403, null);

        Api.Response done = kaja.withHeader("Idempotency-Key", unique("vahetus"))
                .post(path(name, "password"), Map.of("currentPassword", PASSWORD, "newPassword", changed));
        ok(done);
        assertThat(kaja.get("/api/v1/projects").status()).isEqualTo(401); // at once, though it was remembered
        Api renewed = kaja.as(name, changed);
        assertThat(renewed.get("/api/v1/projects").status()).isEqualTo(200);
    }

    @Test
    void a_retried_password_change_answers_as_the_first_time() {
        Api kaja = user("FINANCE", List.of(), List.of());
        String name = kaja.username();
        Api sameKey = kaja.withHeader("Idempotency-Key", unique("vahetus"));
        Map<String, String> body = Map.of("currentPassword", PASSWORD, "newPassword", "Uus-salasõna-789");
        Api.Response first = sameKey.post(path(name, "password"), body);
        ok(first);
        // the connection dropped before the answer came: the client sends the same again, as the new user
        Api.Response again = sameKey.as(name, "Uus-salasõna-789").post(path(name, "password"), body);
        ok(again);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_account_change WHERE username = ? "
                + "AND change = 'UserPasswordChanged'", Integer.class, name)).isEqualTo(1);
    }

    @Test
    void an_administrator_resets_a_forgotten_password() {
        Api kaja = user("FINANCE", List.of(), List.of());
        String name = kaja.username();
        assertThat(kaja.get("/api/v1/projects").status()).isEqualTo(200);
        refused(admin.post(path(name, "password-reset"), Map.of("newPassword", "Lühike-11ch")), 400, "newPassword");
        refused(kaja.post(path(name, "password-reset"), Map.of("newPassword", "Minu-enda-valitud-1")), 403, null);
        refused(admin.post(path(unique("keegi"), "password-reset"), Map.of("newPassword", "Minu-enda-valitud-1")),
                404, null);

        ok(admin.post(path(name, "password-reset"), Map.of("newPassword", "Ajutine-parool-1")));
        assertThat(kaja.get("/api/v1/projects").status()).isEqualTo(401);
        assertThat(kaja.as(name, "Ajutine-parool-1").get("/api/v1/projects").status()).isEqualTo(200);
    }

    @Test
    void passwords_shorter_than_twelve_characters_are_refused() {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("username", unique("lühike"), "roles", List.of("FINANCE")));
        body.put("password", "Üksteist-11"); // eleven characters, thirteen bytes
        refused(admin.post("/api/v1/users", body), 400, "password");
        body.put("password", "Kaksteist-12");
        assertThat(admin.post("/api/v1/users", body).status()).isEqualTo(201);
    }

    @Test
    void administrators_see_every_user_and_who_changed_each_and_never_a_password_hash() {
        Api kaja = user("FINANCE", List.of("P-1"), List.of());
        String name = kaja.username();
        ok(admin.post(path(name, "disable"), Map.of("reason", "Puhkusel")));
        ok(admin.post(path(name, "enable"), Map.of("reason", "Tagasi")));
        ok(admin.post(path(name, "roles"), Map.of("roles", List.of("MANAGER", "FINANCE"), "projects",
                List.of("P-2", "P-1"), "programmes", List.of("ESF+"), "reason", "Ka juht")));
        ok(admin.post(path(name, "password-reset"), Map.of("newPassword", "Ajutine-parool-1")));

        Api.Response list = admin.get("/api/v1/users?size=1000");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode item = null;
        for (JsonNode candidate : list.json().path("items")) {
            if (candidate.path("username").asText().equals(name)) {
                item = candidate;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.path("roles").toString()).isEqualTo("[\"FINANCE\",\"MANAGER\"]");
        assertThat(item.path("projects").toString()).isEqualTo("[\"P-1\",\"P-2\"]");
        assertThat(item.path("disabled").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/users?size=1").json().path("items").size()).isEqualTo(1);

        Api.Response detail = admin.get("/api/v1/users/" + Api.seg(name));
        assertThat(detail.status()).isEqualTo(200);
        JsonNode history = detail.json().path("history");
        assertThat(history.findValuesAsText("change")).containsExactly("UserRegistered", "UserDisabled",
                "UserEnabled", "UserAccessChanged", "UserPasswordReset");
        assertThat(history.findValuesAsText("actor")).containsOnly("admin");
        assertThat(history.get(1).path("reason").asText()).isEqualTo("Puhkusel");
        assertThat(history.get(3).path("programmes").toString()).isEqualTo("[\"ESF+\"]");
        for (Api.Response r : List.of(list, detail)) {
            assertThat(r.body()).doesNotContain("$2a$").doesNotContainIgnoringCase("password\"");
        }

        Api finance = user("FINANCE", List.of(), List.of());
        refused(finance.get("/api/v1/users"), 403, null);
        refused(finance.get("/api/v1/users/" + Api.seg(name)), 403, null);
        refused(admin.get("/api/v1/users/" + Api.seg(unique("keegi"))), 404, null);
    }

    @Test
    void no_stored_row_or_log_line_holds_a_plaintext_password(CapturedOutput output) throws Exception {
        String name = unique("saladus");
        String password = "Salajane-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>(); // in the order of the request's fields
        body.put("username", name);
        body.put("password", password);
        body.put("roles", List.of("FINANCE"));
        body.put("projects", List.of("P-1"));
        body.put("programmes", List.of());
        String key = unique("loomine");
        Api withKey = admin.withHeader("Idempotency-Key", key);
        Api.Response created = withKey.post("/api/v1/users", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        // the request hash is over the request with the password's salted BCrypt hash in its place: it cannot be
        // recomputed from the password alone
        String stored = jdbc.queryForObject("SELECT request_hash FROM idempotency_record WHERE actor = 'admin' "
                + "AND key = ?", String.class, key);
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, name);
        assertThat(stored).isNotEqualTo(requestHash("/api/v1/users", body));
        Map<String, Object> withHash = new LinkedHashMap<>(body);
        withHash.put("password", hash);
        assertThat(stored).isEqualTo(requestHash("/api/v1/users", withHash));

        // yet the same request with the same key is still recognised, and another password with it is not
        Api.Response replay = withKey.post("/api/v1/users", body);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(created.body());
        Map<String, Object> otherPassword = new LinkedHashMap<>(body);
        otherPassword.put("password", "Teine-salasõna-1");
        assertThat(withKey.post("/api/v1/users", otherPassword).status()).isEqualTo(422);

        String changed = "Vahetatud-" + UUID.randomUUID();
        Api user = admin.as(name, password).withHeader("Idempotency-Key", unique("vahetus"));
        ok(user.post(path(name, "password"), Map.of("currentPassword", password, "newPassword", changed)));
        ok(admin.withHeader("Idempotency-Key", unique("lähtestus")).post(path(name, "password-reset"),
                Map.of("newPassword", changed + "-2")));

        for (String secret : List.of(password, changed, changed + "-2")) {
            assertThat(jdbc.queryForObject("SELECT (SELECT count(*) FROM idempotency_record r WHERE strpos(r::text, ?) > 0)"
                    + " + (SELECT count(*) FROM app_user u WHERE strpos(u::text, ?) > 0)"
                    + " + (SELECT count(*) FROM user_account_change c WHERE strpos(c::text, ?) > 0)"
                    + " + (SELECT count(*) FROM sign_in_lockout l WHERE strpos(l::text, ?) > 0)"
                    + " + (SELECT count(*) FROM domainevententry e WHERE strpos(convert_from(e.payload, 'UTF8'), ?) > 0"
                    + "    OR strpos(convert_from(e.metadata, 'UTF8'), ?) > 0)",
                    Long.class, secret, secret, secret, secret, secret, secret)).as(secret).isZero();
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    /** The request hash as an idempotency record keeps it: SHA-256 of the path, a zero byte and the JSON. */
    static String requestHash(String path, Map<String, Object> body) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(path.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Api.JSON.writeValueAsBytes(body));
        return HexFormat.of().formatHex(sha.digest());
    }
}
