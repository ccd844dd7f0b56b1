package io.seire.console.access;

import io.seire.console.web.ConsolePaths;
import io.seire.platform.security.SignInOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Sign-in for people: a form at {@code /login} checked by the same password check as the API's HTTP Basic (so the
 * same failure limits apply), a session cookie, CSRF tokens on every form, a session timeout and sign-out. The API
 * keeps its own chain: Basic and bearer tokens, no session created, no CSRF (ADR 0028).
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** Before the API's chain, which takes every other address. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    public SecurityFilterChain console(HttpSecurity http, AuthenticationManager authenticationManager,
                                       SignInOrigin.Source origins, SignInPage signInPage) throws Exception {
        http.securityMatcher(ConsolePaths.all())
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a.requestMatchers("/login", ConsolePaths.ASSETS).permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").usernameParameter("username").passwordParameter("password")
                        .authenticationDetailsSource(origins).failureHandler(signInPage).defaultSuccessUrl("/"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        .deleteCookies(SignInPage.SESSION_COOKIE))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .invalidSessionUrl("/login?expired"))
                .csrf(c -> c.csrfTokenRequestHandler(new TokenOfMultipartFromAddress()))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) ->
                        // a form without a valid CSRF token: mostly one from a session that has ended
                        response.sendRedirect(request.getContextPath() + "/login?expired")))
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /**
     * A file upload (multipart) carries its CSRF token in the form's address, read without touching the body: the
     * file is not read before the sender is known and allowed to send it (as the API's access-before-body rule).
     */
    static final class TokenOfMultipartFromAddress implements CsrfTokenRequestHandler {

        private final XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                           java.util.function.Supplier<CsrfToken> token) {
            tokens.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            String type = request.getContentType();
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
                return tokens.resolveCsrfTokenValue(request, token);
            }
            String fromAddress = queryParameter(request.getQueryString(), token.getParameterName());
            return tokens.resolveCsrfTokenValue(new HttpServletRequestWrapper(request) {
                @Override
                public String getParameter(String name) {
                    return name.equals(token.getParameterName()) ? fromAddress : null;
                }
            }, token);
        }

        static String queryParameter(String query, String name) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }
}
