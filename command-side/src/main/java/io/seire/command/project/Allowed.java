package io.seire.command.project;

import io.seire.kernel.access.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may send the command a project's command handler handles, written beside the handler: any one of the roles
 * (an administrator may do everything), and what the command does in a clerk's words ("record expenditures"), for
 * the refusal's message. {@link ProjectAccess} reads these once into its table; the project's interceptor and the
 * HTTP layer (before the body is read) decide with that table.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowed {

    Role[] value();

    /** What the command does, completing "Only a manager of the project can …". */
    String to();
}
