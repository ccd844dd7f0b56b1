package io.seire.command.project;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.seire.command.finance.Ledger;
import io.seire.command.personaldata.FreeTexts;
import io.seire.kernel.personaldata.FreeTextRedacted;
import io.seire.kernel.personaldata.RedactFreeText;
import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.command.programme.ProgrammeRegister;
import java.util.Optional;
import io.seire.command.progress.ActivityProgress;
import io.seire.command.reporting.ChainHeads;
import io.seire.command.reporting.PeriodLocks;
import io.seire.command.reporting.Reports;
import io.seire.command.reimbursement.Reimbursements;
import io.seire.kernel.reimbursement.ApproveReimbursementRequest;
import io.seire.kernel.reimbursement.RecordReimbursementPayment;
import io.seire.kernel.reimbursement.ReimbursementPaymentRecorded;
import io.seire.kernel.reimbursement.ReimbursementRequestApproved;
import io.seire.kernel.reimbursement.ReimbursementRequestReturned;
import io.seire.kernel.reimbursement.ReimbursementRequested;
import io.seire.kernel.reimbursement.ReturnReimbursementRequest;
import io.seire.kernel.reimbursement.SubmitReimbursementRequest;
import io.seire.kernel.reporting.ApproveReport;
import io.seire.kernel.reporting.ReportApproved;
import io.seire.kernel.reporting.ReportRecorded;
import io.seire.kernel.reporting.ReportReturned;
import io.seire.kernel.reporting.ReportSubmitted;
import io.seire.kernel.reporting.ReturnReport;
import io.seire.kernel.reporting.SubmitReport;
import io.seire.command.results.IndicatorValues;
import io.seire.command.staffing.Staffing;
import io.seire.command.workplans.WorkPlans;
import io.seire.kernel.workplans.ApproveWorkPlan;
import io.seire.kernel.workplans.DraftWorkPlan;
import io.seire.kernel.workplans.ReturnWorkPlan;
import io.seire.kernel.workplans.SubmitWorkPlan;
import io.seire.kernel.workplans.WorkPlanApproved;
import io.seire.kernel.workplans.WorkPlanDrafted;
import io.seire.kernel.workplans.WorkPlanRecorded;
import io.seire.kernel.workplans.WorkPlanReturned;
import io.seire.kernel.workplans.WorkPlanSubmitted;
import io.seire.kernel.progress.ReportActivityProgress;
import io.seire.kernel.results.CorrectIndicatorValue;
import io.seire.kernel.results.IndicatorValueCorrected;
import io.seire.kernel.results.IndicatorValueRecorded;
import io.seire.kernel.results.IndicatorValueRetracted;
import io.seire.kernel.results.RecordIndicatorValue;
import io.seire.kernel.results.RetractIndicatorValue;
import io.seire.kernel.staffing.EraseStaffMember;
import io.seire.kernel.staffing.HireStaff;
import io.seire.kernel.staffing.StaffMemberErased;
import io.seire.platform.personaldata.PersonalData;
import io.seire.kernel.staffing.OpenPosition;
import io.seire.kernel.staffing.PositionOpened;
import io.seire.kernel.staffing.RecordDeparture;
import io.seire.kernel.staffing.RecordRecruitmentFailure;
import io.seire.kernel.staffing.StaffDeparted;
import io.seire.kernel.staffing.StaffHired;
import io.seire.command.setup.ProjectSetup;
import io.seire.kernel.finance.CancelExpenditure;
import io.seire.kernel.finance.CorrectExpenditure;
import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.finance.ImportExpenditures;
import io.seire.kernel.finance.ImportResult;
import io.seire.kernel.finance.RecordExpenditure;
import org.axonframework.eventhandling.SequenceNumber;
import io.seire.command.write.WriteExecutor;
import io.seire.kernel.EventVersion;
import io.seire.kernel.Recorded;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.setup.AddBudgetLine;
import io.seire.kernel.setup.AddSubActivity;
import io.seire.kernel.setup.BudgetLineAdded;
import io.seire.kernel.setup.BudgetLineRevised;
import io.seire.kernel.setup.DefineIndicator;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.RegisterProject;
import io.seire.kernel.setup.ReviseBudgetLine;
import io.seire.kernel.setup.SubActivityAdded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A project is the consistency boundary of everything recorded about it: budget limits, eligibility, locked
 * periods and the uniqueness of codes are decided here, at the moment of the write. Each capability keeps its
 * state and rules in its own class; this root only checks access, asks the capability to decide, and applies.
 */
