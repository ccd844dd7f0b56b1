package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production sign-in: with a JWT key (or issuer) configured, bearer tokens are accepted when they name Seire's
 * audience and expire; roles come only from the configured claim through the configured values, memberships from
 * their claims, and no token acts as a user who signs in with a password. HTTP Basic keeps working beside them.
 */
class JwtSignInTest extends ApiTestBase {

    static final KeyPair KEYS;
    static final KeyPair STRANGER_KEYS;
    static final Path PUBLIC_KEY;
    static final String AUDIENCE = "seire-api";
    static final String ROLES = "seire_roles";

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KEYS = generator.generateKeyPair();
            STRANGER_KEYS = generator.generateKeyPair();
            PUBLIC_KEY = Files.createTempFile("seire-jwt", ".pem");
            Files.writeString(PUBLIC_KEY, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + PUBLIC_KEY);
        registry.add("seire.jwt.audience", () -> AUDIENCE);
        registry.add("seire.jwt.roles-claim", () -> ROLES);
        registry.add("seire.jwt.role-values.ADMIN", () -> "seire-administrator");
        registry.add("seire.jwt.role-values.LIAISON", () -> "ministry-liaison,programme-liaison");
    }

    /** A token as a well-configured issuer makes it for Seire; {@code change} makes it less so. */
    static String token(KeyPair keys, String user, List<String> roles, List<String> projects,
                        UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("sub-" + user).claim("preferred_username", user).claim(ROLES, roles)
                .claim("projects", projects).claim("programmes", List.of()).audience(AUDIENCE)
                .expirationTime(new Date(System.currentTimeMillis() + 600_000));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), change.apply(claims).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    static String token(KeyPair keys, String user, List<String> roles, List<String> projects) throws Exception {
        return token(keys, user, roles, projects, c -> c);
    }

    Api bearer(String token) {
        return admin.anonymous().withHeader("Authorization", "Bearer " + token);
    }

    @Test
    void a_bearer_token_signs_in_with_the_roles_and_projects_of_its_claims() throws Exception {
        String project = unique("jwt-õ");
        String base = "/api/v1/projects/" + Api.seg(project);
        long position = SeedProject.setUp(admin, project);
        Api manager = bearer(token(KEYS, "jwt-juht", List.of("MANAGER"), List.of(project)));
        Api.Response progress = manager.post(base + "/sub-activities/1/progress", Map.of("period", "2024",
                "status", "ON_TRACK", "summary", "Tokeniga kirjutatud"));
        assertThat(progress.status()).as(progress.body()).isEqualTo(201);
        assertThat(manager.get(base + "?minPosition=" + Math.max(position, progress.position())).status()).isEqualTo(200);
        assertThat(manager.post(base + "/expenditures", Map.of("budgetLine", "AT1-SERVICES", "amount", "1.00",
                "incurredOn", "2024-07-01")).status()).isEqualTo(403);
        JsonNodeAssert.actorOf(manager.get(base + "/audit-trail?type=ActivityProgressReported").json(), "jwt-juht");

        Api other = bearer(token(KEYS, "jwt-teine", List.of("MANAGER"), List.of("muu")));
        assertThat(other.get(base).status()).isEqualTo(404);
        Api forged = bearer(token(STRANGER_KEYS, "jwt-juht", List.of("seire-administrator"), List.of(project)));
        assertThat(forged.get(base).status()).isEqualTo(401);
        // a user name that could not be stored as the actor of an event is not signed in
        Api unstorable = bearer(token(KEYS, "jwt-\u0000juht", List.of("MANAGER"), List.of(project)));
        Api.Response refused = unstorable.post(base + "/sub-activities/1/progress", Map.of("period", "2024",
                "status", "ON_TRACK", "summary", "ei tohi salvestuda"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        Api longName = bearer(token(KEYS, "j".repeat(201), List.of("MANAGER"), List.of(project)));
        assertThat(longName.get(base).status()).isEqualTo(401);
        assertThat(admin.anonymous().get(base).status()).isEqualTo(401);
        assertThat(admin.get(base).status()).isEqualTo(200);
    }

    @Test
    void a_token_that_does_not_name_seires_audience_is_refused() throws Exception {
        Api none = bearer(token(KEYS, "jwt-kuulaja", List.of("MANAGER"), List.of(),
                c -> c.audience((List<String>) null)));
        Api.Response refused = none.get("/api/v1/projects");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asText()).contains("audience");
        Api otherService = bearer(token(KEYS, "jwt-kuulaja", List.of("MANAGER"), List.of(),
                c -> c.audience("payroll")));
        assertThat(otherService.get("/api/v1/projects").status()).isEqualTo(401);
        Api among = bearer(token(KEYS, "jwt-kuulaja", List.of("MANAGER"), List.of(),
                c -> c.audience(List.of("payroll", AUDIENCE))));
        assertThat(among.get("/api/v1/projects").status()).isEqualTo(200);
    }

    @Test
    void a_token_without_an_expiry_is_refused() throws Exception {
        Api forever = bearer(token(KEYS, "jwt-igavene", List.of("MANAGER"), List.of(),
                c -> c.expirationTime(null)));
        Api.Response refused = forever.get("/api/v1/projects");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asText()).contains("expiry");
        Api expired = bearer(token(KEYS, "jwt-aegunud", List.of("MANAGER"), List.of(),
                c -> c.expirationTime(new Date(System.currentTimeMillis() - 600_000))));
        assertThat(expired.get("/api/v1/projects").status()).isEqualTo(401);
    }

    @Test
    void roles_come_only_from_the_configured_claim_and_values_and_nothing_else_grants_admin() throws Exception {
        // GET /api/v1/users is for administrators only
        for (List<String> values : List.of(List.of("ADMIN"), List.of("admin"), List.of("Admin", "administrator"),
                List.of("seire-admin"))) {
            Api notAdmin = bearer(token(KEYS, "jwt-pretender", values, List.of()));
            assertThat(notAdmin.get("/api/v1/users").status()).as(values.toString()).isEqualTo(403);
        }
        Api otherClaim = bearer(token(KEYS, "jwt-pretender", List.of(), List.of(),
                c -> c.claim("roles", List.of("seire-administrator", "ADMIN"))));
        assertThat(otherClaim.get("/api/v1/users").status()).isEqualTo(403);
        Api mapped = bearer(token(KEYS, "jwt-haldur", List.of("seire-administrator", "unknown-value"), List.of()));
        assertThat(mapped.get("/api/v1/users").status()).isEqualTo(200);

        // LIAISON is granted by its configured values only; FINANCE, not configured, by its own name only
        String project = unique("jwt-liaison");
        long position = SeedProject.setUp(admin, project);
        String base = "/api/v1/projects/" + Api.seg(project) + "?minPosition=" + position;
        String programme = "Šveitsi-Eesti koostööprogramm";
        for (String value : List.of("ministry-liaison", "programme-liaison")) {
            Api liaison = bearer(token(KEYS, "jwt-ministeerium", List.of(value), List.of(),
                    c -> c.claim("programmes", List.of(programme))));
            assertThat(liaison.get(base).status()).as(value).isEqualTo(200);
        }
        Api byName = bearer(token(KEYS, "jwt-ministeerium", List.of("LIAISON"), List.of(),
                c -> c.claim("programmes", List.of(programme))));
        assertThat(byName.get(base).status()).isEqualTo(404);
        String expenditures = "/api/v1/projects/" + Api.seg(project) + "/expenditures";
        Map<String, String> expenditure = Map.of("budgetLine", "AT1-SERVICES", "amount", "1.00",
                "incurredOn", "2024-07-01");
        assertThat(bearer(token(KEYS, "jwt-raha", List.of("finance"), List.of(project))).post(expenditures, expenditure)
                .status()).isEqualTo(404);
        assertThat(bearer(token(KEYS, "jwt-raha", List.of("FINANCE"), List.of(project))).post(expenditures, expenditure)
                .status()).isEqualTo(201);
    }

    @Test
    void a_token_may_not_act_as_a_user_who_signs_in_with_a_password() throws Exception {
        Api asAdmin = bearer(token(KEYS, "admin", List.of("seire-administrator"), List.of()));
        Api.Response refused = asAdmin.get("/api/v1/projects");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asText()).contains("password");

        Api local = user("FINANCE", List.of(), List.of());
        String name = local.username();
        assertThat(bearer(token(KEYS, name, List.of("FINANCE"), List.of())).get("/api/v1/projects").status())
                .isEqualTo(401);
        // the subject is the user when there is no preferred_username
        assertThat(bearer(token(KEYS, "ignored", List.of("FINANCE"), List.of(),
                c -> c.claim("preferred_username", null).subject(name))).get("/api/v1/projects").status())
                .isEqualTo(401);
        assertThat(local.get("/api/v1/projects").status()).isEqualTo(200);
    }

    /** Small helper to keep the assertion readable. */
    static final class JsonNodeAssert {
        static void actorOf(com.fasterxml.jackson.databind.JsonNode page, String actor) {
            assertThat(page.path("items").get(0).path("actor").asText()).isEqualTo(actor);
        }
    }
}
