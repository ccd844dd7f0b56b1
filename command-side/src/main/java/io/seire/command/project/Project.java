package io.seire.command.project;

import io.seire.command.finance.Ledger;
import io.seire.command.personaldata.FreeTexts;
import io.seire.command.programme.ProgrammeRegister;
import io.seire.command.progress.ActivityProgress;
import io.seire.command.reimbursement.Reimbursements;
import io.seire.command.reporting.PeriodLocks;
import io.seire.command.reporting.Reports;
import io.seire.command.results.IndicatorValues;
import io.seire.command.setup.ProjectSetup;
import io.seire.command.staffing.Staffing;
import io.seire.command.workplans.WorkPlans;
import io.seire.command.write.WriteExecutor;
import io.seire.kernel.EventVersion;
import io.seire.kernel.Recorded;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.Role;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.RegisterProject;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A project is the consistency boundary of everything recorded about it: budget limits, eligibility, locked
 * periods and the uniqueness of codes are decided here, at the moment of the write (ADR 0002). Each capability is a
 * slice of its own, a member of this aggregate that carries its state, its command handlers (with who may send each,
 * {@link Allowed}) and its event-sourcing handlers; a handler gets the other parts it decides with as parameters
 * ({@link ProjectParts}). This root only routes: it checks access once for every command, registers the project,
 * and names its parts (ADR 0041).
 */
@Aggregate(cache = "projectCache", snapshotTriggerDefinition = "projectSnapshotTrigger",
        snapshotFilter = "projectSnapshotFilter", commandTargetResolver = "projectCommandTarget")
@EventVersion("2")
public class Project {

    @AggregateIdentifier
    private String projectId;
    @AggregateMember
    private ProjectSetup setup = new ProjectSetup();
    @AggregateMember
    private Ledger ledger = new Ledger();
    /** Periods closed by a submitted report: kept by the reports, read by every capability that records in time. */
    private PeriodLocks locks = new PeriodLocks();
    @AggregateMember
    private IndicatorValues values = new IndicatorValues();
    @AggregateMember
    private Staffing staffing = new Staffing();
    @AggregateMember
    private WorkPlans workPlans = new WorkPlans();
    @AggregateMember
    private Reports reports = new Reports();
    @AggregateMember
    private Reimbursements reimbursements = new Reimbursements();
    @AggregateMember
    private FreeTexts texts = new FreeTexts();
    /** Progress reports keep no state of their own (their narrative is in the free texts): not in a snapshot. */
    @AggregateMember
    private final transient ActivityProgress progress = new ActivityProgress();

    protected Project() {
    }

    /** Access, decided once for every command before any capability sees it (ProjectAccess's table). */
    @CommandHandlerInterceptor
    void access(Object command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        if (command instanceof RegisterProject) {
            ProjectAccess.checkRole(actor, RegisterProject.class);
        } else {
            ProjectAccess.check(actor, projectId, setup.programme(), command.getClass());
        }
    }

    // ---------------------------------------------------------------- setup: the one command that creates a project

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    @Allowed(value = Role.ADMIN, to = "register a project")
    public Recorded handle(RegisterProject command, ProgrammeRegister programmes) {
        if (projectId != null) {
            throw RuleViolation.conflict("project-id-unique", "id",
                    "A project with the code '" + command.projectId() + "' is already registered.");
        }
        if (command.programme() != null && !command.programme().isBlank()) {
            // held until commit: a programme registered at the same moment sees this project, or it sees the programme
            programmes.lock(command.programme());
        }
        return Outcome.record(command.projectId(), ProjectSetup.decide(command,
                command.programme() == null ? Optional.empty() : programmes.find(command.programme())));
    }

    @EventSourcingHandler
    void on(ProjectRegistered e) {
        projectId = e.projectId();
    }

    // ---------------------------------------------------------------- the parts, for ProjectParts

    ProjectSetup setup() {
        return setup;
    }

    PeriodLocks locks() {
        return locks;
    }

    Ledger ledger() {
        return ledger;
    }

    Reimbursements reimbursements() {
        return reimbursements;
    }

    FreeTexts texts() {
        return texts;
    }
}
