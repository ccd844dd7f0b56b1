package io.seire.console.access;

import io.seire.platform.security.SignInRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * The sign-in page. A refused sign-in shows the page again, answered 401, or 429 with {@code Retry-After} while
 * sign-in is paused for the user name or the address (the API's limits, counted together with HTTP Basic).
 */
@Controller
public class SignInPage implements AuthenticationFailureHandler {

    public static final String SESSION_COOKIE = "SEIRE_SESSION";
    static final String VIEW = "console/login";

    private final ViewResolver views;
    private final LocaleResolver locales;

    public SignInPage(@org.springframework.beans.factory.annotation.Qualifier("thymeleafViewResolver") ViewResolver views,
                      LocaleResolver locales) {
        this.views = views;
        this.locales = locales;
    }

    @GetMapping("/login")
    public String form(@RequestParam(required = false) String expired, @RequestParam(required = false) String signedOut,
                       Model model) {
        if (expired != null) {
            model.addAttribute("notice", "login.expired");
        } else if (signedOut != null) {
            model.addAttribute("notice", "login.signedOut");
        }
        return VIEW;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> model = new HashMap<>(io.seire.console.web.PageModel.common(request, locale));
        model.put("username", request.getParameter("username"));
        HttpStatus status = HttpStatus.UNAUTHORIZED;
        if (exception instanceof SignInRefused paused) {
            status = HttpStatus.TOO_MANY_REQUESTS;
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(paused.retryAfterSeconds()));
            model.put("error", paused.scope() == io.seire.platform.security.SignInLimits.Scope.USER
                    ? "login.pausedUser" : "login.pausedAddress");
            model.put("retryAfter", paused.retryAfterSeconds());
        } else if (exception instanceof DisabledException) {
            model.put("error", "login.disabled");
        } else {
            model.put("error", "login.wrong");
        }
        response.setStatus(status.value());
        try {
            View view = views.resolveViewName(VIEW, locale);
            if (view == null) {
                throw new IllegalStateException("No view " + VIEW);
            }
            view.render(model, request, response);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
