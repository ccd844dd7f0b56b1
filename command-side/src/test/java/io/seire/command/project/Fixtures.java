package io.seire.command.project;

import io.seire.command.write.WriteExecutor;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.Role;
import io.seire.kernel.setup.BudgetLineAdded;
import io.seire.kernel.setup.FlatRate;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.SubActivityAdded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Building blocks for the project's given / when / expect tests. */
public final class Fixtures {

    public static final String PROJECT = "Šveits.1.01.25-0006";
    public static final String PROGRAMME = "Šveitsi-Eesti koostööprogramm";
    public static final LocalDate FROM = LocalDate.of(2024, 6, 1);
    public static final LocalDate TO = LocalDate.of(2028, 7, 31);
    public static final ReportingPeriod P2024 = new ReportingPeriod("2024", FROM, LocalDate.of(2024, 12, 31));
    public static final ReportingPeriod P2025 = new ReportingPeriod("2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    public static final ReportingPeriod P2026 = new ReportingPeriod("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

    public static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN), Set.of(), Set.of());
    public static final Actor FINANCE = new Actor("kaja", Set.of(Role.FINANCE), Set.of(PROJECT), Set.of());
    public static final Actor MANAGER = new Actor("evelyn", Set.of(Role.MANAGER), Set.of(PROJECT), Set.of());
    public static final Actor LIAISON = new Actor("tiina", Set.of(Role.LIAISON), Set.of(), Set.of(PROGRAMME));
    public static final Actor STRANGER = new Actor("mart", Set.of(Role.FINANCE, Role.MANAGER), Set.of("other"), Set.of());

    /** Personal data sealed under a master key of the tests', with its data keys in memory. */
    public static final io.seire.platform.personaldata.PersonalData PERSONAL_DATA =
            io.seire.platform.testing.InMemoryDataKeys.personalData();

    private Fixtures() {
    }

    /** A fixture for the project aggregate, routed as in production; no programme is registered. */
    public static org.axonframework.test.aggregate.AggregateTestFixture<Project> projectFixture() {
        return projectFixture(new io.seire.command.programme.InMemoryProgrammeRegister());
    }

    /** A fixture for the project aggregate whose programmes are the given register's. */
    public static org.axonframework.test.aggregate.AggregateTestFixture<Project> projectFixture(
            io.seire.command.programme.ProgrammeRegister programmes) {
        var fixture = new org.axonframework.test.aggregate.AggregateTestFixture<>(Project.class);
        fixture.registerCommandTargetResolver(new ProjectCommandTarget());
        fixture.registerInjectableResource(programmes);
        fixture.registerInjectableResource(PERSONAL_DATA);
        // free text is sealed under keys of its own, with a random nonce: rule tests compare every other field, and
        // FreeTextRulesTest opens the sealed text (ADR 0037)
        fixture.registerIgnoredField(io.seire.kernel.finance.ExpenditureRecorded.class, "description");
        fixture.registerIgnoredField(io.seire.kernel.finance.ExpenditureCorrected.class, "description");
        fixture.registerIgnoredField(io.seire.kernel.results.IndicatorValueRecorded.class, "note");
        fixture.registerIgnoredField(io.seire.kernel.results.IndicatorValueRecorded.class, "evidence");
        for (String field : java.util.List.of("summary", "problems", "measures", "nextSteps")) {
            fixture.registerIgnoredField(io.seire.kernel.progress.ActivityProgressReported.class, field);
        }
        return fixture;
    }

    /**
     * A project built from these events by Axon's own model of the aggregate, as a load from the event store builds
     * it: the n-th event has sequence number n.
     */
    public static Project replay(Object... events) {
        var model = org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory.inspectAggregate(
                Project.class, org.axonframework.messaging.annotation.MultiParameterResolverFactory.ordered(
                        org.axonframework.messaging.annotation.ClasspathParameterResolverFactory.forClass(Project.class),
                        // the resources of command handlers, which a replay does not call
                        (executable, parameters, index) -> index == 0 ? null
                                : new org.axonframework.messaging.annotation.FixedValueParameterResolver<>(null)));
        var aggregate = org.axonframework.eventsourcing.EventSourcedAggregate.initialize(new Project(), model, null,
                org.axonframework.eventsourcing.NoSnapshotTriggerDefinition.TRIGGER);
        List<org.axonframework.eventhandling.DomainEventMessage<?>> messages = new java.util.ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            messages.add(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Project", PROJECT, i,
                    events[i]));
        }
        aggregate.initializeState(org.axonframework.eventsourcing.eventstore.DomainEventStream.of(messages));
        return aggregate.getAggregateRoot();
    }

    public static Map<String, Object> as(Actor actor) {
        return Map.of(WriteExecutor.ACCESS, actor);
    }

    public static ProjectRegistered registered(BigDecimal flexibilityPercent) {
        return new ProjectRegistered(PROJECT, "Kodanikuühiskonna pädevuse suurendamine", PROGRAMME,
                "SA Kodanikuühiskonna Sihtkapital", "EUR", FROM, TO, flexibilityPercent, List.of(P2024, P2025, P2026));
    }

    public static ProjectRegistered registered() {
        return registered(BigDecimal.TEN);
    }

    public static SubActivityAdded subActivity(String code) {
        return new SubActivityAdded(PROJECT, code, "Alategevus " + code);
    }

    public static BudgetLineAdded line(String code, String sub, String category, String planned) {
        return new BudgetLineAdded(PROJECT, code, sub, category, new BigDecimal(planned), null);
    }

    public static BudgetLineAdded flatRate(String code, String sub, String category, String percent, String of) {
        return new BudgetLineAdded(PROJECT, code, sub, category, null, new FlatRate(new BigDecimal(percent), of));
    }

    public static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    public static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** Matches a {@link RuleViolation} of the named rule, answered with the given outcome (400, 409, 422, …). */
    public static Matcher<Throwable> violates(String rule, RuleViolation.Outcome outcome) {
        Matcher<Throwable> named = violates(rule);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return named.matches(item) && ((RuleViolation) item).outcome() == outcome;
            }

            @Override
            public void describeTo(Description description) {
                named.describeTo(description);
                description.appendText(" answered as ").appendValue(outcome);
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                mismatch.appendText(item instanceof RuleViolation v ? "violated " + v.rule() + " (" + v.outcome()
                        + "): " + v.getMessage() : "was " + item);
            }
        };
    }

    /** Matches a {@link RuleViolation} of the named rule. */
    public static Matcher<Throwable> violates(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof RuleViolation v && v.rule().equals(rule);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of rule ").appendValue(rule);
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                mismatch.appendText(item instanceof RuleViolation v ? "violated " + v.rule() + ": " + v.getMessage()
                        : "was " + item);
            }
        };
    }
}
