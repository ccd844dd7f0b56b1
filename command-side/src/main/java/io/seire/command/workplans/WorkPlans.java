package io.seire.command.workplans;

import io.seire.command.project.Allowed;
import io.seire.kernel.access.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import io.seire.kernel.workplans.WorkPlanRecorded;
import org.axonframework.modelling.command.AggregateLifecycle;
import io.seire.command.setup.Amounts;
import io.seire.command.setup.BudgetLine;
import io.seire.command.setup.ProjectSetup;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.workplans.ApproveWorkPlan;
import io.seire.kernel.workplans.DraftWorkPlan;
import io.seire.kernel.workplans.PlannedActivity;
import io.seire.kernel.workplans.PlannedAmount;
import io.seire.kernel.workplans.ReturnWorkPlan;
import io.seire.kernel.workplans.SubmitWorkPlan;
import io.seire.kernel.workplans.WorkPlanApproved;
import io.seire.kernel.workplans.WorkPlanDrafted;
import io.seire.kernel.workplans.WorkPlanReturned;
import io.seire.kernel.workplans.WorkPlanSubmitted;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Yearly work plans and budgets (ADR 0024). Each year's plan is a list of versions: a version is drafted, submitted,
 * then approved or returned by a liaison. The approved version is the year's budget until a later version of the same
 * year is approved. Whatever is in force across the years must fit each budget line's planned amount.
 */
public class WorkPlans {

    enum Status { DRAFT, SUBMITTED, APPROVED, RETURNED }

    /** One version of a year's plan as the rules need it: its status and its budget by line. */
    public static class Version {
        private int number;
        private Status status;
        private Map<String, BigDecimal> budget = new LinkedHashMap<>();

        Version() {
        }

        Version(int number, List<PlannedAmount> budget) {
            this.number = number;
            this.status = Status.DRAFT;
            budget.forEach(a -> this.budget.put(a.budgetLine(), a.planned()));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Version v && number == v.number && status == v.status && Objects.equals(budget, v.budget);
        }

        @Override
        public int hashCode() {
            return Objects.hash(number, status, budget);
        }
    }

    /** A year's versions, oldest first, and the number of the one in force (null until one is approved). */
    public static class Year {
        private List<Version> versions = new ArrayList<>();
        private Integer inForce;

        Version latest() {
            return versions.get(versions.size() - 1);
        }

        Version version(int number) {
            return versions.get(number - 1);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Year y && Objects.equals(versions, y.versions) && Objects.equals(inForce, y.inForce);
        }

        @Override
        public int hashCode() {
            return Objects.hash(versions, inForce);
        }
    }

    private Map<Integer, Year> years = new HashMap<>();

    // ---------------------------------------------------------------- commands: who may send them, what they record

    @CommandHandler
    @Allowed(value = {Role.MANAGER, Role.FINANCE}, to = "draft work plans")
    public WorkPlanRecorded handle(DraftWorkPlan c, ProjectSetup setup) {
        return recorded(decide(c, setup), WorkPlanDrafted::year, WorkPlanDrafted::version);
    }

    @CommandHandler
    @Allowed(value = Role.MANAGER, to = "submit work plans")
    public WorkPlanRecorded handle(SubmitWorkPlan c, ProjectSetup setup) {
        return recorded(decide(c, setup), WorkPlanSubmitted::year, WorkPlanSubmitted::version);
    }

    @CommandHandler
    @Allowed(value = Role.LIAISON, to = "approve work plans")
    public WorkPlanRecorded handle(ApproveWorkPlan c, ProjectSetup setup) {
        return recorded(decide(c, setup), WorkPlanApproved::year, WorkPlanApproved::version);
    }

    @CommandHandler
    @Allowed(value = Role.LIAISON, to = "return work plans")
    public WorkPlanRecorded handle(ReturnWorkPlan c) {
        return recorded(decide(c), WorkPlanReturned::year, WorkPlanReturned::version);
    }

    /** Applies the event; answers with the plan's year, its version and the event's sequence number. */
    private static <E> WorkPlanRecorded recorded(E event, java.util.function.ToIntFunction<E> year,
                                                 java.util.function.ToIntFunction<E> version) {
        AggregateLifecycle.apply(event);
        return new WorkPlanRecorded(String.valueOf(year.applyAsInt(event)), version.applyAsInt(event),
                AggregateLifecycle.getVersion());
    }

