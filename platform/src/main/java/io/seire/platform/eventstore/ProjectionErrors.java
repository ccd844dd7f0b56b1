package io.seire.platform.eventstore;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * A projection that fails on an event must not skip it: the failure rolls back the batch (rows and token together)
 * and the processor retries it, instead of Axon's default of logging and moving on with a silent gap in the views.
 */
public final class ProjectionErrors {

    private ProjectionErrors() {
    }

    public static ConfigurerModule propagate() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
