package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in over plain HTTP (ADR 0028): a form with a CSRF token gives a session cookie; failed form
 * sign-ins count against the same limits as HTTP Basic; the API takes the session for reads only, never for a write,
 * and never sets a cookie itself; a form without its CSRF token records nothing; sign-out ends the session.
 */
class ConsoleSecurityApiTest extends ApiTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SEIRE_SESSION=([^;\\s]+)");

    /** One browser without a browser: its address, its session cookie and the form's CSRF token. */
    private static final class Visitor {
        final FromAddress from;
        String session;
        String csrf;

        Visitor(FromAddress from) {
            this.from = from;
        }

        FromAddress.Reply get(String path) {
            FromAddress.Reply reply = from.send("GET", path, cookie(), null);
            remember(reply);
            return reply;
        }

        FromAddress.Reply post(String path, Map<String, String> form) {
            StringBuilder body = new StringBuilder();
            form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            Map<String, String> headers = new LinkedHashMap<>(cookie());
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            FromAddress.Reply reply = from.send("POST", path, headers, body.toString());
            remember(reply);
            return reply;
        }

        FromAddress.Reply signIn(String username, String password) {
            get("/login");
            return post("/login", Map.of("username", username, "password", password, "_csrf", csrf));
        }

        private Map<String, String> cookie() {
            return session == null ? Map.of() : Map.of("Cookie", "SEIRE_SESSION=" + session);
        }

        private void remember(FromAddress.Reply reply) {
            String cookies = reply.header("Set-Cookie");
            if (cookies != null) {
                Matcher m = SESSION.matcher(cookies);
                if (m.find()) {
                    session = m.group(1);
                }
            }
            Matcher token = CSRF.matcher(reply.body());
            if (token.find()) {
                csrf = token.group(1);
            }
        }
    }

    @Test
    void failed_sign_ins_by_form_count_against_the_same_limits_as_http_basic() {
        Api clerk = user("FINANCE", List.of(), List.of());
        Visitor visitor = new Visitor(FromAddress.fresh(port));
        for (int i = 0; i < 5; i++) {
            FromAddress.Reply wrong = visitor.signIn(clerk.username(), "Arvatud-parool-" + i);
            assertThat(wrong.status()).as(wrong.body()).isEqualTo(401);
            assertThat(wrong.body()).contains("Unknown user or wrong password");
        }
        FromAddress.Reply paused = visitor.signIn(clerk.username(), "Parool-õ-123");
        assertThat(paused.status()).as("even the right password, while paused").isEqualTo(429);
        assertThat(paused.header("Retry-After")).isNotBlank();
        assertThat(paused.body()).contains("sign-in is paused");
        assertThat(FromAddress.fresh(port).get("/api/v1/projects", clerk.username(), "Parool-õ-123", Map.of())
                .status()).as("HTTP Basic of the same user name is paused too").isEqualTo(429);
    }

    @Test
    void a_session_from_the_form_reads_the_api_but_never_writes_through_it_and_forms_need_their_csrf_token() {
        String project = unique("Šveits.1.01.25-0006");
        SeedProject.setUp(admin, project);
        Api clerk = user("FINANCE", List.of(project), List.of());
        Visitor visitor = new Visitor(FromAddress.fresh(port));
        FromAddress.Reply login = visitor.get("/login");
        String before = visitor.session;
        assertThat(login.status()).isEqualTo(200);
        assertThat(visitor.csrf).as("the form carries a CSRF token").isNotBlank();
        FromAddress.Reply noToken = visitor.post("/login", Map.of("username", clerk.username(), "password", "Parool-õ-123"));
        assertThat(noToken.status()).as("a sign-in form without its token").isEqualTo(302);
        assertThat(noToken.header("Location")).contains("/login?expired");

        FromAddress.Reply signedIn = visitor.signIn(clerk.username(), "Parool-õ-123");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(visitor.session).as("a new session id after sign-in").isNotEqualTo(before);
        assertThat(visitor.get("/").body()).contains(project);

        String path = "/api/v1/projects/" + Api.seg(project);
        FromAddress.Reply read = visitor.get(path);
        assertThat(read.status()).as("the API reads with the console's session (its download links)").isEqualTo(200);
        assertThat(read.json().path("id").asText()).isEqualTo(project);
        assertThat(read.header("Set-Cookie")).as("the API sets no cookie").isNull();

        long events = events(project);
        Map<String, String> json = new LinkedHashMap<>(visitor.cookie());
        json.put("Content-Type", "application/json");
        FromAddress.Reply write = visitor.from.send("POST", path + "/expenditures", json,
                "{\"budgetLine\":\"AT1-SERVICES\",\"amount\":\"1.00\",\"incurredOn\":\"2024-07-01\"}");
        assertThat(write.status()).as("no write through the API with a session cookie: " + write.body()).isEqualTo(401);

        FromAddress.Reply forged = visitor.post("/projects/" + Api.seg(project) + "/expenditures/new", Map.of(
                "budgetLine", "AT1-SERVICES", "amount", "1.00", "incurredOn", "2024-07-01"));
        assertThat(forged.status()).as("a console form without its CSRF token").isEqualTo(302);
        assertThat(events(project)).as("nothing recorded").isEqualTo(events);

        FromAddress.Reply basic = FromAddress.fresh(port).get(path, clerk.username(), "Parool-õ-123", Map.of());
        assertThat(basic.status()).isEqualTo(200);
        assertThat(basic.header("Set-Cookie")).as("HTTP Basic creates no session").isNull();

        visitor.get("/");
        FromAddress.Reply out = visitor.post("/logout", Map.of("_csrf", visitor.csrf));
        assertThat(out.header("Location")).contains("/login?signedOut");
        FromAddress.Reply after = visitor.get(path);
        assertThat(after.status()).as("after sign-out the session reads nothing").isEqualTo(401);
    }

    @Test
    void an_ended_session_asks_to_sign_in_again_and_an_address_no_page_serves_is_a_page_saying_so() {
        Visitor stale = new Visitor(FromAddress.fresh(port));
        stale.session = "no-such-session";
        FromAddress.Reply ended = stale.get("/projects/anything");
        assertThat(ended.status()).isEqualTo(302);
        assertThat(ended.header("Location")).contains("/login?expired");
        assertThat(stale.get("/login?expired").body()).contains("Your session has ended");

        Api clerk = user("FINANCE", List.of(), List.of());
        Visitor visitor = new Visitor(FromAddress.fresh(port));
        visitor.signIn(clerk.username(), "Parool-õ-123");
        FromAddress.Reply nothing = visitor.get("/projects/" + Api.seg(unique("nobody")) + "/no-such-page");
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(nothing.header("Content-Type")).startsWith("text/html");
        assertThat(nothing.body()).contains("<h1>Not found</h1>");
    }

    private long events(String project) {
        return admin.get("/api/v1/projects/" + Api.seg(project) + "/audit-trail?size=1").json().path("total").asLong();
    }
}
