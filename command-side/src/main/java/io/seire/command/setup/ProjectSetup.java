package io.seire.command.setup;

import io.seire.command.project.Allowed;
import io.seire.command.project.Outcome;
import io.seire.kernel.Recorded;
import io.seire.kernel.access.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import io.seire.command.programme.ProgrammeRegister;
import io.seire.command.reporting.PeriodLocks;
import io.seire.command.programme.ProgrammeTerms;
import io.seire.kernel.CurrencyCode;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.setup.AddBudgetLine;
import io.seire.kernel.setup.AddSubActivity;
import io.seire.kernel.setup.BudgetLineAdded;
import io.seire.kernel.setup.BudgetLineRevised;
import io.seire.kernel.setup.DefineIndicator;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.Measure;
import io.seire.kernel.setup.Milestone;
import io.seire.kernel.setup.Partner;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.RegisterProject;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.ReviseBudgetLine;
import io.seire.kernel.setup.SubActivityAdded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a project is set up with: eligibility, reporting periods, sub-activities, budget lines and indicators, and
 * the rules that keep them consistent. Each {@code decide} method checks a request and returns the event to
 * record, or throws the rule it breaks; each {@code on} method only records state.
 */
public class ProjectSetup {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private String programme;
    private CurrencyCode currency;
    private LocalDate eligibleFrom;
    private LocalDate eligibleTo;
    private BigDecimal flexibilityPercent;
    private List<ReportingPeriod> periods = new ArrayList<>();
    private Map<String, String> subActivities = new LinkedHashMap<>();
    private Map<String, BudgetLine> budgetLines = new LinkedHashMap<>();
    private Map<String, IndicatorDefined> indicators = new LinkedHashMap<>();

    // ---------------------------------------------------------------- registration

    /**
     * Registers a project. When its programme is registered ({@code programme} present), the project keeps its books
     * in the programme's currency and may name one of its components; otherwise it names no component.
     */
    public static ProjectRegistered decide(RegisterProject c, Optional<ProgrammeTerms> programme) {
        Ids.check("id", c.projectId());
        required("name", c.name());
        required("programme", c.programme());
        required("beneficiary", c.beneficiary());
        CurrencyCode currency = new CurrencyCode(c.currency());
        String component = c.component() == null || c.component().isBlank() ? null : c.component();
        if (programme.isPresent()) {
            ProgrammeTerms terms = programme.get();
            if (!terms.currency().equals(currency.code())) {
                throw RuleViolation.unprocessable("project-keeps-the-programme-currency", "currency", "Programme '"
                        + c.programme() + "' keeps its books in " + terms.currency() + "; its projects do too, not in "
                        + currency.code() + ".");
            }
            if (component != null && !terms.components().contains(component)) {
                throw RuleViolation.unprocessable("component-of-the-programme", "component", "Programme '"
                        + c.programme() + "' has no component '" + component + "'.");
            }
        } else if (component != null) {
            throw RuleViolation.unprocessable("component-of-the-programme", "component", "Programme '"
                    + c.programme() + "' is not registered, so the project cannot name one of its components. "
                    + "Register the programme first, or leave out the component.");
        }
        if (c.eligibleFrom() == null || c.eligibleTo() == null) {
            throw RuleViolation.badRequest("eligibility-dates-required", c.eligibleFrom() == null ? "eligibleFrom" : "eligibleTo",
                    "is required");
        }
        if (!c.eligibleTo().isAfter(c.eligibleFrom())) {
            throw RuleViolation.unprocessable("eligibility-end-after-start", "eligibleTo", "The eligibility period ends ("
                    + c.eligibleTo() + ") before it starts (" + c.eligibleFrom() + "); the end must come after the start.");
        }
        BigDecimal flexibility = c.flexibilityPercent() == null ? BigDecimal.ZERO : c.flexibilityPercent();
        if (flexibility.signum() < 0 || flexibility.compareTo(HUNDRED) > 0) {
            throw RuleViolation.badRequest("flexibility-percent-range", "flexibilityPercent",
                    "must be between 0 and 100, not " + flexibility.toPlainString());
        }
        List<ReportingPeriod> periods = c.reportingPeriods() == null ? List.of() : List.copyOf(c.reportingPeriods());
        checkPeriods(periods, c.eligibleFrom(), c.eligibleTo());
        String contractNumber = c.contractNumber() == null || c.contractNumber().isBlank() ? null : c.contractNumber();
        return new ProjectRegistered(c.projectId(), c.name(), c.programme(), c.beneficiary(), currency.code(),
                c.eligibleFrom(), c.eligibleTo(), flexibility, periods, component, contractNumber, partners(c.partners()));
    }

