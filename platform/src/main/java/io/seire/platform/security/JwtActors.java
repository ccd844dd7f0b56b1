package io.seire.platform.security;

import io.seire.kernel.Bounds;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.Role;
import io.seire.platform.web.StorableText;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Production sign-in: a bearer JWT from the configured issuer. The user is {@code preferred_username} (or
 * {@code sub}); roles, projects and programmes come from the claims of the same names.
 */
public class JwtActors implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String preferred = jwt.getClaimAsString("preferred_username");
        String username = preferred != null ? preferred : jwt.getSubject();
        if (username == null || username.isBlank()) {
            throw new InvalidBearerTokenException("The token names no user (preferred_username or sub)");
        }
        if (username.length() > Bounds.MAX_NAME_LENGTH) {
            throw new InvalidBearerTokenException("The token's user name is longer than "
                    + Bounds.MAX_NAME_LENGTH + " characters");
        }
        List<String> roleNames = strings(jwt, "roles");
        List<String> projects = strings(jwt, "projects");
        List<String> programmes = strings(jwt, "programmes");
        for (List<String> texts : List.of(List.of(username), roleNames, projects, programmes)) {
            if (texts.stream().anyMatch(text -> StorableText.problem(text) != null)) {
                // it would be recorded as the actor of every event this user writes
                throw new InvalidBearerTokenException("The token's user, roles, projects or programmes hold text "
                        + "that cannot be stored");
            }
        }
        Set<Role> roles = roleNames.stream()
                .map(String::toUpperCase)
                .filter(r -> Set.of("ADMIN", "FINANCE", "MANAGER", "LIAISON").contains(r))
                .map(Role::valueOf)
                .collect(Collectors.toSet());
        return new ActorAuthentication(new Actor(username, roles, Set.copyOf(projects), Set.copyOf(programmes)));
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
