package io.seire.console.web;

import io.seire.kernel.access.Actor;
import io.seire.platform.security.ActorAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** What every page's frame needs: who is signed in, the language and the switch to the other one. */
public final class PageModel {

    /** The link to this page in the other language. */
    public record LanguageSwitch(String href, String lang, String label) {
    }

    private PageModel() {
    }

    public static Map<String, Object> common(HttpServletRequest request, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        Fmt fmt = new Fmt(locale);
        model.put("fmt", fmt);
        model.put("me", signedIn());
        boolean estonian = fmt.locale().equals(Languages.ESTONIAN);
        model.put("languageSwitch", new LanguageSwitch(switchTo(request, estonian ? "en" : "et"),
                estonian ? "en" : "et", estonian ? "English" : "Eesti keeles"));
        return model;
    }

    public static Actor signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ActorAuthentication actor ? actor.actor() : null;
    }

    /** This address (a GET of it) with {@code lang} set, every other query parameter kept. */
    static String switchTo(HttpServletRequest request, String lang) {
        StringBuilder query = new StringBuilder();
        String current = request.getQueryString();
        if (current != null && "GET".equals(request.getMethod())) {
            for (String pair : current.split("&")) {
                String name = URLDecoder.decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair,
                        StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !name.equals("lang")) {
                    query.append(pair).append('&');
                }
            }
        }
        query.append("lang=").append(URLEncoder.encode(lang, StandardCharsets.UTF_8));
        return request.getRequestURI() + "?" + query;
    }
}
