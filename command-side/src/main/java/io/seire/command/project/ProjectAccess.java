package io.seire.command.project;

import static java.util.Map.entry;

import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.ChangePassword;
import io.seire.kernel.access.ChangeUserAccess;
import io.seire.kernel.access.DisableUser;
import io.seire.kernel.access.EnableUser;
import io.seire.kernel.access.RegisterUser;
import io.seire.kernel.access.ResetPassword;
import io.seire.kernel.access.Role;
import io.seire.kernel.finance.CancelExpenditure;
import io.seire.kernel.finance.CorrectExpenditure;
import io.seire.kernel.finance.ImportExpenditures;
import io.seire.kernel.finance.RecordExpenditure;
import io.seire.kernel.progress.ReportActivityProgress;
import io.seire.kernel.reporting.ApproveReport;
import io.seire.kernel.reporting.ReturnReport;
import io.seire.kernel.reporting.SubmitReport;
import io.seire.kernel.results.CorrectIndicatorValue;
import io.seire.kernel.results.RecordIndicatorValue;
import io.seire.kernel.results.RetractIndicatorValue;
import io.seire.kernel.setup.AddBudgetLine;
import io.seire.kernel.setup.AddSubActivity;
import io.seire.kernel.setup.DefineIndicator;
import io.seire.kernel.setup.RegisterProject;
import io.seire.kernel.setup.ReviseBudgetLine;
import io.seire.kernel.staffing.HireStaff;
import io.seire.kernel.staffing.OpenPosition;
import io.seire.kernel.staffing.RecordDeparture;
import io.seire.kernel.staffing.RecordRecruitmentFailure;
import io.seire.kernel.workplans.ApproveWorkPlan;
import io.seire.kernel.workplans.DraftWorkPlan;
import io.seire.kernel.workplans.ReturnWorkPlan;
import io.seire.kernel.workplans.SubmitWorkPlan;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who may change a project: a project the actor cannot see does not exist for them (404, no existence leak); a
 * project they see but whose change their role does not allow answers 403. Which role each command needs is written
 * here once; the project decides with it at the moment of the write, and the HTTP layer with it before it reads a
 * request's body.
 */
public final class ProjectAccess {

    /**
     * The roles a command needs, any one of them (empty: any signed-in user), and what it does in a clerk's words.
     */
    public record Permission(Set<Role> roles, String what) {

        public Permission {
            roles = Set.copyOf(roles);
        }

        /** One role (null: any signed-in user). */
        public Permission(Role role, String what) {
            this(role == null ? Set.of() : Set.of(role), what);
        }

        /** Either of two roles. */
        public Permission(Role role, Role orRole, String what) {
            this(Set.of(role, orRole), what);
        }
    }

