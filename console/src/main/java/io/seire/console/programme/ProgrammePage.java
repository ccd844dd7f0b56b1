package io.seire.console.programme;

import io.seire.console.web.Fmt;
import io.seire.console.web.Inputs;
import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.query.audit.AuditController;
import io.seire.query.programme.ProgrammeViews;
import io.seire.query.programme.ProgrammeViewsController;
import io.seire.query.reporting.ReportViews;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A programme for its liaison: the roll-ups of its projects' budget execution and results at a date, and what waits
 * for them: submitted reports, and the submitted work plans and reimbursement requests they may decide. Members of
 * one of its projects see the programme with their own projects only, as the API shows it to them.
 */
@Controller
public class ProgrammePage {

    /** A submitted report waiting for a decision. */
    public record Waiting(String project, ReportViews.Summary report) {
    }

    /** A year's work plan whose latest version is submitted. */
    public record WaitingPlan(String project, io.seire.query.workplans.WorkPlanView.WorkPlan plan) {
    }

    /** A submitted reimbursement request. */
    public record WaitingClaim(String project, io.seire.query.reimbursement.ReimbursementViews.RequestSummary claim) {
    }

    private final ProgrammeViewsController programmes;
    private final AuditController reports;
    private final io.seire.query.setup.ProjectsController projects;
    private final io.seire.query.workplans.WorkPlansViewController plans;
    private final io.seire.query.reimbursement.ReimbursementViewsController claims;

    public ProgrammePage(ProgrammeViewsController programmes, AuditController reports,
                         io.seire.query.setup.ProjectsController projects,
                         io.seire.query.workplans.WorkPlansViewController plans,
                         io.seire.query.reimbursement.ReimbursementViewsController claims) {
        this.programmes = programmes;
        this.reports = reports;
        this.projects = projects;
        this.plans = plans;
        this.claims = claims;
    }

    @GetMapping("/programmes/{programmeId}")
    public String programme(Actor actor, @PathVariable String programmeId, @RequestParam(required = false) String to,
                            HttpServletRequest request, Locale locale, Model model) {
        Long minPosition = Writes.minPosition(request);
        ProgrammeViews.ProgrammeDetail programme = programmes.detail(actor, programmeId, minPosition, null);
        String iso = Inputs.date(to);
        LocalDate at;
        try {
            at = iso == null ? LocalDate.now() : LocalDate.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            throw io.seire.platform.web.InvalidRequest.of("to", "'" + to + "' is not a valid date");
        }
        model.addAttribute("programme", programme);
        model.addAttribute("to", new Fmt(locale).date(at));
        // the roll-ups are for administrators and the programme's liaisons: the API decides, as for any reader
        try {
            model.addAttribute("budget", programmes.budgetExecution(actor, programmeId, at, minPosition, null));
            model.addAttribute("results", programmes.results(actor, programmeId, at, minPosition, null));
            model.addAttribute("rollUps", true);
        } catch (io.seire.kernel.RuleViolation refused) {
            if (refused.outcome() != io.seire.kernel.RuleViolation.Outcome.FORBIDDEN) {
                throw refused;
            }
            model.addAttribute("rollUps", false);
        }
        List<Waiting> waiting = new ArrayList<>();
        for (ProgrammeViews.ProgrammeProject project : programme.projects()) {
            for (ReportViews.Summary report : reports.reports(actor, project.id(), null, null)) {
                if ("SUBMITTED".equals(report.status())) {
                    waiting.add(new Waiting(project.id(), report));
                }
            }
        }
        model.addAttribute("waiting", waiting);
        List<WaitingPlan> waitingPlans = new ArrayList<>();
        List<WaitingClaim> waitingClaims = new ArrayList<>();
        for (ProgrammeViews.ProgrammeProject project : programme.projects()) {
            // what waits for *them*: only what they may decide (a member of the project sees none of it)
            io.seire.console.web.Can can = new io.seire.console.web.Can(actor, project.id(), programme.id());
            if (can.decideWorkPlans()) {
                waitingPlans.addAll(submittedPlans(actor, project.id(), minPosition));
            }
            if (can.decideReimbursements()) {
                waitingClaims.addAll(submittedClaims(actor, project.id(), minPosition));
            }
        }
        model.addAttribute("waitingPlans", waitingPlans);
        model.addAttribute("waitingClaims", waitingClaims);
        return "console/programme";
    }

    /** The years of the project whose latest work plan version is submitted. */
    private List<WaitingPlan> submittedPlans(Actor actor, String projectId, Long minPosition) {
        List<WaitingPlan> waitingPlans = new ArrayList<>();
        var detail = projects.detail(actor, projectId, minPosition, null);
        for (int year = detail.eligibleFrom().getYear(); year <= detail.eligibleTo().getYear(); year++) {
            try {
                var plan = plans.plan(actor, projectId, year, minPosition, null);
                if ("SUBMITTED".equals(plan.status())) {
                    waitingPlans.add(new WaitingPlan(projectId, plan));
                }
            } catch (io.seire.kernel.RuleViolation none) {
                if (!"work-plan-exists".equals(none.rule())) {
                    throw none;
                }
            }
        }
        return waitingPlans;
    }

    /** The project's reimbursement requests that are submitted. */
    private List<WaitingClaim> submittedClaims(Actor actor, String projectId, Long minPosition) {
        List<WaitingClaim> waitingClaims = new ArrayList<>();
        for (int page = 0; ; page++) {
            var list = claims.list(actor, projectId, page, 100, minPosition, null);
            list.items().stream().filter(c -> "SUBMITTED".equals(c.status()))
                    .forEach(c -> waitingClaims.add(new WaitingClaim(projectId, c)));
            if ((long) (page + 1) * 100 >= list.total()) {
                return waitingClaims;
            }
        }
    }
}