    // ---------------------------------------------------------------- drafting

    public WorkPlanDrafted decide(DraftWorkPlan c, ProjectSetup setup) {
        List<PlannedAmount> budget = checkBudgetShape(c.budget(), setup);
        List<PlannedActivity> activities = c.activities() == null ? List.of() : List.copyOf(c.activities());
        checkActivitiesShape(activities);
        checkYearOverlapsEligibility(c.year(), setup);
        checkBudgetLines(budget, setup);
        checkActivities(c.year(), activities, setup);
        Year year = years.get(c.year());
        if (year != null && year.latest().status == Status.SUBMITTED) {
            throw RuleViolation.conflict("no-new-draft-while-submitted", "year", "Version " + year.latest().number
                    + " of the " + c.year() + " work plan is awaiting the liaison's decision; a new version can be "
                    + "drafted once it is approved or returned.");
        }
        checkWithinLineBudgets(c.year(), amounts(budget), setup, true);
        int number = year == null ? 1 : year.versions.size() + 1;
        return new WorkPlanDrafted(c.projectId(), c.year(), number, budget, activities);
    }

    @EventSourcingHandler
    public void on(WorkPlanDrafted e) {
        years.computeIfAbsent(e.year(), y -> new Year()).versions.add(new Version(e.version(), e.budget()));
    }

    /**
     * Field shape: every item complete, amounts not negative and in the currency's minor unit, each line once. The
     * amounts are recorded with exactly the currency's minor digits.
     */
    private static List<PlannedAmount> checkBudgetShape(List<PlannedAmount> budget, ProjectSetup setup) {
        if (budget == null) {
            throw RuleViolation.badRequest("field-required", "budget", "is required (an empty list plans no money)");
        }
        Set<String> lines = new HashSet<>();
        for (int i = 0; i < budget.size(); i++) {
            PlannedAmount a = budget.get(i);
            String field = "budget[" + i + "]";
            if (a == null) {
                throw RuleViolation.badRequest("field-required", field, "must not be null");
            }
            if (a.budgetLine() == null || a.budgetLine().isBlank()) {
                throw RuleViolation.badRequest("field-required", field + ".budgetLine", "is required");
            }
            if (a.planned() == null) {
                throw RuleViolation.badRequest("field-required", field + ".planned", "is required");
            }
            if (a.planned().signum() < 0) {
                throw RuleViolation.badRequest(Amounts.RULE, field + ".planned", "must not be negative, not "
                        + a.planned().toPlainString());
            }
            Amounts.checkMinorDigits(field + ".planned", a.planned(), setup.currency());
            if (!lines.add(a.budgetLine())) {
                throw RuleViolation.badRequest("budget-line-once-per-plan", field + ".budgetLine", "Budget line '"
                        + a.budgetLine() + "' is planned twice; give each line one amount.");
            }
        }
        return budget.stream().map(a -> new PlannedAmount(a.budgetLine(),
                a.planned().setScale(setup.currency().minorDigits()))).toList();
    }

    private static void checkActivitiesShape(List<PlannedActivity> activities) {
        for (int i = 0; i < activities.size(); i++) {
            PlannedActivity a = activities.get(i);
            String field = "activities[" + i + "]";
            if (a == null) {
                throw RuleViolation.badRequest("field-required", field, "must not be null");
            }
            String missing = a.subActivity() == null || a.subActivity().isBlank() ? "subActivity"
                    : a.from() == null ? "from" : a.to() == null ? "to"
                    : a.description() == null || a.description().isBlank() ? "description" : null;
            if (missing != null) {
                throw RuleViolation.badRequest("field-required", field + "." + missing, "is required");
            }
        }
    }

    private static void checkYearOverlapsEligibility(int year, ProjectSetup setup) {
        if (year < setup.eligibleFrom().getYear() || year > setup.eligibleTo().getYear()) {
            throw RuleViolation.unprocessable("work-plan-year-overlaps-eligibility", "year", "The project is eligible "
                    + "from " + setup.eligibleFrom() + " to " + setup.eligibleTo() + "; " + year
                    + " lies outside that period, so there is nothing to plan for it.");
        }
    }

