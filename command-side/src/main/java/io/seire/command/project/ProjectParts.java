package io.seire.command.project;

import io.seire.command.finance.ClaimedExpenditures;
import io.seire.command.finance.Ledger;
import io.seire.command.personaldata.FreeTexts;
import io.seire.command.reporting.PeriodLocks;
import io.seire.command.setup.ProjectSetup;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregate;

/**
 * Gives a capability's handler the other parts of the same project it decides with: a handler of the ledger that
 * declares a {@link ProjectSetup} and a {@link PeriodLocks} parameter gets the project's own. The part is read from the
 * project whose command or event is being handled (Axon's current aggregate scope); which getter serves which type is
 * settled once, when the handler is inspected, so a command costs no reflection. Registered for Axon through
 * {@code META-INF/services} (the application and the aggregate test fixtures alike).
 */
public final class ProjectParts implements ParameterResolverFactory {

    private static final Map<Class<?>, Function<Project, Object>> PARTS = Map.of(
            ProjectSetup.class, Project::setup,
            PeriodLocks.class, Project::locks,
            Ledger.class, Project::ledger,
            ClaimedExpenditures.class, Project::reimbursements,
            FreeTexts.class, Project::texts);

    @Override
    public ParameterResolver<Object> createInstance(Executable executable, Parameter[] parameters, int index) {
        Function<Project, Object> part = PARTS.get(parameters[index].getType());
        if (part == null) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Object resolveParameterValue(Message<?> message) {
                return part.apply(current());
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }

    /** The project whose message is being handled on this thread. */
    private static Project current() {
        AnnotatedAggregate<?> aggregate = Scope.getCurrentScope();
        return (Project) aggregate.getAggregateRoot();
    }
}