    private static final Map<Class<?>, Permission> PERMISSIONS = Map.ofEntries(
            entry(RegisterUser.class, new Permission(Role.ADMIN, "create users")),
            entry(DisableUser.class, new Permission(Role.ADMIN, "disable users")),
            entry(EnableUser.class, new Permission(Role.ADMIN, "enable users")),
            entry(ChangeUserAccess.class, new Permission(Role.ADMIN, "change roles and memberships")),
            entry(ResetPassword.class, new Permission(Role.ADMIN, "reset passwords")),
            // any signed-in user, for their own account only: the account decides whose it is
            entry(ChangePassword.class, new Permission((Role) null, "change their own password")),
            entry(RegisterProject.class, new Permission(Role.ADMIN, "register a project")),
            entry(io.seire.kernel.programme.RegisterProgramme.class, new Permission(Role.ADMIN, "register a programme")),
            entry(AddSubActivity.class, new Permission(Role.ADMIN, "add sub-activities")),
            entry(AddBudgetLine.class, new Permission(Role.ADMIN, "add budget lines")),
            entry(ReviseBudgetLine.class, new Permission(Role.ADMIN, "revise budget lines")),
            entry(DefineIndicator.class, new Permission(Role.ADMIN, "define indicators")),
            entry(RecordExpenditure.class, new Permission(Role.FINANCE, "record expenditures")),
            entry(ImportExpenditures.class, new Permission(Role.FINANCE, "import expenditures")),
            entry(CorrectExpenditure.class, new Permission(Role.FINANCE, "correct expenditures")),
            entry(CancelExpenditure.class, new Permission(Role.FINANCE, "cancel expenditures")),
            entry(RecordIndicatorValue.class, new Permission(Role.MANAGER, "record indicator values")),
            entry(CorrectIndicatorValue.class, new Permission(Role.MANAGER, "correct indicator values")),
            entry(RetractIndicatorValue.class, new Permission(Role.MANAGER, "retract indicator values")),
            entry(ReportActivityProgress.class, new Permission(Role.MANAGER, "report activity progress")),
            entry(OpenPosition.class, new Permission(Role.MANAGER, "open positions")),
            entry(RecordRecruitmentFailure.class, new Permission(Role.MANAGER, "record recruitments")),
            entry(HireStaff.class, new Permission(Role.MANAGER, "hire staff")),
            entry(RecordDeparture.class, new Permission(Role.MANAGER, "record departures")),
            entry(io.seire.kernel.staffing.EraseStaffMember.class, new Permission(Role.ADMIN, "erase personal data")),
            entry(io.seire.kernel.personaldata.RedactFreeText.class, new Permission(Role.ADMIN, "redact free text")),
            entry(DraftWorkPlan.class, new Permission(Role.MANAGER, Role.FINANCE, "draft work plans")),
            entry(SubmitWorkPlan.class, new Permission(Role.MANAGER, "submit work plans")),
            entry(ApproveWorkPlan.class, new Permission(Role.LIAISON, "approve work plans")),
            entry(ReturnWorkPlan.class, new Permission(Role.LIAISON, "return work plans")),
            entry(SubmitReport.class, new Permission(Role.MANAGER, "submit reports")),
            entry(ApproveReport.class, new Permission(Role.LIAISON, "approve reports")),
            entry(ReturnReport.class, new Permission(Role.LIAISON, "return reports")),
            entry(io.seire.kernel.reimbursement.SubmitReimbursementRequest.class,
                    new Permission(Role.FINANCE, "submit reimbursement requests")),
            entry(io.seire.kernel.reimbursement.ApproveReimbursementRequest.class,
                    new Permission(Role.LIAISON, "approve reimbursement requests")),
            entry(io.seire.kernel.reimbursement.ReturnReimbursementRequest.class,
                    new Permission(Role.LIAISON, "return reimbursement requests")),
            // a liaison of the programme or an administrator (who may do everything)
            entry(io.seire.kernel.reimbursement.RecordReimbursementPayment.class,
                    new Permission(Role.LIAISON, "record payments of reimbursement requests")));

    private ProjectAccess() {
    }

    /** The permission a command needs; every command sent over HTTP has one. */
    public static Permission permission(Class<?> command) {
        Permission permission = PERMISSIONS.get(command);
        if (permission == null) {
            throw new IllegalStateException("No permission is defined for " + command.getName());
        }
        return permission;
    }

    /** May the actor send this command to this project (registered under this programme, or null if unknown)? */
    public static void check(Actor actor, String projectId, String programme, Class<?> command) {
        Permission permission = permission(command);
        check(actor, projectId, programme, permission.roles(), permission.what());
    }

    /** May the actor send a command that names no existing project (registering a project or a user)? */
    public static void checkRole(Actor actor, Class<?> command) {
        Permission permission = permission(command);
        if (actor == null) {
            throw RuleViolation.forbidden("signed-in-user-required", "Only a signed-in user can " + permission.what()
                    + ".");
        }
        if (permission.roles().isEmpty()) {
            return;
        }
        if (!(actor.isAdmin() || permission.roles().stream().anyMatch(actor::has))) {
            throw RuleViolation.forbidden("role-allows-write", "Only " + describe(permission.roles()) + " can "
                    + permission.what() + ".");
        }
    }

    private static void check(Actor actor, String projectId, String programme, Set<Role> roles, String what) {
        if (actor == null) {
            throw RuleViolation.forbidden("signed-in-user-required", "Only a signed-in user can " + what + ".");
        }
        if (!actor.canSee(projectId, programme)) {
            throw notVisible(projectId);
        }
        if (!actor.isAdmin() && roles.stream().noneMatch(role -> actor.actsAs(projectId, programme, role))) {
            throw RuleViolation.forbidden("role-allows-write", "Only " + describe(roles) + " can " + what + ".");
        }
    }

    public static RuleViolation notVisible(String projectId) {
        return RuleViolation.notFound("not-found", "'" + projectId + "' does not exist.");
    }

    /** "a manager of the project or finance staff of the project", in the order of {@link Role}. */
    private static String describe(Set<Role> roles) {
        return roles.stream().collect(Collectors.toCollection(TreeSet::new)).stream().map(ProjectAccess::describe)
                .collect(Collectors.joining(" or "));
    }

    private static String describe(Role role) {
        return switch (role) {
            case ADMIN -> "an administrator";
            case FINANCE -> "finance staff of the project";
            case MANAGER -> "a manager of the project";
            case LIAISON -> "a liaison of the project's programme";
        };
    }
}
