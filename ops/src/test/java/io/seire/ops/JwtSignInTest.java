package io.seire.ops;

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
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production sign-in: with a JWT key (or issuer) configured, bearer tokens are accepted, and roles and memberships
 * come from their claims. HTTP Basic keeps working beside them.
 */
class JwtSignInTest extends ApiTestBase {

    static final KeyPair KEYS;
    static final KeyPair STRANGER_KEYS;
    static final Path PUBLIC_KEY;

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
    }

    static String token(KeyPair keys, String user, List<String> roles, List<String> projects) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("sub-" + user).claim("preferred_username", user).claim("roles", roles)
                .claim("projects", projects).claim("programmes", List.of())
                .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void a_bearer_token_signs_in_with_the_roles_and_projects_of_its_claims() throws Exception {
        String project = unique("jwt-õ");
        String base = "/api/v1/projects/" + Api.seg(project);
        long position = SeedProject.setUp(admin, project);
        Api manager = admin.anonymous().withHeader("Authorization",
                "Bearer " + token(KEYS, "jwt-juht", List.of("MANAGER"), List.of(project)));
        Api.Response progress = manager.post(base + "/sub-activities/1/progress", Map.of("period", "2024",
                "status", "ON_TRACK", "summary", "Tokeniga kirjutatud"));
        assertThat(progress.status()).as(progress.body()).isEqualTo(201);
        assertThat(manager.get(base + "?minPosition=" + Math.max(position, progress.position())).status()).isEqualTo(200);
        assertThat(manager.post(base + "/expenditures", Map.of("budgetLine", "AT1-SERVICES", "amount", "1.00",
                "incurredOn", "2024-07-01")).status()).isEqualTo(403);
        JsonNodeAssert.actorOf(manager.get(base + "/audit-trail?type=ActivityProgressReported").json(), "jwt-juht");

        Api other = admin.anonymous().withHeader("Authorization",
                "Bearer " + token(KEYS, "jwt-teine", List.of("MANAGER"), List.of("muu")));
        assertThat(other.get(base).status()).isEqualTo(404);
        Api forged = admin.anonymous().withHeader("Authorization",
                "Bearer " + token(STRANGER_KEYS, "jwt-juht", List.of("ADMIN"), List.of(project)));
        assertThat(forged.get(base).status()).isEqualTo(401);
        // a user name that could not be stored as the actor of an event is not signed in
        Api unstorable = admin.anonymous().withHeader("Authorization",
                "Bearer " + token(KEYS, "jwt-\u0000juht", List.of("MANAGER"), List.of(project)));
        Api.Response refused = unstorable.post(base + "/sub-activities/1/progress", Map.of("period", "2024",
                "status", "ON_TRACK", "summary", "ei tohi salvestuda"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        Api longName = admin.anonymous().withHeader("Authorization",
                "Bearer " + token(KEYS, "j".repeat(201), List.of("MANAGER"), List.of(project)));
        assertThat(longName.get(base).status()).isEqualTo(401);
        assertThat(admin.anonymous().get(base).status()).isEqualTo(401);
        assertThat(admin.get(base).status()).isEqualTo(200);
    }

    /** Small helper to keep the assertion readable. */
    static final class JsonNodeAssert {
        static void actorOf(com.fasterxml.jackson.databind.JsonNode page, String actor) {
            assertThat(page.path("items").get(0).path("actor").asText()).isEqualTo(actor);
        }
    }
}
