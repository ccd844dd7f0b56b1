package io.seire.console.results;

import io.seire.command.staffing.StaffingController;
import io.seire.command.write.Sends;
import io.seire.console.setup.ProjectPage;
import io.seire.console.web.Can;
import io.seire.console.web.Form;
import io.seire.console.web.FormPage;
import io.seire.console.web.Inputs;
import io.seire.console.web.Option;
import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.kernel.staffing.HireStaff;
import io.seire.kernel.staffing.OpenPosition;
import io.seire.kernel.staffing.RecordDeparture;
import io.seire.kernel.staffing.RecordRecruitmentFailure;
import io.seire.query.results.ResultsViewsController;
import io.seire.query.setup.ProjectViews;
import io.seire.query.setup.ProjectsController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
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
 * Staffing: the positions on a day with their holders, and the manager's forms to open a position, hire, record a
 * recruitment that found nobody and a departure, each sent through the API's {@link StaffingController}.
 */
@Controller
public class StaffingPages {

    /** One field of a staffing form: its API name, its label, and how it is asked (text, date, percent, long). */
    public record Field(String name, String label, String kind) {
    }

    static final List<Field> POSITION = List.of(new Field("code", "field.positionCode", "text"),
            new Field("title", "field.positionTitle", "text"), new Field("subActivities", "field.subActivities", "subActivities"),
            new Field("openedOn", "field.openedOn", "date"));
    static final List<Field> HIRE = List.of(new Field("name", "field.staffName", "text"),
            new Field("startDate", "field.startDate", "date"), new Field("workloadPercent", "field.workloadPercent", "percent"));
    static final List<Field> FAILURE = List.of(new Field("date", "field.failureDate", "date"),
            new Field("reason", "field.reason", "long"));
    static final List<Field> DEPARTURE = List.of(new Field("endDate", "field.endDate", "date"),
            new Field("reason", "field.reason", "long"));

    private final ProjectsController projects;
    private final ResultsViewsController views;
    private final StaffingController staffing;
    private final FormPage forms;
    private final Writes writes;

    public StaffingPages(ProjectsController projects, ResultsViewsController views, StaffingController staffing,
                         FormPage forms, Writes writes) {
        this.projects = projects;
        this.views = views;
        this.staffing = staffing;
        this.forms = forms;
        this.writes = writes;
    }

    @GetMapping("/projects/{projectId}/staffing")
    public String staffing(Actor actor, @PathVariable String projectId, @RequestParam(required = false) String on,
                           HttpServletRequest request, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        String iso = Inputs.date(on);
        LocalDate day;
        try {
            day = iso == null ? LocalDate.now() : LocalDate.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            throw io.seire.platform.web.InvalidRequest.of("on", "'" + on + "' is not a valid date");
        }
        model.addAttribute("project", project);
        model.addAttribute("can", new Can(actor, project.id(), project.programme()));
        model.addAttribute("on", day);
        model.addAttribute("view", views.staffing(actor, projectId, day, null, Writes.minPosition(request), null));
        return "console/staffing";
    }

    @GetMapping("/projects/{projectId}/positions/new")
    public String positionForm(Actor actor, @PathVariable String projectId, HttpServletRequest request, Model model) {
        return form(model, read(actor, projectId, request), "position", null, POSITION, Form.empty());
    }

    @PostMapping("/projects/{projectId}/positions/new")
    @Sends(OpenPosition.class)
    public String open(Actor actor, @PathVariable String projectId, @RequestParam MultiValueMap<String, String> fields,
                       HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
                       RedirectAttributes redirect) {
        Form form = Form.of(fields);
        List<String> subActivities = fields.getOrDefault("subActivities", List.of());
        form.with("subActivities", String.join(",", subActivities));
        return send(actor, projectId, "position", null, POSITION, form, request, response, model, redirect, locale,
                body -> {
                    if (!subActivities.isEmpty()) {
                        body.put("subActivities", subActivities);
                    }
                    StaffingController.PositionRequest position = writes.request(body,
                            StaffingController.PositionRequest.class, request);
                    return r -> staffing.open(projectId, position, actor, r);
                });
    }

    @GetMapping("/projects/{projectId}/positions/{code}/hires/new")
    public String hireForm(Actor actor, @PathVariable String projectId, @PathVariable String code,
                           HttpServletRequest request, Model model) {
        return form(model, read(actor, projectId, request), "hire", code, HIRE, Form.empty());
    }