@Aggregate(cache = "projectCache", snapshotTriggerDefinition = "projectSnapshotTrigger",
        snapshotFilter = "projectSnapshotFilter", commandTargetResolver = "projectCommandTarget")
@EventVersion("2")
public class Project {

    @AggregateIdentifier
    private String projectId;
    private ProjectSetup setup = new ProjectSetup();
    private Ledger ledger = new Ledger();
    private PeriodLocks locks = new PeriodLocks();
    private IndicatorValues values = new IndicatorValues();
    private Staffing staffing = new Staffing();
    private WorkPlans workPlans = new WorkPlans();
    private Reports reports = new Reports();
    private Reimbursements reimbursements = new Reimbursements();
    private FreeTexts texts = new FreeTexts();

    protected Project() {
    }

    // ---------------------------------------------------------------- setup

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(RegisterProject command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                           ProgrammeRegister programmes) {
        ProjectAccess.checkRole(actor, RegisterProject.class);
        if (projectId != null) {
            throw RuleViolation.conflict("project-id-unique", "id",
                    "A project with the code '" + command.projectId() + "' is already registered.");
        }
        if (command.programme() != null && !command.programme().isBlank()) {
            // held until commit: a programme registered at the same moment sees this project, or it sees the programme
            programmes.lock(command.programme());
        }
        return record(command.projectId(), ProjectSetup.decide(command,
                command.programme() == null ? Optional.empty() : programmes.find(command.programme())));
    }

    @CommandHandler
    public Recorded handle(AddSubActivity command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        return record(command.code(), setup.decide(command));
    }

    @CommandHandler
    public Recorded handle(AddBudgetLine command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        return record(command.code(), setup.decide(command));
    }

    @CommandHandler
    public Recorded handle(ReviseBudgetLine command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        BudgetLineRevised revision = setup.decide(command);
        locks.checkNotBeforeLockedEnd(revision.effectiveFrom(), setup, "effectiveFrom", "The revision");
        return record(command.code(), revision);
    }

    @CommandHandler
    public Recorded handle(DefineIndicator command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                           ProgrammeRegister programmes) {
        allow(actor, command);
        return record(command.code(), setup.decide(command, programmes::find));
    }

    @EventSourcingHandler
    void on(ProjectRegistered e) {
        projectId = e.projectId();
        setup.on(e);
    }

    @EventSourcingHandler
    void on(SubActivityAdded e) {
        setup.on(e);
    }

    @EventSourcingHandler
    void on(BudgetLineAdded e) {
        setup.on(e);
    }

    @EventSourcingHandler
    void on(BudgetLineRevised e) {
        setup.on(e);
    }

    @EventSourcingHandler
    void on(IndicatorDefined e) {
        setup.on(e);
    }

    // ---------------------------------------------------------------- finance

    @CommandHandler
    public Recorded handle(RecordExpenditure command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                           PersonalData personalData) {
        allow(actor, command);
        Ledger.Outcome outcome = ledger.decide(command, setup, locks, reimbursements, texts, personalData);
        if (outcome instanceof Ledger.Outcome.AlreadyRecorded already) {
            return new Recorded(already.id(), already.sequence());
        }
        return record(command.expenditureId(), ((Ledger.Outcome.New) outcome).event());
    }

