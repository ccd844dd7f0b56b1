package io.seire.console.plans;

import io.seire.command.workplans.WorkPlansController;
import io.seire.command.write.Sends;
import io.seire.console.setup.ProjectPage;
import io.seire.console.web.Can;
import io.seire.console.web.Form;
import io.seire.console.web.FormPage;
import io.seire.console.web.Inputs;
import io.seire.console.web.Option;
import io.seire.console.web.Rows;
import io.seire.console.web.Writes;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.workplans.ApproveWorkPlan;
import io.seire.kernel.workplans.DraftWorkPlan;
import io.seire.kernel.workplans.ReturnWorkPlan;
import io.seire.kernel.workplans.SubmitWorkPlan;
import io.seire.query.setup.ProjectViews;
import io.seire.query.setup.ProjectsController;
import io.seire.query.workplans.WorkPlanView;
import io.seire.query.workplans.WorkPlansViewController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Yearly work plans and budgets (ADR 0024): a project's years with the status of their latest version; a year's plan
 * with its version in force and history; a new draft version (managers, finance staff), its submission (managers),
 * and the liaison's approval or return, all through the API's {@link WorkPlansController}.
 */
@Controller
public class WorkPlanPages {

    /** Rows of planned activities the draft form offers. */
    static final int ACTIVITY_ROWS = 4;
    static final List<String> DECISION = List.of("comment");

    /** A year of the project's eligibility and its plan (null when none was drafted). */
    public record Year(int year, WorkPlanView.WorkPlan plan) {
    }

    private final ProjectsController projects;
    private final WorkPlansViewController views;
    private final WorkPlansController plans;
    private final FormPage forms;
    private final Writes writes;

    public WorkPlanPages(ProjectsController projects, WorkPlansViewController views, WorkPlansController plans,
                         FormPage forms, Writes writes) {
        this.projects = projects;
        this.views = views;
        this.plans = plans;
        this.forms = forms;
        this.writes = writes;
    }

    @GetMapping("/projects/{projectId}/work-plans")
    public String list(Actor actor, @PathVariable String projectId, HttpServletRequest request, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        model.addAttribute("project", project);
        model.addAttribute("can", new Can(actor, project.id(), project.programme()));
        model.addAttribute("years", years(project).stream()
                .map(y -> new Year(y, find(actor, projectId, y, request))).toList());
        return "console/work-plans";
    }

    @GetMapping("/projects/{projectId}/work-plans/new")
    public String draftForm(Actor actor, @PathVariable String projectId, @RequestParam(required = false) Integer year,
                            HttpServletRequest request, Locale locale, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        Form form = Form.empty();
        if (year != null) {
            form.with("year", year.toString());
            WorkPlanView.WorkPlan latest = find(actor, projectId, year, request);
            if (latest != null) {
                // a new version starts from the latest one
                io.seire.console.web.Fmt fmt = new io.seire.console.web.Fmt(locale);
                List<ProjectViews.BudgetLine> lines = plannable(project);
                for (WorkPlanView.PlannedAmount amount : latest.budget()) {
                    int row = IntStream.range(0, lines.size()).filter(i -> lines.get(i).code().equals(amount.budgetLine()))
                            .findFirst().orElse(-1);
                    if (row >= 0) {
                        form.with("budget[" + row + "].planned", fmt.input(amount.planned()));
                    }
                }
                for (int i = 0; i < latest.activities().size() && i < ACTIVITY_ROWS; i++) {
                    WorkPlanView.PlannedActivity a = latest.activities().get(i);
                    form.with("activities[" + i + "].subActivity", a.subActivity())
                            .with("activities[" + i + "].from", fmt.dateInput(a.from()))
                            .with("activities[" + i + "].to", fmt.dateInput(a.to()))
                            .with("activities[" + i + "].description", a.description());
                }
            }
        }
        return draftForm(model, project, form);
    }

