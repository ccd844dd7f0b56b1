package io.seire.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.seire.kernel.access.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** What a bearer token is believed to say: its audience and expiry, its roles through the mapping, its user. */
class JwtActorsTest {

    final UserAccounts accounts = mock(UserAccounts.class);

    static Jwt.Builder token(String user) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-" + user).claim("preferred_username", user)
                .audience(List.of("seire")).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600));
    }

    static JwtSettings settings(String rolesClaim, Map<Role, List<String>> values, boolean allowLocal) {
        return new JwtSettings(List.of("seire"), rolesClaim, values, allowLocal);
    }

    Role[] roles(JwtSettings settings, Object claim) {
        ActorAuthentication auth = (ActorAuthentication) new JwtActors(settings, accounts)
                .convert(token("tiina").claim(settings.rolesClaim(), claim).build());
        return auth.actor().roles().toArray(Role[]::new);
    }

    @Test
    void roles_come_from_their_exact_names_and_nothing_is_upper_cased_into_a_role() {
        JwtSettings defaults = settings(null, null, false);
        assertThat(defaults.rolesClaim()).isEqualTo("roles");
        assertThat(roles(defaults, List.of("admin", "Admin", " ADMIN", "administrator", "FINANCE"))).containsExactly(Role.FINANCE);
        assertThat(roles(defaults, "ADMIN MANAGER")).containsExactlyInAnyOrder(Role.ADMIN, Role.MANAGER);
    }

    @Test
    void a_configured_value_mapping_replaces_the_roles_own_name() {
        JwtSettings mapped = settings("groups", Map.of(Role.ADMIN, List.of("seire-administrator"),
                Role.LIAISON, List.of("ministry-liaison", "programme-liaison")), false);
        assertThat(roles(mapped, List.of("ADMIN", "LIAISON", "unknown"))).isEmpty();
        assertThat(roles(mapped, List.of("seire-administrator", "programme-liaison", "MANAGER")))
                .containsExactlyInAnyOrder(Role.ADMIN, Role.LIAISON, Role.MANAGER);
        // only the configured claim is read
        ActorAuthentication other = (ActorAuthentication) new JwtActors(mapped, accounts)
                .convert(token("tiina").claim("roles", List.of("seire-administrator", "MANAGER")).build());
        assertThat(other.actor().roles()).isEmpty();
    }

    @Test
    void an_empty_mapping_grants_a_role_to_no_token() {
        JwtSettings noAdmins = settings(null, Map.of(Role.ADMIN, List.of()), false);
        assertThat(roles(noAdmins, List.of("ADMIN", "FINANCE"))).containsExactly(Role.FINANCE);
    }

    @Test
    void a_token_may_not_name_a_password_user_unless_the_operator_allows_it() {
        when(accounts.exists("admin")).thenReturn(true);
        Jwt jwt = token("admin").claim("roles", List.of("ADMIN")).build();
        assertThatThrownBy(() -> new JwtActors(settings(null, null, false), accounts).convert(jwt))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("allow-local-usernames");
        ActorAuthentication allowed = (ActorAuthentication) new JwtActors(settings(null, null, true), accounts).convert(jwt);
        assertThat(allowed.actor().username()).isEqualTo("admin");
    }

    @Test
    void a_token_needs_seires_audience_and_an_expiry() {
        Jwt good = token("tiina").build();
        Jwt noAudience = token("tiina").claims(c -> c.remove("aud")).build();
        Jwt otherAudience = token("tiina").audience(List.of("payroll")).build();
        Jwt noExpiry = token("tiina").claims(c -> c.remove("exp")).build();
        assertThat(decode(good)).isSameAs(good);
        assertThatThrownBy(() -> decode(noAudience)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("audience");
        assertThatThrownBy(() -> decode(otherAudience)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("audience");
        assertThatThrownBy(() -> decode(noExpiry)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expiry");
    }

    @Test
    void bearer_tokens_without_a_configured_audience_stop_the_start() {
        assertThatThrownBy(() -> new JwtSettings(List.of(" "), null, null, false).requireAudience())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("seire.jwt.audience");
    }

    static Jwt decode(Jwt jwt) throws JwtException {
        return new JwtRules(token -> jwt, List.of("seire", "seire-api")).decode("t");
    }
}
