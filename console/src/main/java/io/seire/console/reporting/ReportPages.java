package io.seire.console.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.reporting.ReportsController;
import io.seire.command.write.Sends;
import io.seire.console.setup.ProjectPage;
import io.seire.console.web.Can;
import io.seire.console.web.Form;
import io.seire.console.web.FormPage;
import io.seire.console.web.Inputs;
import io.seire.console.web.Option;
import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.kernel.reporting.ApproveReport;
import io.seire.kernel.reporting.ReturnReport;
import io.seire.kernel.reporting.SubmitReport;
import io.seire.query.audit.AuditController;
import io.seire.query.reporting.ReportViews;
import io.seire.query.setup.ProjectViews;
import io.seire.query.setup.ProjectsController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * Reports: the manager submits one for a period; the report page shows it exactly as submitted, its decisions, the
 * link to what changed since, and, for a liaison, approve and return.
 */
@Controller
public class ReportPages {

    static final List<String> SUBMIT_FIELDS = List.of("id", "period", "kind", "assessment");
    static final List<String> DECISION_FIELDS = List.of("comment");

    private final ProjectsController projects;
    private final AuditController reports;
    private final ReportsController decisions;
    private final FormPage forms;
    private final Writes writes;
    private final ObjectMapper json;

    public ReportPages(ProjectsController projects, AuditController reports, ReportsController decisions,
                       FormPage forms, Writes writes, ObjectMapper json) {
        this.projects = projects;
        this.reports = reports;
        this.decisions = decisions;
        this.forms = forms;
        this.writes = writes;
        this.json = json;
    }

    @GetMapping("/projects/{projectId}/reports/new")
    public String submitForm(Actor actor, @PathVariable String projectId, @RequestParam(required = false) String period,
                             HttpServletRequest request, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        return submitForm(model, project, Form.empty().with("period", period).with("kind", "INTERIM"));
    }

    @PostMapping("/projects/{projectId}/reports/new")
    @Sends(SubmitReport.class)
    public String submit(Actor actor, @PathVariable String projectId, @RequestParam MultiValueMap<String, String> fields,
                         HttpServletRequest request, HttpServletResponse response, Model model,
                         RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, SUBMIT_FIELDS, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            for (String field : SUBMIT_FIELDS) {
                String value = Inputs.text(form.get(field));
                if (value != null) {
                    body.put(field, value);
                }
            }
            ReportsController.SubmitRequest submission = writes.request(body, ReportsController.SubmitRequest.class,
                    request);
            return r -> decisions.submit(projectId, submission, actor, r);
        });
        if (written == null) {
            return submitForm(model, ProjectPage.read(projects, actor, projectId, request), form);
        }
        redirect.addFlashAttribute("flash", "report.submitted");
        return "redirect:" + reportPath(projectId, written.id());
    }

    @GetMapping("/projects/{projectId}/reports/{reportId}")
    public String report(Actor actor, @PathVariable String projectId, @PathVariable String reportId,
                         HttpServletRequest request, Model model) {
        return report(model, actor, projectId, reportId, request, Form.empty());
    }

    @PostMapping("/projects/{projectId}/reports/{reportId}/approval")
    @Sends(ApproveReport.class)
    public String approve(Actor actor, @PathVariable String projectId, @PathVariable String reportId,
                          @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                          HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return decide(actor, projectId, reportId, fields, request, response, model, redirect, true);
    }

    @PostMapping("/projects/{projectId}/reports/{reportId}/return")
    @Sends(ReturnReport.class)
    public String returnReport(Actor actor, @PathVariable String projectId, @PathVariable String reportId,
                               @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                               HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return decide(actor, projectId, reportId, fields, request, response, model, redirect, false);
    }

    @GetMapping("/projects/{projectId}/reports/{reportId}/changes")
    public String changes(Actor actor, @PathVariable String projectId, @PathVariable String reportId,
                          HttpServletRequest request, Model model) {
        model.addAttribute("project", ProjectPage.read(projects, actor, projectId, request));
        model.addAttribute("reportId", reportId);
        model.addAttribute("changes", reports.changes(actor, projectId, reportId, Writes.minPosition(request), null));
        return "console/report-changes";
    }

    private String decide(Actor actor, String projectId, String reportId, MultiValueMap<String, String> fields,
                          HttpServletRequest request, HttpServletResponse response, Model model,
                          RedirectAttributes redirect, boolean approve) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, DECISION_FIELDS, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            String comment = Inputs.text(form.get("comment"));
            if (comment != null) {
                body.put("comment", comment);
            }
            if (approve) {
                ReportsController.DecisionRequest decision = writes.request(body,
                        ReportsController.DecisionRequest.class, request);
                return r -> decisions.approve(projectId, reportId, decision, actor, r);
            }
            ReportsController.ReturnRequest back = writes.request(body, ReportsController.ReturnRequest.class,
                    request);
            return r -> decisions.returnReport(projectId, reportId, back, actor, r);
        });
        if (written == null) {
            form.with("decision", approve ? "approve" : "return");
            return report(model, actor, projectId, reportId, request, form);
        }
        redirect.addFlashAttribute("flash", approve ? "report.approved" : "report.returned");
        return "redirect:" + reportPath(projectId, reportId);
    }

    private String report(Model model, Actor actor, String projectId, String reportId, HttpServletRequest request,
                          Form form) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        Long minPosition = Writes.minPosition(request);
        String document = reports.report(actor, projectId, reportId, null, null, minPosition, null);
        ReportViews.Summary summary = reports.reports(actor, projectId, null, null).stream()
                .filter(r -> r.id().equals(reportId)).findFirst().orElseThrow();
        JsonNode submitted;
        try {
            submitted = json.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        model.addAttribute("project", project);
        model.addAttribute("can", new Can(actor, project.id(), project.programme()));
        model.addAttribute("summary", summary);
        model.addAttribute("report", submitted);
        FormPage.show(model, form);
        return "console/report";
    }

    private String submitForm(Model model, ProjectViews.ProjectDetail project, Form form) {
        model.addAttribute("project", project);
        model.addAttribute("periods", project.reportingPeriods().stream()
                .map(p -> new Option(p.id(), p.id())).toList());
        FormPage.show(model, form);
        return "console/report-new";
    }

    static String reportPath(String projectId, String reportId) {
        return UriComponentsBuilder.fromPath("/projects/{p}/reports/{id}").encode()
                .buildAndExpand(projectId, reportId).toUriString();
    }
}