    @CommandHandler
    public ImportResult handle(ImportExpenditures command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                               PersonalData personalData) {
        allow(actor, command);
        Ledger.ImportOutcome outcome = ledger.decide(command, setup, locks, texts, personalData);
        outcome.events().forEach(AggregateLifecycle::apply);
        return new ImportResult(outcome.events().size(), outcome.unchanged(), AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public Recorded handle(CorrectExpenditure command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                           PersonalData personalData) {
        allow(actor, command);
        return record(command.expenditureId(), ledger.decide(command, setup, locks, reimbursements, texts,
                personalData));
    }

    @CommandHandler
    public Recorded handle(CancelExpenditure command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        return record(command.expenditureId(), ledger.decide(command, setup, locks, reimbursements));
    }

    @EventSourcingHandler
    void on(ExpenditureRecorded e, @SequenceNumber long sequence) {
        ledger.on(e, sequence, setup);
        texts.on(e);
    }

    @EventSourcingHandler
    void on(ExpenditureCorrected e) {
        ledger.on(e, setup);
        texts.on(e);
    }

    @EventSourcingHandler
    void on(ExpenditureCancelled e) {
        ledger.on(e, setup);
    }

    // ---------------------------------------------------------------- results

    @CommandHandler
    public Recorded handle(RecordIndicatorValue command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                           PersonalData personalData) {
        allow(actor, command);
        IndicatorValues.Outcome outcome = values.decide(command, setup, locks, texts, personalData);
        if (outcome instanceof IndicatorValues.Outcome.AlreadyRecorded already) {
            return new Recorded(already.id(), already.sequence());
        }
        return record(command.valueId(), ((IndicatorValues.Outcome.New) outcome).event());
    }

    @CommandHandler
    public Recorded handle(CorrectIndicatorValue command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        return record(command.valueId(), values.decide(command, setup, locks));
    }

    @CommandHandler
    public Recorded handle(RetractIndicatorValue command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        return record(command.valueId(), values.decide(command, setup, locks));
    }

    @EventSourcingHandler
    void on(IndicatorValueRecorded e, @SequenceNumber long sequence) {
        values.on(e, sequence, setup);
        texts.on(e);
    }

    @EventSourcingHandler
    void on(IndicatorValueCorrected e) {
        values.on(e);
    }

    @EventSourcingHandler
    void on(IndicatorValueRetracted e) {
        values.on(e);
    }

    // ---------------------------------------------------------------- progress

    @CommandHandler
    public Recorded handle(ReportActivityProgress command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                           PersonalData personalData) {
        allow(actor, command);
        return record(command.subActivity() + "/" + command.period(), ActivityProgress.decide(command, setup, locks,
                texts, personalData));
    }

    @EventSourcingHandler
    void on(ActivityProgressReported e) {
        texts.on(e);
    }

    // ---------------------------------------------------------------- redaction of free text

    @CommandHandler
    public Recorded handle(RedactFreeText command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                           PersonalData personalData) {
        allow(actor, command);
        FreeTextRedacted redacted = texts.decide(command, personalData);
        // answered with the record's id as its own writes answer it (a progress report's: sub-activity/period)
        return record(command.kind() == io.seire.kernel.personaldata.RedactedRecord.PROGRESS
                ? command.scope() + "/" + command.recordId() : command.recordId(), redacted);
    }

    @EventSourcingHandler
    void on(FreeTextRedacted e) {
        texts.on(e);
    }

    // ---------------------------------------------------------------- work plans

    @CommandHandler
    public WorkPlanRecorded handle(DraftWorkPlan command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        WorkPlanDrafted drafted = workPlans.decide(command, setup);
        apply(drafted);
        return new WorkPlanRecorded(String.valueOf(drafted.year()), drafted.version(), AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public WorkPlanRecorded handle(SubmitWorkPlan command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        WorkPlanSubmitted submitted = workPlans.decide(command, setup);
        apply(submitted);
        return new WorkPlanRecorded(String.valueOf(submitted.year()), submitted.version(),
                AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public WorkPlanRecorded handle(ApproveWorkPlan command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        WorkPlanApproved approved = workPlans.decide(command, setup);
        apply(approved);
        return new WorkPlanRecorded(String.valueOf(approved.year()), approved.version(), AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public WorkPlanRecorded handle(ReturnWorkPlan command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        WorkPlanReturned returned = workPlans.decide(command);
        apply(returned);
        return new WorkPlanRecorded(String.valueOf(returned.year()), returned.version(), AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(WorkPlanDrafted e) {
        workPlans.on(e);
    }

    @EventSourcingHandler
    void on(WorkPlanSubmitted e) {
        workPlans.on(e);
    }

    @EventSourcingHandler
    void on(WorkPlanApproved e) {
        workPlans.on(e);
    }

    @EventSourcingHandler
    void on(WorkPlanReturned e) {
        workPlans.on(e);
    }

    // ---------------------------------------------------------------- staffing

    @CommandHandler
    public Recorded handle(OpenPosition command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        return record(command.code(), staffing.decide(command, setup, locks));
    }

    @CommandHandler
    public Recorded handle(RecordRecruitmentFailure command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        return record(command.position(), staffing.decide(command, setup, locks));
    }

    @CommandHandler
    public Recorded handle(HireStaff command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                           PersonalData personalData) {
        allow(actor, command);
        return record(command.staffId(), staffing.decide(command, setup, locks, personalData));
    }

    @CommandHandler
    public Recorded handle(EraseStaffMember command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                           PersonalData personalData) {
        allow(actor, command);
        return record(command.staffId(), staffing.decide(command, personalData));
    }

    @CommandHandler
    public Recorded handle(RecordDeparture command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        return record(command.staffId(), staffing.decide(command, setup, locks));
    }

    @EventSourcingHandler
    void on(PositionOpened e) {
        staffing.on(e);
    }

    @EventSourcingHandler
    void on(StaffHired e) {
        staffing.on(e);
    }

    @EventSourcingHandler
    void on(StaffDeparted e) {
        staffing.on(e);
    }

    @EventSourcingHandler
    void on(StaffMemberErased e) {
        staffing.on(e);
    }

    // ---------------------------------------------------------------- reporting

    @CommandHandler
    public ReportRecorded handle(SubmitReport command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                                 ChainHeads chainHeads) {
        allow(actor, command);
        ReportSubmitted submitted = reports.decide(command, setup, locks, AggregateLifecycle.getVersion(), chainHeads);
        apply(submitted);
        return new ReportRecorded(command.reportId(), AggregateLifecycle.getVersion(), submitted.chainHead());
    }

    @CommandHandler
    public Recorded handle(ApproveReport command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        return record(command.reportId(), reports.decide(command));
    }

    @CommandHandler
    public Recorded handle(ReturnReport command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        return record(command.reportId(), reports.decide(command));
    }

    @EventSourcingHandler
    void on(ReportSubmitted e) {
        reports.on(e);
        locks.lock(e.period());
    }

    @EventSourcingHandler
    void on(ReportApproved e) {
        reports.on(e);
    }

    @EventSourcingHandler
    void on(ReportReturned e) {
        locks.unlock(reports.on(e));
    }

    // ---------------------------------------------------------------- reimbursement

    @CommandHandler
    public Recorded handle(SubmitReimbursementRequest command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                           ProgrammeRegister programmes) {
        allow(actor, command);
        return record(command.requestId(), reimbursements.decide(command, setup, ledger, programmes));
    }

    @CommandHandler
    public Recorded handle(ApproveReimbursementRequest command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor,
                           ProgrammeRegister programmes) {
        allow(actor, command);
        return record(command.requestId(), reimbursements.decide(command, setup, programmes));
    }

    @CommandHandler
    public Recorded handle(ReturnReimbursementRequest command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        return record(command.requestId(), reimbursements.decide(command));
    }

    @CommandHandler
    public Recorded handle(RecordReimbursementPayment command, @MetaDataValue(WriteExecutor.ACCESS) Actor actor) {
        allow(actor, command);
        return record(command.requestId(), reimbursements.decide(command));
    }

    @EventSourcingHandler
    void on(ReimbursementRequested e) {
        reimbursements.on(e);
    }

    @EventSourcingHandler
    void on(ReimbursementRequestApproved e) {
        reimbursements.on(e);
    }

    @EventSourcingHandler
    void on(ReimbursementRequestReturned e) {
        reimbursements.on(e);
    }

    @EventSourcingHandler
    void on(ReimbursementPaymentRecorded e) {
        reimbursements.on(e);
    }

    // ---------------------------------------------------------------- plumbing

    private void allow(Actor actor, Object command) {
        ProjectAccess.check(actor, projectId, setup.programme(), command.getClass());
    }

    /** Applies the event and answers with the id of what it records and the event's sequence number. */
    private static Recorded record(String id, Object event) {
        apply(event);
        return new Recorded(id, AggregateLifecycle.getVersion());
    }
}
