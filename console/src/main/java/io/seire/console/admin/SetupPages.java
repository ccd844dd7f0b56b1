package io.seire.console.admin;

import io.seire.command.setup.SetupController;
import io.seire.command.write.Sends;
import io.seire.console.setup.ProjectPage;
import io.seire.console.web.Can;
import io.seire.console.web.Form;
import io.seire.console.web.FormPage;
import io.seire.console.web.Inputs;
import io.seire.console.web.Option;
import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.kernel.setup.AddBudgetLine;
import io.seire.kernel.setup.AddSubActivity;
import io.seire.kernel.setup.RegisterProject;
import io.seire.query.setup.ProjectViews;
import io.seire.query.setup.ProjectsController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The administrator's project set-up: registering a project with its reporting periods, and its sub-activities and
 * budget lines (a planned amount or a flat rate), through the API's {@link SetupController}.
 */
@Controller
public class SetupPages {

    static final int PERIOD_ROWS = 6;
    static final List<String> REGISTRATION = registrationFields();
    static final List<String> SUB_ACTIVITY = List.of("code", "name");
    static final List<String> REVISION = List.of("planned", "effectiveFrom", "reason", "reference");
    static final List<String> BUDGET_LINE = List.of("code", "subActivity", "costCategory", "planned", "flatRate",
            "flatRate.percent", "flatRate.ofCostCategory");

    static final int MILESTONE_ROWS = 4;
    static final List<String> INDICATOR = indicatorFields();

    private final ProjectsController projects;
    private final SetupController setup;
    private final FormPage forms;
    private final Writes writes;

    private final org.springframework.context.MessageSource messages;

    public SetupPages(ProjectsController projects, SetupController setup, FormPage forms, Writes writes,
                      @org.springframework.beans.factory.annotation.Qualifier("consoleMessages")
                      org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.projects = projects;
        this.setup = setup;
        this.forms = forms;
        this.writes = writes;
    }

    @GetMapping("/admin/projects/new")
    public String registrationForm(Actor actor, Model model) {
        // the same table the API checks the registration against: anyone else gets its 403
        io.seire.command.project.ProjectAccess.checkRole(actor, RegisterProject.class);
        return registrationForm(model, Form.empty().with("currency", "EUR").with("flexibilityPercent", "0"));
    }

