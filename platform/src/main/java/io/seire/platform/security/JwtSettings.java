package io.seire.platform.security;

import io.seire.kernel.access.Role;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What Seire believes of a bearer token ({@code seire.jwt.*}).
 *
 * @param audience            the audience values meaning "Seire"; a token must name one of them in {@code aud}
 * @param rolesClaim          the claim that lists a user's roles
 * @param roleValues          per role, the claim values that grant it, compared exactly; a role not listed is
 *                            granted by its own name ({@code ADMIN}, …) and by nothing else, and an empty list
 *                            means no token grants it. Values that grant nothing are ignored.
 * @param allowLocalUsernames whether a token may name a user recorded in Seire (who signs in with a password);
 *                            off by default, so a token can never act as such a user
 */
@ConfigurationProperties("seire.jwt")
public record JwtSettings(List<String> audience, @DefaultValue("roles") String rolesClaim,
                          Map<Role, List<String>> roleValues, boolean allowLocalUsernames) {

    public JwtSettings {
        audience = audience == null ? List.of() : audience.stream().filter(a -> a != null && !a.isBlank()).toList();
        roleValues = roleValues == null ? Map.of() : copy(roleValues);
        if (rolesClaim == null || rolesClaim.isBlank()) {
            rolesClaim = "roles";
        }
    }

    /** The roles that one claim value grants: exact, case-sensitive matches only. */
    public Set<Role> rolesOf(String value) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (valuesOf(role).contains(value)) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** Which claim values grant the role. */
    public List<String> valuesOf(Role role) {
        return roleValues.getOrDefault(role, List.of(role.name()));
    }

    /** Stops start-up when bearer tokens are accepted without knowing which audience means Seire. */
    public void requireAudience() {
        if (audience.isEmpty()) {
            throw new IllegalStateException("Bearer tokens are configured (spring.security.oauth2.resourceserver.jwt.*) "
                    + "but seire.jwt.audience is not set. Set it to the audience (the 'aud' claim) your issuer puts in "
                    + "tokens meant for Seire; tokens for other services of the same issuer are then refused.");
        }
    }

    private static Map<Role, List<String>> copy(Map<Role, List<String>> values) {
        Map<Role, List<String>> copy = new EnumMap<>(Role.class);
        values.forEach((role, list) -> copy.put(role, list == null ? List.of()
                : list.stream().filter(v -> v != null && !v.isBlank()).toList()));
        return Collections.unmodifiableMap(copy);
    }
}