    @PostMapping("/projects/{projectId}/positions/{code}/hires/new")
    @Sends(HireStaff.class)
    public String hire(Actor actor, @PathVariable String projectId, @PathVariable String code,
                       @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                       HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        return send(actor, projectId, "hire", code, HIRE, Form.of(fields), request, response, model, redirect, locale,
                body -> {
                    StaffingController.HireRequest hire = writes.request(body, StaffingController.HireRequest.class,
                            request);
                    return r -> staffing.hire(projectId, code, hire, actor, r);
                });
    }

    @GetMapping("/projects/{projectId}/positions/{code}/recruitment-failures/new")
    public String failureForm(Actor actor, @PathVariable String projectId, @PathVariable String code,
                              HttpServletRequest request, Model model) {
        return form(model, read(actor, projectId, request), "failure", code, FAILURE, Form.empty());
    }

    @PostMapping("/projects/{projectId}/positions/{code}/recruitment-failures/new")
    @Sends(RecordRecruitmentFailure.class)
    public String failed(Actor actor, @PathVariable String projectId, @PathVariable String code,
                         @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                         HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        return send(actor, projectId, "failure", code, FAILURE, Form.of(fields), request, response, model, redirect,
                locale, body -> {
                    StaffingController.RecruitmentFailureRequest failure = writes.request(body,
                            StaffingController.RecruitmentFailureRequest.class, request);
                    return r -> staffing.failed(projectId, code, failure, actor, r);
                });
    }

    @GetMapping("/projects/{projectId}/staff/{staffId}/departure/new")
    public String departureForm(Actor actor, @PathVariable String projectId, @PathVariable String staffId,
                                HttpServletRequest request, Model model) {
        return form(model, read(actor, projectId, request), "departure", staffId, DEPARTURE, Form.empty());
    }

    @PostMapping("/projects/{projectId}/staff/{staffId}/departure/new")
    @Sends(RecordDeparture.class)
    public String depart(Actor actor, @PathVariable String projectId, @PathVariable String staffId,
                         @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                         HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        return send(actor, projectId, "departure", staffId, DEPARTURE, Form.of(fields), request, response, model,
                redirect, locale, body -> {
                    StaffingController.DepartureRequest departure = writes.request(body,
                            StaffingController.DepartureRequest.class, request);
                    return r -> staffing.depart(projectId, staffId, departure, actor, r);
                });
    }

    private String send(Actor actor, String projectId, String kind, String subject, List<Field> fields, Form form,
                        HttpServletRequest request, HttpServletResponse response, Model model,
                        RedirectAttributes redirect, Locale locale,
                        Function<Map<String, Object>, Function<HttpServletRequest, ResponseEntity<?>>> write) {
        Writes.Written written = forms.send(form, fields.stream().map(Field::name).toList(), request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            for (Field field : fields) {
                String value = switch (field.kind()) {
                    case "date" -> Inputs.date(form.get(field.name()));
                    case "percent" -> Inputs.amount(form.get(field.name()), locale);
                    case "subActivities" -> null;
                    default -> Inputs.text(form.get(field.name()));
                };
                if (value != null) {
                    body.put(field.name(), value);
                }
            }
            return write.apply(body);
        });
        if (written == null) {
            return form(model, read(actor, projectId, request), kind, subject, fields, form);
        }
        redirect.addFlashAttribute("flash", "staffing." + kind + ".done");
        return "redirect:" + UriComponentsBuilder.fromPath("/projects/{p}/staffing").encode().buildAndExpand(projectId)
                .toUriString();
    }

    private String form(Model model, ProjectViews.ProjectDetail project, String kind, String subject,
                        List<Field> fields, Form form) {
        model.addAttribute("project", project);
        model.addAttribute("kind", kind);
        model.addAttribute("subject", subject);
        String action = switch (kind) {
            case "position" -> "/projects/{p}/positions/new";
            case "hire" -> "/projects/{p}/positions/{s}/hires/new";
            case "failure" -> "/projects/{p}/positions/{s}/recruitment-failures/new";
            default -> "/projects/{p}/staff/{s}/departure/new";
        };
        model.addAttribute("action", UriComponentsBuilder.fromPath(action).encode()
                .buildAndExpand(project.id(), subject == null ? "" : subject).toUriString());
        model.addAttribute("fields", fields);
        model.addAttribute("subActivities", project.subActivities().stream()
                .map(s -> Option.of(s.code(), s.name())).toList());
        FormPage.show(model, form);
        return "console/staffing-form";
    }

    private ProjectViews.ProjectDetail read(Actor actor, String projectId, HttpServletRequest request) {
        return ProjectPage.read(projects, actor, projectId, request);
    }
}
