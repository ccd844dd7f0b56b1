package io.seire.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.platform.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.ArrayList;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every endpoint but health and the API docs needs a user. Single node: HTTP Basic against the users recorded in
 * Seire. When a JWT issuer (or key) is configured, bearer tokens are accepted as well.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public UserAccounts userAccounts(JdbcTemplate jdbc) {
        return new UserAccounts(jdbc);
    }

    /** HTTP Basic against Seire's users, and bearer JWTs when a key or issuer is configured. */
    @Bean
    public AuthenticationManager authenticationManager(UserAccounts accounts, PasswordEncoder passwords,
                                                       ObjectProvider<JwtDecoder> jwtDecoder,
                                                       @Value("${seire.security.remember-credentials:PT5M}") Duration rememberFor) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new BasicCredentials(accounts, passwords, rememberFor, Clock.systemUTC()));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(decoder);
            jwt.setJwtAuthenticationConverter(new JwtActors());
            providers.add(jwt);
        }
        return new ProviderManager(providers);
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager,
                                   ObjectProvider<JwtDecoder> jwtDecoder, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Seire\"");
            write(json, response, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first",
                    "This needs a user name and password (HTTP Basic) or a bearer token.", List.of()));
        };
        AccessDeniedHandler denied = (request, response, e) -> write(json, response, Problems.problem(
                HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this", e.getMessage(), List.of()));
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint(unauthenticated)
                    .jwt(j -> j.decoder(jwtDecoder.getObject()).jwtAuthenticationConverter(new JwtActors())));
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

    private static void write(ObjectMapper json, jakarta.servlet.http.HttpServletResponse response,
                              ProblemDetail problem) throws java.io.IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(Problems.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
