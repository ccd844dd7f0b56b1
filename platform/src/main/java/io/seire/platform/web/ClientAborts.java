package io.seire.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.ClientAbortException;
import org.springframework.core.Ordered;
import org.springframework.lang.NonNull;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A client abort (the client went away, or a streamed answer was given up on because it stopped reading) goes on to
 * Tomcat unresolved, before any other resolver sees it. Spring would otherwise take it as handled, and Tomcat would
 * complete the answer with its closing chunk, so that a cut-off export would look complete to a client that comes
 * back. Tomcat logs a client abort at debug level only, shows no error page, and closes the connection at once.
 */
public class ClientAborts implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                         Object handler, @NonNull Exception e) {
        if (e instanceof ClientAbortException abort) {
            throw ClientAborts.<RuntimeException>unchecked(abort);
        }
        return null;
    }

    /** Throws the checked abort through this interface, which declares none; the servlet container expects it. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E unchecked(Exception e) throws E {
        throw (E) e;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