    @PostMapping("/admin/projects/new")
    @Sends(RegisterProject.class)
    public String register(Actor actor, @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                           HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, REGISTRATION, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            for (String field : List.of("id", "name", "programme", "component", "beneficiary", "currency")) {
                put(body, field, Inputs.text(form.get(field)));
            }
            put(body, "eligibleFrom", Inputs.date(form.get("eligibleFrom")));
            put(body, "eligibleTo", Inputs.date(form.get("eligibleTo")));
            put(body, "flexibilityPercent", Inputs.amount(form.get("flexibilityPercent"), locale));
            List<Map<String, Object>> periods = new ArrayList<>();
            for (int i = 0; i < PERIOD_ROWS; i++) {
                String prefix = "reportingPeriods[" + i + "].";
                if (form.has(prefix + "id") || form.has(prefix + "from") || form.has(prefix + "to")) {
                    Map<String, Object> period = new LinkedHashMap<>();
                    put(period, "id", Inputs.text(form.get(prefix + "id")));
                    put(period, "from", Inputs.date(form.get(prefix + "from")));
                    put(period, "to", Inputs.date(form.get(prefix + "to")));
                    periods.add(period);
                }
            }
            body.put("reportingPeriods", periods);
            SetupController.RegisterProjectRequest registration = writes.request(body,
                    SetupController.RegisterProjectRequest.class, request);
            return r -> setup.register(registration, actor, r);
        });
        if (written == null) {
            return registrationForm(model, form);
        }
        redirect.addFlashAttribute("flash", "setup.registered");
        return "redirect:" + setupPath(form.get("id"));
    }

    @GetMapping("/projects/{projectId}/setup")
    public String setupPage(Actor actor, @PathVariable String projectId, HttpServletRequest request, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        model.addAttribute("project", project);
        model.addAttribute("can", new Can(actor, project.id(), project.programme()));
        return "console/project-setup";
    }

    @GetMapping("/projects/{projectId}/setup/sub-activities")
    public String subActivityForm(Actor actor, @PathVariable String projectId, HttpServletRequest request,
                                  Model model) {
        return form(model, ProjectPage.read(projects, actor, projectId, request), "subActivity", Form.empty());
    }

    @GetMapping("/projects/{projectId}/setup/budget-lines")
    public String budgetLineForm(Actor actor, @PathVariable String projectId, HttpServletRequest request,
                                 Model model) {
        return form(model, ProjectPage.read(projects, actor, projectId, request), "budgetLine", Form.empty());
    }

    @PostMapping("/projects/{projectId}/setup/sub-activities")
    @Sends(AddSubActivity.class)
    public String addSubActivity(Actor actor, @PathVariable String projectId,
                                 @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                                 HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, SUB_ACTIVITY, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "code", Inputs.text(form.get("code")));
            put(body, "name", Inputs.text(form.get("name")));
            SetupController.SubActivityRequest subActivity = writes.request(body,
                    SetupController.SubActivityRequest.class, request);
            return r -> setup.addSubActivity(projectId, subActivity, actor, r);
        });
        if (written == null) {
            return form(model, ProjectPage.read(projects, actor, projectId, request), "subActivity", form);
        }
        redirect.addFlashAttribute("flash", "setup.subActivityAdded");
        return "redirect:" + setupPath(projectId);
    }

    @PostMapping("/projects/{projectId}/setup/budget-lines")
    @Sends(AddBudgetLine.class)
    public String addBudgetLine(Actor actor, @PathVariable String projectId,
                                @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                                HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, BUDGET_LINE, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "code", Inputs.text(form.get("code")));
            put(body, "subActivity", Inputs.text(form.get("subActivity")));
            put(body, "costCategory", Inputs.text(form.get("costCategory")));
            put(body, "planned", Inputs.amount(form.get("planned"), locale));
            Map<String, Object> flatRate = new LinkedHashMap<>();
            put(flatRate, "percent", Inputs.amount(form.get("flatRate.percent"), locale));
            put(flatRate, "ofCostCategory", Inputs.text(form.get("flatRate.ofCostCategory")));
            if (!flatRate.isEmpty()) {
                body.put("flatRate", flatRate);
            }
            SetupController.BudgetLineRequest line = writes.request(body, SetupController.BudgetLineRequest.class,
                    request);
            return r -> setup.addBudgetLine(projectId, line, actor, r);
        });
        if (written == null) {
            return form(model, ProjectPage.read(projects, actor, projectId, request), "budgetLine", form);
        }
        redirect.addFlashAttribute("flash", "setup.budgetLineAdded");
        return "redirect:" + setupPath(projectId);
    }

    @GetMapping("/projects/{projectId}/setup/budget-lines/{code}/revisions")
    public String revisionForm(Actor actor, @PathVariable String projectId, @PathVariable String code,
                               HttpServletRequest request, Model model) {
        model.addAttribute("line", code);
        return form(model, ProjectPage.read(projects, actor, projectId, request), "revision", Form.empty());
    }

    @PostMapping("/projects/{projectId}/setup/budget-lines/{code}/revisions")
    @Sends(io.seire.kernel.setup.ReviseBudgetLine.class)
    public String revise(Actor actor, @PathVariable String projectId, @PathVariable String code,
                         @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                         HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, REVISION, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "planned", Inputs.amount(form.get("planned"), locale));
            put(body, "effectiveFrom", Inputs.date(form.get("effectiveFrom")));
            put(body, "reason", Inputs.text(form.get("reason")));
            put(body, "reference", Inputs.text(form.get("reference")));
            SetupController.RevisionRequest revision = writes.request(body, SetupController.RevisionRequest.class,
                    request);
            return r -> setup.revise(projectId, code, revision, actor, r);
        });
        if (written == null) {
            model.addAttribute("line", code);
            return form(model, ProjectPage.read(projects, actor, projectId, request), "revision", form);
        }
        redirect.addFlashAttribute("flash", "setup.revised");
        redirect.addFlashAttribute("flashDetail", code);
        return "redirect:" + setupPath(projectId);
    }

    @GetMapping("/projects/{projectId}/setup/indicators")
    public String indicatorForm(Actor actor, @PathVariable String projectId, HttpServletRequest request, Model model) {
        return form(model, ProjectPage.read(projects, actor, projectId, request), "indicator",
                Form.empty().with("ascending", "true"));
    }

    @PostMapping("/projects/{projectId}/setup/indicators")
    @Sends(io.seire.kernel.setup.DefineIndicator.class)
    public String defineIndicator(Actor actor, @PathVariable String projectId,
                                  @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                                  HttpServletResponse response, Locale locale, Model model,
                                  RedirectAttributes redirect) {
        Form form = Form.of(fields);
        io.seire.console.web.Rows rows = new io.seire.console.web.Rows("milestones");
        Writes.Written written = forms.send(form, INDICATOR, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            for (String field : List.of("code", "name", "unit", "kind", "measure", "aggregation", "programmeIndicator")) {
                put(body, field, Inputs.text(form.get(field)));
            }
            String ascending = Inputs.text(form.get("ascending"));
            if (ascending != null) {
                body.put("ascending", ascending.equals("true") ? Boolean.TRUE : ascending.equals("false") ? Boolean.FALSE
                        : ascending);
            }
            put(body, "baseline", Inputs.amount(form.get("baseline"), locale));
            put(body, "target", Inputs.amount(form.get("target"), locale));
            List<Map<String, Object>> milestones = new ArrayList<>();
            for (int i = 0; i < MILESTONE_ROWS; i++) {
                String prefix = "milestones[" + i + "].";
                if (form.has(prefix + "date") || form.has(prefix + "value")) {
                    Map<String, Object> milestone = new LinkedHashMap<>();
                    put(milestone, "date", Inputs.date(form.get(prefix + "date")));
                    put(milestone, "value", Inputs.amount(form.get(prefix + "value"), locale));
                    milestones.add(milestone);
                    rows.send(i);
                }
            }
            body.put("milestones", milestones);
            SetupController.IndicatorRequest indicator = writes.request(body, SetupController.IndicatorRequest.class,
                    request);
            return r -> setup.defineIndicator(projectId, indicator, actor, r);
        }, rows::pageField);
        if (written == null) {
            return form(model, ProjectPage.read(projects, actor, projectId, request), "indicator", form);
        }
        redirect.addFlashAttribute("flash", "setup.indicatorDefined");
        redirect.addFlashAttribute("flashDetail", form.get("code"));
        return "redirect:" + setupPath(projectId);
    }

    private String registrationForm(Model model, Form form) {
        model.addAttribute("periodRows", java.util.stream.IntStream.range(0, PERIOD_ROWS).boxed().toList());
        FormPage.show(model, form);
        return "console/project-new";
    }

    private String form(Model model, ProjectViews.ProjectDetail project, String kind, Form form) {
        model.addAttribute("project", project);
        model.addAttribute("kind", kind);
        model.addAttribute("subActivities", project.subActivities().stream()
                .map(s -> Option.of(s.code(), s.name())).toList());
        model.addAttribute("milestoneRows", java.util.stream.IntStream.range(0, MILESTONE_ROWS).boxed().toList());
        model.addAttribute("kinds", options("indicator.kind.", "OUTPUT", "RESULT"));
        model.addAttribute("measures", options("indicator.measure.", "NUMBER", "PERCENTAGE", "TEXT"));
        model.addAttribute("aggregations", options("indicator.aggregation.", "SUM", "LATEST", "MAX"));
        model.addAttribute("directions", options("indicator.ascending.", "true", "false"));
        FormPage.show(model, form);
        return "console/setup-form";
    }

    /** The API's codes, each read in the page's language. */
    private List<Option> options(String prefix, String... codes) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return java.util.Arrays.stream(codes)
                .map(c -> new Option(c, messages.getMessage(prefix + c, null, c, locale))).toList();
    }

    private static String setupPath(String projectId) {
        return UriComponentsBuilder.fromPath("/projects/{p}/setup").encode().buildAndExpand(projectId).toUriString();
    }

    private static List<String> indicatorFields() {
        List<String> fields = new ArrayList<>(List.of("code", "name", "unit", "kind", "measure", "aggregation",
                "ascending", "baseline", "target", "programmeIndicator", "milestones"));
        fields.addAll(io.seire.console.web.Rows.fields("milestones", MILESTONE_ROWS, "date", "value"));
        return List.copyOf(fields);
    }

    private static List<String> registrationFields() {
        List<String> fields = new ArrayList<>(List.of("id", "name", "programme", "component", "beneficiary", "currency",
                "eligibleFrom", "eligibleTo", "flexibilityPercent", "reportingPeriods"));
        for (int i = 0; i < PERIOD_ROWS; i++) {
            fields.add("reportingPeriods[" + i + "].id");
            fields.add("reportingPeriods[" + i + "].from");
            fields.add("reportingPeriods[" + i + "].to");
        }
        return List.copyOf(fields);
    }

    private static void put(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}
