package io.seire.platform.security;

import io.seire.kernel.access.Actor;
import io.seire.kernel.access.Role;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Production sign-in: a bearer JWT from the configured issuer. The user is {@code preferred_username} (or
 * {@code sub}); roles, projects and programmes come from the claims of the same names.
 */
public class JwtActors implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = Objects.requireNonNullElse(jwt.getClaimAsString("preferred_username"), jwt.getSubject());
        Set<Role> roles = strings(jwt, "roles").stream()
                .map(String::toUpperCase)
                .filter(r -> Set.of("ADMIN", "FINANCE", "MANAGER", "LIAISON").contains(r))
                .map(Role::valueOf)
                .collect(Collectors.toSet());
        return new ActorAuthentication(new Actor(username, roles, Set.copyOf(strings(jwt, "projects")),
                Set.copyOf(strings(jwt, "programmes"))));
    }

    private static List<String> strings(Jwt jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        if (value instanceof String one) {
            return List.of(one.split("[ ,]+"));
        }
        return List.of();
    }
}
