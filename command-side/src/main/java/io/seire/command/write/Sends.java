package io.seire.command.write;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The command a write endpoint sends. Its permission ({@link io.seire.command.project.ProjectAccess}) is checked
 * from the path and the signed-in user before the request's body is read ({@link AccessBeforeBody}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Sends {
    Class<?> value();
}
