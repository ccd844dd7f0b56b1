package io.seire.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Lets a person signed in to the console (a session of this process) read the API's views with their session
 * cookie, so that a page's download links (CSV, XLSX, PDF) open in the browser: only {@code GET} and {@code HEAD},
 * which change nothing and so need no CSRF token. The API never creates a session, never stores one, and never
 * takes a session for a write; writes need HTTP Basic or a bearer token as before (ADR 0028).
 */
public class SessionReads implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public SessionReads() {
        sessions.setAllowSessionCreation(false);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (reads(request)) {
            return sessions.loadDeferredContext(request);
        }
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                return SecurityContextHolder.createEmptyContext();
            }

            @Override
            public boolean isGenerated() {
                return true;
            }
        };
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(org.springframework.security.web.context.HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // the API stores nothing in sessions
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return reads(request) && sessions.containsContext(request);
    }

    private static boolean reads(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && request.getSession(false) != null;
    }
}
