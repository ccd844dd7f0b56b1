package io.seire.console.results;

import io.seire.command.progress.ProgressController;
import io.seire.command.write.Sends;
import io.seire.console.setup.ProjectPage;
import io.seire.console.web.Can;
import io.seire.console.web.Form;
import io.seire.console.web.FormPage;
import io.seire.console.web.Inputs;
import io.seire.console.web.Option;
import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.kernel.progress.ProgressStatus;
import io.seire.kernel.progress.ReportActivityProgress;
import io.seire.query.results.ResultsViewsController;
import io.seire.query.setup.ProjectViews;
import io.seire.query.setup.ProjectsController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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

/** Activity progress per sub-activity for a period, and the manager's progress form. */
@Controller
public class ProgressPages {

    static final List<String> FIELDS = List.of("period", "status", "summary", "problems", "measures", "nextSteps");

    private final ProjectsController projects;
    private final ResultsViewsController views;
    private final ProgressController progress;
    private final FormPage forms;
    private final Writes writes;

    public ProgressPages(ProjectsController projects, ResultsViewsController views, ProgressController progress,
                         FormPage forms, Writes writes) {
        this.projects = projects;
        this.views = views;
        this.progress = progress;
        this.forms = forms;
        this.writes = writes;
    }

    @GetMapping("/projects/{projectId}/activity-progress")
    public String activityProgress(Actor actor, @PathVariable String projectId,
                                   @RequestParam(required = false) String period, HttpServletRequest request,
                                   Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        if (period == null || period.isBlank()) {
            ProjectViews.Period current = ProjectPage.current(project.reportingPeriods());
            period = current == null ? null : current.id();
        }
        model.addAttribute("project", project);
        model.addAttribute("can", new Can(actor, project.id(), project.programme()));
        model.addAttribute("period", period);
        model.addAttribute("periods", project.reportingPeriods());
        model.addAttribute("view", views.activityProgress(actor, projectId, period, Writes.minPosition(request), null));
        return "console/activity-progress";
    }

    @GetMapping("/projects/{projectId}/sub-activities/{code}/progress/new")
    public String form(Actor actor, @PathVariable String projectId, @PathVariable String code,
                       @RequestParam(required = false) String period, HttpServletRequest request, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        return form(model, project, code, Form.empty().with("period", period));
    }

    @PostMapping("/projects/{projectId}/sub-activities/{code}/progress/new")
    @Sends(ReportActivityProgress.class)
    public String report(Actor actor, @PathVariable String projectId, @PathVariable String code,
                         @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                         HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, FIELDS, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            for (String field : FIELDS) {
                String value = Inputs.text(form.get(field));
                if (value != null) {
                    body.put(field, value);
                }
            }
            ProgressController.ProgressRequest report = writes.request(body, ProgressController.ProgressRequest.class,
                    request);
            return r -> progress.report(projectId, code, report, actor, r);
        });
        if (written == null) {
            return form(model, ProjectPage.read(projects, actor, projectId, request), code, form);
        }
        redirect.addFlashAttribute("flash", "progress.recorded");
        redirect.addFlashAttribute("flashDetail", code);
        return "redirect:" + UriComponentsBuilder.fromPath("/projects/{p}/activity-progress")
                .queryParam("period", form.get("period")).encode().buildAndExpand(projectId).toUriString();
    }

    private String form(Model model, ProjectViews.ProjectDetail project, String code, Form form) {
        ProjectViews.SubActivity subActivity = project.subActivities().stream().filter(s -> s.code().equals(code))
                .findFirst().orElseThrow(() -> io.seire.kernel.RuleViolation.notFound("not-found",
                        "'" + code + "' does not exist."));
        model.addAttribute("project", project);
        model.addAttribute("subActivity", subActivity);
        model.addAttribute("periods", project.reportingPeriods().stream().map(p -> new Option(p.id(), p.id())).toList());
        model.addAttribute("statuses", Arrays.stream(ProgressStatus.values()).map(Enum::name).toList());
        FormPage.show(model, form);
        return "console/progress-new";
    }
}
