package io.seire.command.project;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.command.project.ProjectAccess.Permission;
import io.seire.kernel.Recorded;
import io.seire.kernel.access.Role;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateMember;
import org.junit.jupiter.api.Test;

/** Who may send each of the project's commands, written beside its handler and read into one table (ADR 0041). */
class ProjectAccessTest {

    /** The table as it was written out by hand in ProjectAccess before the slices said it themselves. */
    private static final Map<Class<?>, Permission> AS_BEFORE = Map.ofEntries(
            entry(io.seire.kernel.setup.RegisterProject.class, new Permission(Set.of(Role.ADMIN), "register a project")),
            entry(io.seire.kernel.setup.AddSubActivity.class, new Permission(Set.of(Role.ADMIN), "add sub-activities")),
            entry(io.seire.kernel.setup.AddBudgetLine.class, new Permission(Set.of(Role.ADMIN), "add budget lines")),
            entry(io.seire.kernel.setup.ReviseBudgetLine.class, new Permission(Set.of(Role.ADMIN), "revise budget lines")),
            entry(io.seire.kernel.setup.DefineIndicator.class, new Permission(Set.of(Role.ADMIN), "define indicators")),
            entry(io.seire.kernel.finance.RecordExpenditure.class, new Permission(Set.of(Role.FINANCE), "record expenditures")),
            entry(io.seire.kernel.finance.ImportExpenditures.class, new Permission(Set.of(Role.FINANCE), "import expenditures")),
            entry(io.seire.kernel.finance.CorrectExpenditure.class, new Permission(Set.of(Role.FINANCE), "correct expenditures")),
            entry(io.seire.kernel.finance.CancelExpenditure.class, new Permission(Set.of(Role.FINANCE), "cancel expenditures")),
            entry(io.seire.kernel.results.RecordIndicatorValue.class, new Permission(Set.of(Role.MANAGER), "record indicator values")),
            entry(io.seire.kernel.results.CorrectIndicatorValue.class, new Permission(Set.of(Role.MANAGER), "correct indicator values")),
            entry(io.seire.kernel.results.RetractIndicatorValue.class, new Permission(Set.of(Role.MANAGER), "retract indicator values")),
            entry(io.seire.kernel.progress.ReportActivityProgress.class, new Permission(Set.of(Role.MANAGER), "report activity progress")),
            entry(io.seire.kernel.staffing.OpenPosition.class, new Permission(Set.of(Role.MANAGER), "open positions")),
            entry(io.seire.kernel.staffing.RecordRecruitmentFailure.class, new Permission(Set.of(Role.MANAGER), "record recruitments")),
            entry(io.seire.kernel.staffing.HireStaff.class, new Permission(Set.of(Role.MANAGER), "hire staff")),
            entry(io.seire.kernel.staffing.RecordDeparture.class, new Permission(Set.of(Role.MANAGER), "record departures")),
            entry(io.seire.kernel.staffing.EraseStaffMember.class, new Permission(Set.of(Role.ADMIN), "erase personal data")),
            entry(io.seire.kernel.personaldata.RedactFreeText.class, new Permission(Set.of(Role.ADMIN), "redact free text")),
            entry(io.seire.kernel.workplans.DraftWorkPlan.class, new Permission(Set.of(Role.MANAGER, Role.FINANCE), "draft work plans")),
            entry(io.seire.kernel.workplans.SubmitWorkPlan.class, new Permission(Set.of(Role.MANAGER), "submit work plans")),
            entry(io.seire.kernel.workplans.ApproveWorkPlan.class, new Permission(Set.of(Role.LIAISON), "approve work plans")),
            entry(io.seire.kernel.workplans.ReturnWorkPlan.class, new Permission(Set.of(Role.LIAISON), "return work plans")),
            entry(io.seire.kernel.reporting.SubmitReport.class, new Permission(Set.of(Role.MANAGER), "submit reports")),
            entry(io.seire.kernel.reporting.ApproveReport.class, new Permission(Set.of(Role.LIAISON), "approve reports")),
            entry(io.seire.kernel.reporting.ReturnReport.class, new Permission(Set.of(Role.LIAISON), "return reports")),
            entry(io.seire.kernel.reimbursement.SubmitReimbursementRequest.class, new Permission(Set.of(Role.FINANCE), "submit reimbursement requests")),
            entry(io.seire.kernel.reimbursement.ApproveReimbursementRequest.class, new Permission(Set.of(Role.LIAISON), "approve reimbursement requests")),
            entry(io.seire.kernel.reimbursement.ReturnReimbursementRequest.class, new Permission(Set.of(Role.LIAISON), "return reimbursement requests")),
            entry(io.seire.kernel.reimbursement.RecordReimbursementPayment.class, new Permission(Set.of(Role.LIAISON), "record payments of reimbursement requests")));

    @Test
    void the_table_read_from_the_slices_is_the_table_written_before() {
        AS_BEFORE.forEach((command, permission) ->
                assertThat(ProjectAccess.permission(command)).as(command.getSimpleName()).isEqualTo(permission));
        assertThat(ProjectAccess.table(Project.class)).hasSize(AS_BEFORE.size() + 7);
    }

    @Test
    void every_command_says_who_may_send_it() {
        assertThatThrownBy(() -> ProjectAccess.table(Root.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("every-command-says-who-may-send-it").hasMessageContaining("Unguarded.handle");
    }

    @Test
    void one_command_has_one_permission() {
        assertThatThrownBy(() -> ProjectAccess.table(Twice.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two permissions for " + Command.class.getName());
    }

    record Command(String projectId) {
    }

    static class Unguarded {
        @CommandHandler
        Recorded handle(Command c) {
            return null;
        }
    }

    static class Root {
        @AggregateMember
        private Unguarded unguarded = new Unguarded();
    }

    static class Guarded {
        @CommandHandler
        @Allowed(value = Role.MANAGER, to = "send it")
        Recorded handle(Command c) {
            return null;
        }
    }

    static class Twice {
        @AggregateMember
        private Guarded one = new Guarded();

        @CommandHandler
        @Allowed(value = Role.FINANCE, to = "send it too")
        Recorded handle(Command c) {
            return null;
        }
    }
}
