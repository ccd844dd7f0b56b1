package io.seire.command.write;

import io.seire.command.project.ProjectAccess;
import io.seire.command.project.RegisteredProgrammes;
import io.seire.kernel.access.Actor;
import io.seire.platform.security.ActorAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.lang.NonNull;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Decides from the path and the signed-in user, before anything reads the request's body, whether they may send the
 * endpoint's command ({@link Sends}) to the project named in the path: a project they cannot see answers 404, a write
 * their role does not allow 403, and the body (which may be a large file) is never read. The project decides again,
 * with the same rule, when the command arrives.
 */
public class AccessBeforeBody implements HandlerInterceptor {

    static final String PROJECT = "projectId";

    private final RegisteredProgrammes programmes;

    public AccessBeforeBody(RegisteredProgrammes programmes) {
        this.programmes = programmes;
    }

    @Override
    public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                             @NonNull Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Sends sends = method.getMethodAnnotation(Sends.class);
        if (sends == null) {
            return true;
        }
        Actor actor = signedIn();
        String projectId = pathVariables(request).get(PROJECT);
        if (projectId == null) {
            ProjectAccess.checkRole(actor, sends.value());
        } else {
            ProjectAccess.check(actor, projectId, programmes.of(projectId), sends.value());
        }
        return true;
    }

    private static Actor signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ActorAuthentication actor ? actor.actor() : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }
}
