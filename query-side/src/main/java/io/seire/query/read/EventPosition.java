package io.seire.query.read;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code long} parameter of a projection's event handler that receives the global position the event is
 * stored at (see {@link StoredEvents#position}); never take it from the tracking token.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface EventPosition {
}
