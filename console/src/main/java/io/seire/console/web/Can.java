package io.seire.console.web;

import io.seire.command.project.ProjectAccess;
import io.seire.kernel.access.Actor;

/**
 * What a user may do in a project, from the same table the API checks every write against
 * ({@link ProjectAccess}): a page offers a form only to those whose write the API would take.
 */
public final class Can {

    private final Actor actor;
    private final String project;
    private final String programme;

    public Can(Actor actor, String project, String programme) {
        this.actor = actor;
        this.project = project;
        this.programme = programme;
    }

    public boolean send(Class<?> command) {
        ProjectAccess.Permission permission = ProjectAccess.permission(command);
        return actor != null && actor.canSee(project, programme)
                && (permission.roles().isEmpty()
                        || permission.roles().stream().anyMatch(role -> actor.actsAs(project, programme, role)));
    }

    public boolean recordExpenditures() {
        return send(io.seire.kernel.finance.RecordExpenditure.class);
    }

    public boolean importExpenditures() {
        return send(io.seire.kernel.finance.ImportExpenditures.class);
    }

    public boolean correctExpenditures() {
        return send(io.seire.kernel.finance.CorrectExpenditure.class);
    }

    public boolean cancelExpenditures() {
        return send(io.seire.kernel.finance.CancelExpenditure.class);
    }

    public boolean recordValues() {
        return send(io.seire.kernel.results.RecordIndicatorValue.class);
    }

    public boolean correctValues() {
        return send(io.seire.kernel.results.CorrectIndicatorValue.class);
    }

    public boolean reportProgress() {
        return send(io.seire.kernel.progress.ReportActivityProgress.class);
    }

    public boolean submitReports() {
        return send(io.seire.kernel.reporting.SubmitReport.class);
    }

    public boolean decideReports() {
        return send(io.seire.kernel.reporting.ApproveReport.class);
    }

    public boolean retractValues() {
        return send(io.seire.kernel.results.RetractIndicatorValue.class);
    }

    public boolean draftWorkPlans() {
        return send(io.seire.kernel.workplans.DraftWorkPlan.class);
    }

    public boolean submitWorkPlans() {
        return send(io.seire.kernel.workplans.SubmitWorkPlan.class);
    }

    public boolean decideWorkPlans() {
        return send(io.seire.kernel.workplans.ApproveWorkPlan.class);
    }

    public boolean submitReimbursements() {
        return send(io.seire.kernel.reimbursement.SubmitReimbursementRequest.class);
    }

    public boolean decideReimbursements() {
        return send(io.seire.kernel.reimbursement.ApproveReimbursementRequest.class);
    }

    public boolean payReimbursements() {
        return send(io.seire.kernel.reimbursement.RecordReimbursementPayment.class);
    }

    public boolean defineIndicators() {
        return send(io.seire.kernel.setup.DefineIndicator.class);
    }
}