    private static void checkBudgetLines(List<PlannedAmount> budget, ProjectSetup setup) {
        for (int i = 0; i < budget.size(); i++) {
            String code = budget.get(i).budgetLine();
            String field = "budget[" + i + "].budgetLine";
            BudgetLine line = setup.findLine(code).orElseThrow(() -> RuleViolation.unprocessable("budget-line-exists",
                    field, "The project has no budget line '" + code + "'."));
            if (line.isFlatRate()) {
                throw RuleViolation.unprocessable("flat-rate-line-not-planned-directly", field, "Budget line '" + code
                        + "' is a flat rate of " + line.flatRate().ofCostCategory() + "; its yearly amount follows the "
                        + "year's planned " + line.flatRate().ofCostCategory() + " lines and cannot be planned directly.");
            }
        }
    }

    private static void checkActivities(int year, List<PlannedActivity> activities, ProjectSetup setup) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        for (int i = 0; i < activities.size(); i++) {
            PlannedActivity a = activities.get(i);
            String field = "activities[" + i + "]";
            if (!setup.hasSubActivity(a.subActivity())) {
                throw RuleViolation.unprocessable("sub-activity-exists", field + ".subActivity",
                        "The project has no sub-activity '" + a.subActivity() + "'.");
            }
            if (a.to().isBefore(a.from())) {
                throw RuleViolation.unprocessable("activity-ends-after-it-starts", field + ".to", "The activity of "
                        + "sub-activity " + a.subActivity() + " ends (" + a.to() + ") before it starts (" + a.from()
                        + ").");
            }
            for (String end : List.of("from", "to")) {
                LocalDate date = end.equals("from") ? a.from() : a.to();
                if (date.isBefore(first) || date.isAfter(last)) {
                    throw RuleViolation.unprocessable("activities-inside-the-year", field + "." + end, "The activity "
                            + "of sub-activity " + a.subActivity() + " (" + a.from() + " to " + a.to() + ") must lie "
                            + "inside the plan's year " + year + ".");
                }
                if (!setup.isEligible(date)) {
                    throw RuleViolation.unprocessable("activities-inside-eligibility", field + "." + end, "The "
                            + "activity of sub-activity " + a.subActivity() + " (" + a.from() + " to " + a.to()
                            + ") must lie inside the project's eligibility period (" + setup.eligibleFrom() + " to "
                            + setup.eligibleTo() + ").");
                }
            }
        }
    }

    // ---------------------------------------------------------------- submission and decisions

    public WorkPlanSubmitted decide(SubmitWorkPlan c, ProjectSetup setup) {
        Year year = year(c.year());
        Version latest = year.latest();
        if (c.version() != null && c.version() != latest.number) {
            known(year, c.year(), c.version());
            throw RuleViolation.conflict("only-the-latest-version-is-submitted", "version", "Version " + c.version()
                    + " of the " + c.year() + " work plan is not its latest (version " + latest.number + " is); only "
                    + "the latest version can be submitted.");
        }
        if (latest.status != Status.DRAFT) {
            throw RuleViolation.conflict("only-a-draft-is-submitted", null, "Version " + latest.number + " of the "
                    + c.year() + " work plan is already " + words(latest.status) + "; draft a new version to submit "
                    + "changes.");
        }
        checkWithinLineBudgets(c.year(), latest.budget, setup, false);
        return new WorkPlanSubmitted(c.projectId(), c.year(), latest.number);
    }

    @EventSourcingHandler
    public void on(WorkPlanSubmitted e) {
        years.get(e.year()).version(e.version()).status = Status.SUBMITTED;
    }

    public WorkPlanApproved decide(ApproveWorkPlan c, ProjectSetup setup) {
        Year year = year(c.year());
        Version submitted = awaitingDecision(year, c.year(), c.version());
        checkWithinLineBudgets(c.year(), submitted.budget, setup, false);
        return new WorkPlanApproved(c.projectId(), c.year(), submitted.number, year.inForce, c.comment());
    }

    @EventSourcingHandler
    public void on(WorkPlanApproved e) {
        Year year = years.get(e.year());
        year.version(e.version()).status = Status.APPROVED;
        year.inForce = e.version();
    }

    public WorkPlanReturned decide(ReturnWorkPlan c) {
        Year year = year(c.year());
        Version submitted = awaitingDecision(year, c.year(), c.version());
        if (c.comment() == null || c.comment().isBlank()) {
            throw RuleViolation.badRequest("field-required", "comment", "Say why the work plan is returned.");
        }
        return new WorkPlanReturned(c.projectId(), c.year(), submitted.number, c.comment());
    }

    @EventSourcingHandler
    public void on(WorkPlanReturned e) {
        years.get(e.year()).version(e.version()).status = Status.RETURNED;
    }

    /** The year's submitted version (always its latest: no version is drafted while one is submitted). */
    private static Version awaitingDecision(Year year, int yearNumber, Integer version) {
        Version latest = year.latest();
        if (version != null) {
            known(year, yearNumber, version);
        }
        Version named = version == null ? latest : year.version(version);
        if (named.status != Status.SUBMITTED) {
            throw RuleViolation.conflict("only-a-submitted-version-is-decided", version == null ? null : "version",
                    "Version " + named.number + " of the " + yearNumber + " work plan is " + words(named.status)
                            + "; only a submitted version can be approved or returned.");
        }
        return named;
    }

    private Year year(int year) {
        Year found = years.get(year);
        if (found == null) {
            throw RuleViolation.notFound("work-plan-exists", "The project has no work plan for " + year + ".");
        }
        return found;
    }

    private static void known(Year year, int yearNumber, int version) {
        if (version < 1 || version > year.versions.size()) {
            throw RuleViolation.notFound("work-plan-version-exists", "The " + yearNumber + " work plan has no version "
                    + version + ".");
        }
    }

    private static String words(Status status) {
        return status == Status.DRAFT ? "a draft" : status.name().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- the rule across the years

    /**
     * For each line this version plans: its amount plus the amounts of the versions in force for every other year must
     * not exceed the line's planned amount (after every amendment recorded so far). A line the version leaves out
     * only gets less planned by it, so it is not checked here. Checked again at submission and approval: another
     * year's approval or a budget revision may come in between.
     */
    private void checkWithinLineBudgets(int year, Map<String, BigDecimal> budget, ProjectSetup setup,
                                        boolean drafting) {
        int index = 0;
        for (Map.Entry<String, BigDecimal> planned : budget.entrySet()) {
            String code = planned.getKey();
            BudgetLine line = setup.line(code);
            BigDecimal limit = line.plannedOn(setup.eligibleTo());
            TreeMap<Integer, BigDecimal> byYear = new TreeMap<>();
            byYear.put(year, planned.getValue());
            years.forEach((y, plans) -> {
                if (y != year && plans.inForce != null) {
                    BigDecimal amount = plans.version(plans.inForce).budget.get(code);
                    if (amount != null) {
                        byYear.put(y, amount);
                    }
                }
            });
            BigDecimal total = byYear.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(limit) > 0) {
                StringBuilder parts = new StringBuilder();
                byYear.forEach((y, amount) -> parts.append(parts.isEmpty() ? "" : ", ").append(y).append(": ")
                        .append(amount.toPlainString()).append(y == year ? " in this plan" : " approved"));
                throw RuleViolation.unprocessable("yearly-plans-within-the-line",
                        drafting ? "budget[" + index + "].planned" : null,
                        "Budget line '" + code + "' is planned at " + limit.toPlainString() + " for the whole project, "
                                + "but the yearly plans would add up to " + total.toPlainString() + " (" + parts
                                + "), " + total.subtract(limit).toPlainString() + " more than the line allows.");
            }
            index++;
        }
    }

    /** The amounts of a budget by line. */
    private static Map<String, BigDecimal> amounts(List<PlannedAmount> budget) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        budget.forEach(a -> amounts.put(a.budgetLine(), a.planned()));
        return amounts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkPlans w && Objects.equals(years, w.years);
    }

    @Override
    public int hashCode() {
        return Objects.hash(years);
    }
}
