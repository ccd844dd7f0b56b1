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
    static final List<String> CORRECTION = List.of("value", "reason");
    static final List<String> RETRACTION = List.of("reason");

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

    @GetMapping("/projects/{projectId}/indicators/{indicator}/values/{valueId}/correction")
    public String correctionForm(Actor actor, @PathVariable String projectId, @PathVariable String indicator,
                                 @PathVariable String valueId, @RequestParam String period, HttpServletRequest request,
                                 Locale locale, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        return changeForm(actor, model, project, indicator, valueId, period, "correction", Form.empty(), request);
    }

    @GetMapping("/projects/{projectId}/indicators/{indicator}/values/{valueId}/retraction")
    public String retractionForm(Actor actor, @PathVariable String projectId, @PathVariable String indicator,
                                 @PathVariable String valueId, @RequestParam String period, HttpServletRequest request,
                                 Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        return changeForm(actor, model, project, indicator, valueId, period, "retraction", Form.empty(), request);
    }

    @PostMapping("/projects/{projectId}/indicators/{indicator}/values/{valueId}/correction")
    @Sends(io.seire.kernel.results.CorrectIndicatorValue.class)
    public String correct(Actor actor, @PathVariable String projectId, @PathVariable String indicator,
                          @PathVariable String valueId, @RequestParam MultiValueMap<String, String> fields,
                          HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
                          RedirectAttributes redirect) {
        Form form = Form.of(fields);
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        boolean text = project.indicators().stream().anyMatch(i -> i.code().equals(indicator) && "TEXT".equals(i.measure()));
        Writes.Written written = forms.send(form, CORRECTION, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "value", text ? Inputs.text(form.get("value")) : Inputs.amount(form.get("value"), locale));
            put(body, "reason", Inputs.text(form.get("reason")));
            ResultsController.CorrectionRequest correction = writes.request(body,
                    ResultsController.CorrectionRequest.class, request);
            return r -> results.correct(projectId, indicator, valueId, correction, actor, r);
        });
        return changed(actor, model, project, indicator, valueId, form, written, "correction", request, redirect);
    }

    @PostMapping("/projects/{projectId}/indicators/{indicator}/values/{valueId}/retraction")
    @Sends(io.seire.kernel.results.RetractIndicatorValue.class)
    public String retract(Actor actor, @PathVariable String projectId, @PathVariable String indicator,
                          @PathVariable String valueId, @RequestParam MultiValueMap<String, String> fields,
                          HttpServletRequest request, HttpServletResponse response, Model model,
                          RedirectAttributes redirect) {
        Form form = Form.of(fields);
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        Writes.Written written = forms.send(form, RETRACTION, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "reason", Inputs.text(form.get("reason")));
            ResultsController.RetractionRequest retraction = writes.request(body,
                    ResultsController.RetractionRequest.class, request);
            return r -> results.retract(projectId, indicator, valueId, retraction, actor, r);
        });
        return changed(actor, model, project, indicator, valueId, form, written, "retraction", request, redirect);
    }

    private String changed(Actor actor, Model model, ProjectViews.ProjectDetail project, String indicator,
                           String valueId, Form form, Writes.Written written, String kind, HttpServletRequest request,
                           RedirectAttributes redirect) {
        String period = form.get("period");
        if (written == null) {
            return changeForm(actor, model, project, indicator, valueId, period, kind, form, request);
        }
        redirect.addFlashAttribute("flash", "value." + kind + ".recorded");
        redirect.addFlashAttribute("flashDetail", indicator);
        return "redirect:" + UriComponentsBuilder.fromPath("/projects/{p}/results-framework")
                .queryParam("period", period).encode().buildAndExpand(project.id()).toUriString();
    }

    /** The correction or retraction form of one value, with the value as the period's results framework shows it. */
    private String changeForm(Actor actor, Model model, ProjectViews.ProjectDetail project, String indicator,
                              String valueId, String period, String kind, Form form, HttpServletRequest request) {
        ProjectViews.Indicator definition = project.indicators().stream().filter(i -> i.code().equals(indicator))
                .findFirst().orElseThrow(() -> io.seire.kernel.RuleViolation.notFound("indicator-exists",
                        "The project has no indicator '" + indicator + "'."));
        ResultsFramework.PeriodValue value = views.resultsFramework(actor, project.id(), period,
                        Writes.minPosition(request), null).stream()
                .filter(r -> r.code().equals(indicator)).flatMap(r -> r.values().stream())
                .filter(v -> v.id().equals(valueId)).findFirst()
                .orElseThrow(() -> io.seire.kernel.RuleViolation.notFound("value-exists",
                        "Indicator '" + indicator + "' has no value '" + valueId + "' in period '" + period + "'."));
        form.with("period", period);
        model.addAttribute("project", project);
        model.addAttribute("indicator", definition);
        model.addAttribute("value", value);
        model.addAttribute("kind", kind);
        FormPage.show(model, form);
        return "console/value-change";
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