    @PostMapping("/projects/{projectId}/work-plans/new")
    @Sends(DraftWorkPlan.class)
    public String draft(Actor actor, @PathVariable String projectId, @RequestParam MultiValueMap<String, String> fields,
                        HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
                        RedirectAttributes redirect) {
        Form form = Form.of(fields);
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        List<ProjectViews.BudgetLine> lines = plannable(project);
        Rows budgetRows = new Rows("budget");
        Rows activityRows = new Rows("activities");
        Writes.Written written = forms.send(form, fields(lines.size()), request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "year", number(form.get("year")));
            List<Map<String, Object>> budget = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String planned = Inputs.amount(form.get("budget[" + i + "].planned"), locale);
                if (planned != null) {
                    budget.add(Map.of("budgetLine", lines.get(i).code(), "planned", planned));
                    budgetRows.send(i);
                }
            }
            body.put("budget", budget);
            List<Map<String, Object>> activities = new ArrayList<>();
            for (int i = 0; i < ACTIVITY_ROWS; i++) {
                String prefix = "activities[" + i + "].";
                if (form.has(prefix + "subActivity") || form.has(prefix + "from") || form.has(prefix + "to")
                        || form.has(prefix + "description")) {
                    Map<String, Object> activity = new LinkedHashMap<>();
                    put(activity, "subActivity", Inputs.text(form.get(prefix + "subActivity")));
                    put(activity, "from", Inputs.date(form.get(prefix + "from")));
                    put(activity, "to", Inputs.date(form.get(prefix + "to")));
                    put(activity, "description", Inputs.text(form.get(prefix + "description")));
                    activities.add(activity);
                    activityRows.send(i);
                }
            }
            body.put("activities", activities);
            WorkPlansController.WorkPlanDraftRequest draft = writes.request(body,
                    WorkPlansController.WorkPlanDraftRequest.class, request);
            return r -> plans.draft(projectId, draft, actor, r);
        }, field -> activityRows.pageField(budgetRows.pageField(field)));
        if (written == null) {
            return draftForm(model, project, form);
        }
        redirect.addFlashAttribute("flash", "workPlan.drafted");
        return "redirect:" + yearPath(projectId, written.id());
    }

    @GetMapping("/projects/{projectId}/work-plans/{year}")
    public String plan(Actor actor, @PathVariable String projectId, @PathVariable int year, HttpServletRequest request,
                       Model model) {
        return plan(model, actor, projectId, year, request, Form.empty());
    }

    @PostMapping("/projects/{projectId}/work-plans/{year}/submission")
    @Sends(SubmitWorkPlan.class)
    public String submit(Actor actor, @PathVariable String projectId, @PathVariable int year,
                         @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                         HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, List.of(), request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "version", number(form.get("version")));
            WorkPlansController.WorkPlanSubmissionRequest submission = writes.request(body,
                    WorkPlansController.WorkPlanSubmissionRequest.class, request);
            return r -> plans.submit(projectId, year, submission, actor, r);
        });
        return decided(model, actor, projectId, year, request, form, written, "workPlan.submitted", "submit", redirect);
    }

    @PostMapping("/projects/{projectId}/work-plans/{year}/approval")
    @Sends(ApproveWorkPlan.class)
    public String approve(Actor actor, @PathVariable String projectId, @PathVariable int year,
                          @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                          HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return decide(actor, projectId, year, fields, request, response, model, redirect, true);
    }

    @PostMapping("/projects/{projectId}/work-plans/{year}/return")
    @Sends(ReturnWorkPlan.class)
    public String returnPlan(Actor actor, @PathVariable String projectId, @PathVariable int year,
                             @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                             HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return decide(actor, projectId, year, fields, request, response, model, redirect, false);
    }

    private String decide(Actor actor, String projectId, int year, MultiValueMap<String, String> fields,
                          HttpServletRequest request, HttpServletResponse response, Model model,
                          RedirectAttributes redirect, boolean approve) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, DECISION, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "version", number(form.get("version")));
            put(body, "comment", Inputs.text(form.get("comment")));
            if (approve) {
                WorkPlansController.WorkPlanDecisionRequest decision = writes.request(body,
                        WorkPlansController.WorkPlanDecisionRequest.class, request);
                return r -> plans.approve(projectId, year, decision, actor, r);
            }
            WorkPlansController.WorkPlanReturnRequest back = writes.request(body,
                    WorkPlansController.WorkPlanReturnRequest.class, request);
            return r -> plans.returnPlan(projectId, year, back, actor, r);
        });
        return decided(model, actor, projectId, year, request, form, written,
                approve ? "workPlan.approved" : "workPlan.returned", approve ? "approve" : "return", redirect);
    }

    private String decided(Model model, Actor actor, String projectId, int year, HttpServletRequest request, Form form,
                           Writes.Written written, String flash, String decision, RedirectAttributes redirect) {
        if (written == null) {
            form.with("decision", decision);
            return plan(model, actor, projectId, year, request, form);
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:" + yearPath(projectId, Integer.toString(year));
    }

    private String plan(Model model, Actor actor, String projectId, int year, HttpServletRequest request, Form form) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        WorkPlanView.WorkPlan plan = views.plan(actor, projectId, year, Writes.minPosition(request), null);
        model.addAttribute("project", project);
        model.addAttribute("can", new Can(actor, project.id(), project.programme()));
        model.addAttribute("plan", plan);
        FormPage.show(model, form);
        return "console/work-plan";
    }

    private String draftForm(Model model, ProjectViews.ProjectDetail project, Form form) {
        model.addAttribute("project", project);
        model.addAttribute("years", years(project).stream().map(y -> new Option(y.toString(), y.toString())).toList());
        model.addAttribute("lines", plannable(project));
        model.addAttribute("activityRows", IntStream.range(0, ACTIVITY_ROWS).boxed().toList());
        model.addAttribute("subActivities", project.subActivities().stream()
                .map(s -> Option.of(s.code(), s.name())).toList());
        FormPage.show(model, form);
        return "console/work-plan-new";
    }

    /** The year's plan, or null when the project has none for it. */
    private WorkPlanView.WorkPlan find(Actor actor, String projectId, int year, HttpServletRequest request) {
        try {
            return views.plan(actor, projectId, year, Writes.minPosition(request), null);
        } catch (RuleViolation none) {
            if (!"work-plan-exists".equals(none.rule())) {
                throw none;
            }
            return null;
        }
    }

    /** The calendar years the project's eligibility touches: the years a plan may be drafted for. */
    static List<Integer> years(ProjectViews.ProjectDetail project) {
        return IntStream.rangeClosed(project.eligibleFrom().getYear(), project.eligibleTo().getYear()).boxed().toList();
    }

    /** The lines a plan names directly (a flat-rate line's yearly amount follows from its base). */
    static List<ProjectViews.BudgetLine> plannable(ProjectViews.ProjectDetail project) {
        return project.budgetLines().stream().filter(l -> l.flatRate() == null).toList();
    }

    static List<String> fields(int lines) {
        List<String> fields = new ArrayList<>(List.of("year", "budget", "activities"));
        fields.addAll(Rows.fields("budget", lines, "budgetLine", "planned"));
        fields.addAll(Rows.fields("activities", ACTIVITY_ROWS, "subActivity", "from", "to", "description"));
        return fields;
    }

    static String yearPath(String projectId, String year) {
        return UriComponentsBuilder.fromPath("/projects/{p}/work-plans/{y}").encode().buildAndExpand(projectId, year)
                .toUriString();
    }

    /** A whole number as the API's JSON has it; anything else as typed, for the API to name. */
    static Object number(String typed) {
        String text = Inputs.text(typed);
        return text != null && text.strip().matches("\\d{1,9}") ? (Object) Integer.valueOf(text.strip()) : text;
    }

    private static void put(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}
