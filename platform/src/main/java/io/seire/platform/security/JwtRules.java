package io.seire.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The bearer tokens Seire accepts: those the configured decoder accepts (signature, issuer, and the times it
 * knows), that also name Seire's audience and carry an expiry. A token without {@code exp} would be good for ever;
 * one without Seire's audience was issued for some other service.
 */
public final class JwtRules implements JwtDecoder {

    private final JwtDecoder signatures;
    private final List<String> audience;

    public JwtRules(JwtDecoder signatures, List<String> audience) {
        this.signatures = signatures;
        this.audience = List.copyOf(audience);
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = signatures.decode(token);
        List<OAuth2Error> errors = problems(jwt);
        if (!errors.isEmpty()) {
            throw new JwtValidationException(errors.get(0).getDescription(), errors);
        }
        return jwt;
    }

    List<OAuth2Error> problems(Jwt jwt) {
        List<OAuth2Error> errors = new ArrayList<>();
        if (jwt.getExpiresAt() == null) {
            errors.add(error("The token has no expiry (exp); Seire accepts only tokens that expire."));
        }
        List<String> named = jwt.getAudience();
        if (named == null || named.stream().noneMatch(audience::contains)) {
            errors.add(error("The token is not meant for Seire: its audience (aud) does not name "
                    + String.join(" or ", audience) + "."));
        }
        return errors;
    }

    private static OAuth2Error error(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
