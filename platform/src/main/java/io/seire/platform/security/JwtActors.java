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
 * {@code sub}); roles come only from the configured claim through the configured value mapping
 * ({@link JwtSettings}), projects and programmes from the claims of those names. A token may not name a user
 * recorded in Seire unless the operator allows it, so a token can never act as a password user.
 */
public class JwtActors implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtSettings settings;
    private final UserAccounts accounts;

    public JwtActors(JwtSettings settings, UserAccounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String preferred = jwt.getClaimAsString("preferred_username");
        String username = preferred != null ? preferred : jwt.getSubject();
        if (username == null || username.isBlank()) {
            throw new InvalidBearerTokenException("The token names no user (preferred_username or sub)");
        }
        if (username.codePointCount(0, username.length()) > Bounds.MAX_NAME_LENGTH) {
            throw new InvalidBearerTokenException("The token's user name is longer than "
                    + Bounds.MAX_NAME_LENGTH + " characters");
        }
        List<String> roleValues = strings(jwt, settings.rolesClaim());
        List<String> projects = strings(jwt, "projects");
        List<String> programmes = strings(jwt, "programmes");
        for (List<String> texts : List.of(List.of(username), roleValues, projects, programmes)) {
            if (texts.stream().anyMatch(text -> StorableText.problem(text) != null)) {
                // it would be recorded as the actor of every event this user writes
                throw new InvalidBearerTokenException("The token's user, roles, projects or programmes hold text "
                        + "that cannot be stored");
            }
        }
        if (!settings.allowLocalUsernames() && accounts.exists(username)) {
            throw new InvalidBearerTokenException("The token names '" + username + "', a user who signs in to Seire "
                    + "with a password; a token may not act as such a user (seire.jwt.allow-local-usernames)");
        }
        Set<Role> roles = roleValues.stream()
                .flatMap(value -> settings.rolesOf(value).stream())
                .collect(Collectors.toSet());
        return new ActorAuthentication(new Actor(username, roles, Set.copyOf(projects), Set.copyOf(programmes)));
    }

    private static List<String> strings(Jwt jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof Collection<?> many) {
            return many.stream().filter(v -> v != null).map(String::valueOf).toList();
        }
        if (value instanceof String one) {
            return List.of(one.split("[ ,]+"));
        }
        return List.of();
    }
}
