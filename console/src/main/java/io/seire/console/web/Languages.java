package io.seire.console.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** The console's two languages: Estonian and English. */
public final class Languages {

    public static final Locale ESTONIAN = Locale.forLanguageTag("et");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(ESTONIAN, ENGLISH);
    public static final String COOKIE = "seire-lang";

    private Languages() {
    }

    /** Estonian for Estonian, English for anything else. */
    public static Locale of(Locale locale) {
        return locale != null && "et".equals(locale.getLanguage()) ? ESTONIAN : ENGLISH;
    }

    public static CookieLocaleResolver resolver(Duration maxAge) {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            public void setLocale(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                  Locale locale) {
                super.setLocale(request, response, locale == null ? null : of(locale));
            }
        };
        resolver.setCookieMaxAge(maxAge);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> of(request.getLocale()));
        return resolver;
    }
}
