package io.seire.query.read;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.stereotype.Component;

/** Resolves {@link EventPosition} parameters; Axon picks up every {@link ParameterResolverFactory} bean. */
@Component
public class EventPositionResolverFactory implements ParameterResolverFactory {

    private final StoredEvents storedEvents;

    public EventPositionResolverFactory(StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
    }

    @Override
    public ParameterResolver<Long> createInstance(Executable executable, Parameter[] parameters, int parameterIndex) {
        Parameter parameter = parameters[parameterIndex];
        if (!parameter.isAnnotationPresent(EventPosition.class)) {
            return null;
        }
        if (parameter.getType() != long.class && parameter.getType() != Long.class) {
            throw new IllegalArgumentException("@EventPosition needs a long parameter: " + executable);
        }
        return new ParameterResolver<>() {
            @Override
            public Long resolveParameterValue(Message<?> message) {
                return storedEvents.position((TrackedEventMessage<?>) message);
            }

            @Override
            public boolean matches(Message<?> message) {
                return message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null;
            }
        };
    }
}