    /** Partners as the contract names them: each with a name; a blank country or role is no country or role. */
    private static List<Partner> partners(List<Partner> given) {
        List<Partner> partners = new ArrayList<>();
        List<Partner> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            Partner p = list.get(i);
            if (p == null || p.name() == null || p.name().isBlank()) {
                throw RuleViolation.badRequest("partner-named", "partners[" + i + "].name", "is required");
            }
            partners.add(new Partner(p.name(), blankToNull(p.country()), blankToNull(p.role())));
        }
        return List.copyOf(partners);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static void checkPeriods(List<ReportingPeriod> periods, LocalDate eligibleFrom, LocalDate eligibleTo) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < periods.size(); i++) {
            ReportingPeriod p = periods.get(i);
            String field = "reportingPeriods[" + i + "]";
            if (p == null || p.from() == null || p.to() == null) {
                throw RuleViolation.badRequest("reporting-period-complete", field, "needs an id, from and to");
            }
            Ids.check(field + ".id", p.id());
            if (!ids.add(p.id())) {
                throw RuleViolation.conflict("codes-unique", field + ".id", "The reporting period id '" + p.id()
                        + "' is used twice; every period needs its own id.");
            }
            if (p.to().isBefore(p.from())) {
                throw RuleViolation.unprocessable("reporting-period-end-after-start", field + ".to", "Reporting period '"
                        + p.id() + "' ends (" + p.to() + ") before it starts (" + p.from() + ").");
            }
            if (p.from().isBefore(eligibleFrom) || p.to().isAfter(eligibleTo)) {
                throw RuleViolation.unprocessable("reporting-periods-inside-eligibility", field, "Reporting period '"
                        + p.id() + "' (" + p.from() + " to " + p.to() + ") must lie inside the eligibility period ("
                        + eligibleFrom + " to " + eligibleTo + ").");
            }
            for (int j = 0; j < i; j++) {
                ReportingPeriod other = periods.get(j);
                if (p.overlaps(other)) {
                    throw RuleViolation.unprocessable("reporting-periods-do-not-overlap", field, "Reporting periods '"
                            + other.id() + "' and '" + p.id() + "' overlap; each day belongs to at most one period.");
                }
            }
        }
    }

    @EventSourcingHandler
    public void on(ProjectRegistered e) {
        programme = e.programme();
        currency = new CurrencyCode(e.currency());
        eligibleFrom = e.eligibleFrom();
        eligibleTo = e.eligibleTo();
        flexibilityPercent = e.flexibilityPercent();
        periods = new ArrayList<>(e.reportingPeriods());
    }

    // ---------------------------------------------------------------- commands: who may send them, what they record

    // RegisterProject creates the project: its handler is on the root, Project

    @CommandHandler
    @Allowed(value = Role.ADMIN, to = "add sub-activities")
    public Recorded handle(AddSubActivity c) {
        return Outcome.record(c.code(), decide(c));
    }

    @CommandHandler
    @Allowed(value = Role.ADMIN, to = "add budget lines")
    public Recorded handle(AddBudgetLine c) {
        return Outcome.record(c.code(), decide(c));
    }

    @CommandHandler
    @Allowed(value = Role.ADMIN, to = "revise budget lines")
    public Recorded handle(ReviseBudgetLine c, PeriodLocks locks) {
        BudgetLineRevised revision = decide(c);
        locks.checkNotBeforeLockedEnd(revision.effectiveFrom(), this, "effectiveFrom", "The revision");
        return Outcome.record(c.code(), revision);
    }

    @CommandHandler
    @Allowed(value = Role.ADMIN, to = "define indicators")
    public Recorded handle(DefineIndicator c, ProgrammeRegister programmes) {
        return Outcome.record(c.code(), decide(c, programmes::find));
    }

    // ---------------------------------------------------------------- sub-activities

    public SubActivityAdded decide(AddSubActivity c) {
        Ids.check("code", c.code());
        required("name", c.name());
        if (subActivities.containsKey(c.code())) {
            throw RuleViolation.conflict("codes-unique", "code", "The project already has a sub-activity '" + c.code() + "'.");
        }
        return new SubActivityAdded(c.projectId(), c.code(), c.name());
    }

    @EventSourcingHandler
    public void on(SubActivityAdded e) {
        subActivities.put(e.code(), e.name());
    }

    // ---------------------------------------------------------------- budget lines

    public BudgetLineAdded decide(AddBudgetLine c) {
        Ids.check("code", c.code());
        required("subActivity", c.subActivity());
        required("costCategory", c.costCategory());
        if (budgetLines.containsKey(c.code())) {
            throw RuleViolation.conflict("codes-unique", "code", "The project already has a budget line '" + c.code() + "'.");
        }
        if (!subActivities.containsKey(c.subActivity())) {
            throw RuleViolation.unprocessable("sub-activity-exists", "subActivity",
                    "The project has no sub-activity '" + c.subActivity() + "'. Add the sub-activity first.");
        }
        if ((c.planned() == null) == (c.flatRate() == null)) {
            throw RuleViolation.badRequest("planned-or-flat-rate", c.planned() == null ? "planned" : "flatRate",
                    "A budget line has either a planned amount or a flat rate, not both and not neither.");
        }
        if (c.planned() != null) {
            Amounts.checkPositive("planned", c.planned(), currency);
        } else {
            BigDecimal percent = c.flatRate().percent();
            if (percent == null || percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                throw RuleViolation.badRequest("flat-rate-percent-range", "flatRate.percent",
                        "must be more than 0 and at most 100");
            }
            String base = c.flatRate().ofCostCategory();
            required("flatRate.ofCostCategory", base);
            boolean baseIsPlanned = budgetLines.values().stream()
                    .anyMatch(l -> !l.isFlatRate() && l.costCategory().equals(base));
            if (!baseIsPlanned || base.equals(c.costCategory())) {
                throw RuleViolation.unprocessable("flat-rate-refers-to-cost-category", "flatRate.ofCostCategory",
                        "A flat rate must refer to a cost category the project plans with ordinary budget lines; '"
                                + base + "' " + (base.equals(c.costCategory()) ? "is this line's own category." : "has none."));
            }
        }
        return new BudgetLineAdded(c.projectId(), c.code(), c.subActivity(), c.costCategory(), c.planned(), c.flatRate());
    }

    @EventSourcingHandler
    public void on(BudgetLineAdded e) {
        budgetLines.put(e.code(), new BudgetLine(e.code(), e.subActivity(), e.costCategory(), e.planned(), e.flatRate()));
    }

    public BudgetLineRevised decide(ReviseBudgetLine c) {
        BudgetLine line = line(c.code());
        if (line.isFlatRate()) {
            throw RuleViolation.unprocessable("flat-rate-line-not-revised", "planned", "Budget line '" + c.code()
                    + "' is a flat rate; its planned amount follows the base category and cannot be revised.");
        }
        Amounts.checkPositive("planned", c.planned(), currency);
        if (c.effectiveFrom() == null) {
            throw RuleViolation.badRequest("revision-effective-date-required", "effectiveFrom", "is required");
        }
        required("reason", c.reason());
        checkInsideEligibility("revision-inside-eligibility", "effectiveFrom", c.effectiveFrom(), "A budget revision");
        return new BudgetLineRevised(c.projectId(), c.code(), c.planned(), c.effectiveFrom(), c.reason(), c.reference());
    }

    @EventSourcingHandler
    public void on(BudgetLineRevised e) {
        budgetLines.get(e.code()).revise(e.effectiveFrom(), e.planned());
    }

    // ---------------------------------------------------------------- indicators

    /**
     * Defines an indicator. A text indicator needs no unit (it is recorded as ""); a number or percentage one does.
     * An indicator may count towards an indicator of the project's registered programme (looked up through
     * {@code programmes}), and only a number indicator may.
     */
    public IndicatorDefined decide(DefineIndicator c, Function<String, Optional<ProgrammeTerms>> programmes) {
        Ids.check("code", c.code());
        required("name", c.name());
        if (c.measure() == null || c.aggregation() == null || c.kind() == null) {
            throw RuleViolation.badRequest("indicator-complete", c.kind() == null ? "kind"
                    : c.measure() == null ? "measure" : "aggregation", "is required");
        }
        String unit = c.unit() == null ? "" : c.unit();
        if (c.measure() != Measure.TEXT && unit.isBlank()) {
            throw RuleViolation.badRequest("indicator-unit-required", "unit",
                    "is required for a number or percentage indicator");
        }
        String programmeIndicator = c.programmeIndicator() == null || c.programmeIndicator().isBlank() ? null
                : c.programmeIndicator();
        if (programmeIndicator != null) {
            if (c.measure() != Measure.NUMBER) {
                throw RuleViolation.unprocessable("only-number-indicators-count-for-the-programme", "programmeIndicator",
                        "Only a number indicator can count towards a programme indicator; '" + c.code() + "' is a "
                                + c.measure().name().toLowerCase(java.util.Locale.ROOT) + " indicator.");
            }
            Optional<ProgrammeTerms> terms = programmes.apply(programme);
            if (terms.isEmpty()) {
                throw RuleViolation.unprocessable("programme-indicator-exists", "programmeIndicator", "Programme '"
                        + programme + "' is not registered, so the indicator cannot count towards one of its "
                        + "indicators.");
            }
            if (!terms.get().indicators().contains(programmeIndicator)) {
                throw RuleViolation.unprocessable("programme-indicator-exists", "programmeIndicator", "Programme '"
                        + programme + "' has no indicator '" + programmeIndicator + "'.");
            }
        }
        if (indicators.containsKey(c.code())) {
            throw RuleViolation.conflict("codes-unique", "code", "The project already has an indicator '" + c.code() + "'.");
        }
        List<Milestone> milestones = c.milestones() == null ? List.of() : List.copyOf(c.milestones());
        boolean text = c.measure() == Measure.TEXT;
        if (!text) {
            requiredNumber("baseline", c.baseline());
            requiredNumber("target", c.target());
            for (int i = 0; i < milestones.size(); i++) {
                requiredNumber("milestones[" + i + "].value", milestones.get(i).value());
            }
        }
        if (c.measure() == Measure.PERCENTAGE) {
            checkPercentage("baseline", c.baseline());
            checkPercentage("target", c.target());
            for (int i = 0; i < milestones.size(); i++) {
                checkPercentage("milestones[" + i + "].value", milestones.get(i).value());
            }
        }
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            if (m.date() == null) {
                throw RuleViolation.badRequest("milestone-date-required", "milestones[" + i + "].date", "is required");
            }
            checkInsideEligibility("milestones-inside-eligibility", "milestones[" + i + "].date", m.date(),
                    "Milestone " + m.date());
        }
        return new IndicatorDefined(c.projectId(), c.code(), c.name(), unit, c.kind(), c.measure(), c.aggregation(),
                c.ascending(), c.baseline(), milestones, c.target(), programmeIndicator);
    }

    @EventSourcingHandler
    public void on(IndicatorDefined e) {
        indicators.put(e.code(), e);
    }

    // ---------------------------------------------------------------- what other capabilities ask

    public CurrencyCode currency() {
        return currency;
    }

    public String programme() {
        return programme;
    }

    public LocalDate eligibleFrom() {
        return eligibleFrom;
    }

    public LocalDate eligibleTo() {
        return eligibleTo;
    }

    public BigDecimal flexibilityPercent() {
        return flexibilityPercent;
    }

    public List<ReportingPeriod> periods() {
        return periods;
    }

    public boolean hasSubActivity(String code) {
        return subActivities.containsKey(code);
    }

    public Collection<BudgetLine> budgetLines() {
        return budgetLines.values();
    }

    public Optional<BudgetLine> findLine(String code) {
        return Optional.ofNullable(budgetLines.get(code));
    }

    public BudgetLine line(String code) {
        BudgetLine line = budgetLines.get(code);
        if (line == null) {
            throw RuleViolation.notFound("budget-line-exists", "The project has no budget line '" + code + "'.");
        }
        return line;
    }

    public Optional<IndicatorDefined> indicator(String code) {
        return Optional.ofNullable(indicators.get(code));
    }

    public Optional<ReportingPeriod> period(String id) {
        return periods.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The reporting period a date falls in, if any (periods need not cover every eligible day). */
    public Optional<ReportingPeriod> periodContaining(LocalDate date) {
        return periods.stream().filter(p -> p.contains(date)).findFirst();
    }

    public boolean isEligible(LocalDate date) {
        return !date.isBefore(eligibleFrom) && !date.isAfter(eligibleTo);
    }

    public void checkInsideEligibility(String rule, String field, LocalDate date, String what) {
        if (!isEligible(date)) {
            throw RuleViolation.unprocessable(rule, field, what + " (" + date + ") lies outside the project's eligibility period ("
                    + eligibleFrom + " to " + eligibleTo + ").");
        }
    }

    // ---------------------------------------------------------------- helpers

    static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.badRequest("field-required", field, "is required");
        }
    }

    private static void requiredNumber(String field, BigDecimal value) {
        if (value == null) {
            throw RuleViolation.badRequest("indicator-numbers-required", field,
                    "is required for a number or percentage indicator");
        }
    }

    private static void checkPercentage(String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            throw RuleViolation.badRequest("percentage-range", field, "must be between 0 and 100, not " + value.toPlainString());
        }
    }
}
