package io.seire.console.results;

import io.seire.command.results.ResultsController;
import io.seire.command.write.Sends;
import io.seire.console.setup.ProjectPage;
import io.seire.console.web.Can;
import io.seire.console.web.Charts;
import io.seire.console.web.Fmt;
import io.seire.console.web.Form;
import io.seire.console.web.FormPage;
import io.seire.console.web.Inputs;
import io.seire.console.web.Option;
import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.kernel.results.RecordIndicatorValue;
import io.seire.query.results.ResultsFramework;
import io.seire.query.results.ResultsViewsController;
import io.seire.query.setup.ProjectViews;
import io.seire.query.setup.ProjectsController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The manager's results framework (annex 2) with a chart per indicator, and the form for an indicator value. */
@Controller
public class ResultsPages {

    static final List<String> FIELDS = List.of("id", "period", "value", "note", "evidence");

    /** A row of annex 2 and its chart (null for a text indicator). */
    public record Indicator(ResultsFramework.Row row, Charts.IndicatorChart chart) {
    }

    private final ProjectsController projects;
    private final ResultsViewsController views;
    private final ResultsController results;
    private final FormPage forms;
    private final Writes writes;
    private final MessageSource messages;

    public ResultsPages(ProjectsController projects, ResultsViewsController views, ResultsController results,
                        FormPage forms, Writes writes,
                        @org.springframework.beans.factory.annotation.Qualifier("consoleMessages") MessageSource consoleMessages) {
        this.projects = projects;
        this.views = views;
        this.results = results;
        this.forms = forms;
        this.writes = writes;
        this.messages = consoleMessages;
    }

    @GetMapping("/projects/{projectId}/results-framework")
    public String resultsFramework(Actor actor, @PathVariable String projectId,
                                   @RequestParam(required = false) String period, HttpServletRequest request,
                                   Locale locale, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        if (period == null || period.isBlank()) {
            ProjectViews.Period current = ProjectPage.current(project.reportingPeriods());
            period = current == null ? null : current.id();
        }
        List<ResultsFramework.Row> rows = views.resultsFramework(actor, projectId, period, Writes.minPosition(request),
                null);
        Fmt fmt = new Fmt(locale);
        List<String> labels = List.of("baseline", "milestone", "cumulative", "target").stream()
                .map(k -> messages.getMessage("results." + k, null, fmt.locale())).toList();
        List<Indicator> indicators = new ArrayList<>();
        for (ResultsFramework.Row row : rows) {
            indicators.add(new Indicator(row, Charts.indicator(row.code(), row.measure(), row.baseline(),
                    row.milestone(), row.target(), row.cumulative(), fmt, labels)));
        }
        model.addAttribute("project", project);
        model.addAttribute("can", new Can(actor, project.id(), project.programme()));
        model.addAttribute("period", period);
        model.addAttribute("periods", project.reportingPeriods());
        model.addAttribute("indicators", indicators);
        return "console/results-framework";
    }

    @GetMapping("/projects/{projectId}/indicators/{indicator}/values/new")
    public String valueForm(Actor actor, @PathVariable String projectId, @PathVariable String indicator,
                            @RequestParam(required = false) String period, HttpServletRequest request, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        return valueForm(model, project, indicator, Form.empty().with("period", period));
    }

    @PostMapping("/projects/{projectId}/indicators/{indicator}/values/new")
    @Sends(RecordIndicatorValue.class)
    public String record(Actor actor, @PathVariable String projectId, @PathVariable String indicator,
                         @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                         HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        boolean text = project.indicators().stream().anyMatch(i -> i.code().equals(indicator) && "TEXT".equals(i.measure()));
        Writes.Written written = forms.send(form, FIELDS, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "period", Inputs.text(form.get("period")));
            // a number in the language's way of writing it; a text indicator's value as it is
            put(body, "value", text ? Inputs.text(form.get("value")) : Inputs.amount(form.get("value"), locale));
            put(body, "note", Inputs.text(form.get("note")));
            put(body, "evidence", Inputs.text(form.get("evidence")));
            ResultsController.ValueRequest value = writes.request(body, ResultsController.ValueRequest.class, request);
            return r -> results.record(projectId, indicator, value, actor, r);
        });
        if (written == null) {
            return valueForm(model, project, indicator, form);
        }
        redirect.addFlashAttribute("flash", "value.recorded");
        redirect.addFlashAttribute("flashDetail", indicator);
        return "redirect:" + UriComponentsBuilder.fromPath("/projects/{p}/results-framework")
                .queryParam("period", form.get("period")).encode().buildAndExpand(projectId).toUriString();
    }

    private String valueForm(Model model, ProjectViews.ProjectDetail project, String indicator, Form form) {
        ProjectViews.Indicator definition = project.indicators().stream().filter(i -> i.code().equals(indicator))
                .findFirst().orElseThrow(() -> io.seire.kernel.RuleViolation.notFound("not-found",
                        "'" + indicator + "' does not exist."));
        model.addAttribute("project", project);
        model.addAttribute("indicator", definition);
        model.addAttribute("periods", project.reportingPeriods().stream()
                .map(p -> new Option(p.id(), p.id())).toList());
        FormPage.show(model, form);
        return "console/value-new";
    }

    private static void put(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}
