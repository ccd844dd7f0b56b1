package io.seire.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.platform.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every endpoint but health and the API docs needs a user. Single node: HTTP Basic against the users recorded in
 * Seire, with failure limits (ADR 0014). When a JWT issuer (or key) is configured, bearer tokens are accepted as
 * well, for Seire's audience only (ADR 0015).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtSettings.class)
public class SecurityConfiguration {

    static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/error"};

    /** The bearer-token sign-in, when a key or issuer is configured: its checked decoder and its user mapping. */
    public record BearerTokens(JwtDecoder decoder, JwtActors actors) {
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public UserAccounts userAccounts(JdbcClient jdbc) {
        return new UserAccounts(jdbc);
    }

    @Bean
    public SignInLimits signInLimits(JdbcClient jdbc,
                                     @Value("${seire.sign-in.max-failures-per-user:5}") int perUser,
                                     @Value("${seire.sign-in.max-failures-per-address:50}") int perAddress,
                                     @Value("${seire.sign-in.failure-window:PT15M}") Duration window,
                                     @Value("${seire.sign-in.first-back-off:PT30S}") Duration firstBackOff,
                                     @Value("${seire.sign-in.max-back-off:PT15M}") Duration maxBackOff) {
        return new SignInLimits(new SignInLimits.Settings(perUser, perAddress, window, firstBackOff, maxBackOff),
                new SignInLockouts(jdbc), Clock.systemUTC());
    }

    /** Where a sign-in comes from; {@code X-Forwarded-For} only from the proxies named here. */
    @Bean
    public SignInOrigin.Source signInOrigins(@Value("${seire.sign-in.trusted-proxies:}") List<String> trustedProxies) {
        return new SignInOrigin.Source(trustedProxies);
    }

    @Bean
    public BearerTokens bearerTokens(ObjectProvider<JwtDecoder> jwtDecoder, JwtSettings settings,
                                     UserAccounts accounts) {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder == null) {
            return new BearerTokens(null, null);
        }
        settings.requireAudience();
        return new BearerTokens(new JwtRules(decoder, settings.audience()), new JwtActors(settings, accounts));
    }

    /** HTTP Basic against Seire's users, and bearer JWTs when a key or issuer is configured. */
    @Bean
    public AuthenticationManager authenticationManager(UserAccounts accounts, PasswordEncoder passwords,
                                                       SignInLimits limits, BearerTokens bearer,
                                                       @Value("${seire.security.remember-credentials:PT5M}") Duration rememberFor) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new BasicCredentials(accounts, passwords, limits, rememberFor, Clock.systemUTC()));
        if (bearer.decoder() != null) {
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(bearer.decoder());
            jwt.setJwtAuthenticationConverter(bearer.actors());
            providers.add(jwt);
        }
        return new ProviderManager(providers);
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager,
                                   BearerTokens bearer, SignInOrigin.Source origins, ObjectMapper json)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> refuse(json, response, e);
        AccessDeniedHandler denied = (request, response, e) -> write(json, response, Problems.problem(
                HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this", e.getMessage(), List.of()));
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // reads may come with the console's session cookie (its download links); writes never (ADR 0028)
                .securityContext(c -> c.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new SessionReads())))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated).authenticationDetailsSource(origins))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        if (bearer.decoder() != null) {
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint(unauthenticated)
                    .jwt(j -> j.decoder(bearer.decoder()).jwtAuthenticationConverter(bearer.actors())));
        }
        return http.build();
    }

    @Bean
    public WebMvcConfigurer currentActorParameter() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentActor());
            }
        };
    }

    /** 429 for a paused sign-in, else 401 saying what to do (and why a token or a known account was refused). */
    private static void refuse(ObjectMapper json, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInRefused paused) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(paused.retryAfterSeconds()));
            write(json, response, paused.problem());
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Seire\"");
        String detail = "This needs a user name and password (HTTP Basic) or a bearer token.";
        if (e instanceof DisabledException) {
            detail = e.getMessage();
        } else if (e instanceof OAuth2AuthenticationException bearer && bearer.getError().getDescription() != null) {
            detail = "The bearer token was refused: " + bearer.getError().getDescription();
        }
        write(json, response, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first", detail,
                List.of()));
    }

    private static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(Problems.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
