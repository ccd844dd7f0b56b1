package io.seire.console.finance;

import io.seire.command.finance.FinanceController;
import io.seire.command.write.Sends;
import io.seire.console.setup.ProjectPage;
import io.seire.console.web.Can;
import io.seire.console.web.Form;
import io.seire.console.web.FormPage;
import io.seire.console.web.Inputs;
import io.seire.console.web.Option;
import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.kernel.finance.CancelExpenditure;
import io.seire.kernel.finance.CorrectExpenditure;
import io.seire.kernel.finance.RecordExpenditure;
import io.seire.query.finance.ExpenditureList;
import io.seire.query.finance.FinanceViewsController;
import io.seire.query.read.Paging;
import io.seire.query.setup.ProjectViews;
import io.seire.query.setup.ProjectsController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * The finance clerk's expenditure pages: the list with filters and paging, and the forms to record, correct and
 * cancel. Each form is sent through the API's {@link FinanceController}: the same checks, the same answer.
 */
@Controller
public class ExpenditurePages {

    static final List<String> FIELDS = List.of("id", "budgetLine", "amount", "incurredOn", "paidOn", "supplier", "invoice",
            "description", "allowDuplicateInvoice", "corrects", "original", "original.amount", "original.currency",
            "original.rate", "original.rateDate", "original.rateSource", "reason");
    static final int PAGE_SIZE = 50;

    private final ProjectsController projects;
    private final FinanceViewsController views;
    private final FinanceController finance;
    private final FormPage forms;
    private final Writes writes;

    public ExpenditurePages(ProjectsController projects, FinanceViewsController views, FinanceController finance,
                            FormPage forms, Writes writes) {
        this.projects = projects;
        this.views = views;
        this.finance = finance;
        this.forms = forms;
        this.writes = writes;
    }

    @GetMapping("/projects/{projectId}/expenditures")
    public String list(Actor actor, @PathVariable String projectId, @RequestParam(required = false) String period,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) String budgetLine, @RequestParam(required = false) Integer page,
                       HttpServletRequest request, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        Form filters = Form.empty().with("period", blank(period)).with("from", from).with("to", to)
                .with("budgetLine", blank(budgetLine));
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        Paging.Page<ExpenditureList.Item> items = views.expenditures(actor, projectId, blank(period), start, end,
                blank(budgetLine), page, PAGE_SIZE, Writes.minPosition(request), null);
        model.addAttribute("project", project);
        model.addAttribute("can", new Can(actor, project.id(), project.programme()));
        model.addAttribute("filters", filters);
        model.addAttribute("items", items);
        model.addAttribute("lines", lines(project));
        model.addAttribute("periods", periods(project));
        model.addAttribute("pages", (items.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        UriComponentsBuilder here = UriComponentsBuilder.fromPath("/projects/{p}/expenditures");
        for (String[] filter : new String[][]{{"period", period}, {"from", from}, {"to", to}, {"budgetLine", budgetLine}}) {
            if (filter[1] != null && !filter[1].isBlank()) {
                here.queryParam(filter[0], filter[1]);
            }
        }
        model.addAttribute("pageLink", here.encode().buildAndExpand(projectId).toUriString()
                + (here.build().getQueryParams().isEmpty() ? "?" : "&") + "page=");
        return "console/expenditures";
    }

    @GetMapping("/projects/{projectId}/expenditures/new")
    public String newForm(Actor actor, @PathVariable String projectId, @RequestParam(required = false) String corrects,
                          HttpServletRequest request, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        return recordForm(model, project, Form.empty().with("corrects", corrects));
    }

    @PostMapping("/projects/{projectId}/expenditures/new")
    @Sends(RecordExpenditure.class)
    public String record(Actor actor, @PathVariable String projectId, @RequestParam MultiValueMap<String, String> fields,
                         HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
                         RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, FIELDS, request, response, () -> {
            FinanceController.ExpenditureRequest body = writes.request(expenditure(form, locale, false),
                    FinanceController.ExpenditureRequest.class, request);
            return r -> finance.record(projectId, body, actor, r);
        });
        if (written == null) {
            return recordForm(model, ProjectPage.read(projects, actor, projectId, request), form);
        }
        redirect.addFlashAttribute("flash", "expenditure.recorded");
        redirect.addFlashAttribute("flashDetail", written.id());
        String on = Inputs.date(form.get("incurredOn"));
        return "redirect:" + UriComponentsBuilder.fromPath("/projects/{p}/expenditures")
                .queryParam("from", on).queryParam("to", on).encode().buildAndExpand(projectId).toUriString();
    }

    @GetMapping("/projects/{projectId}/expenditures/{expenditureId}/correction")
    public String correctionForm(Actor actor, @PathVariable String projectId, @PathVariable String expenditureId,
                                 @RequestParam(required = false) String on, HttpServletRequest request, Locale locale,
                                 Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        ExpenditureList.Item item = find(actor, projectId, expenditureId, on, request);
        return correctionForm(model, project, item, current(item, new io.seire.console.web.Fmt(locale)));
    }

    @PostMapping("/projects/{projectId}/expenditures/{expenditureId}/correction")
    @Sends(CorrectExpenditure.class)
    public String correct(Actor actor, @PathVariable String projectId, @PathVariable String expenditureId,
                          @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                          HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        ExpenditureList.Item item = find(actor, projectId, expenditureId, form.get("on"), request);
        Form before = current(item, new io.seire.console.web.Fmt(locale));
        Writes.Written written = forms.send(form, FIELDS, request, response, () -> {
            Map<String, Object> changed = expenditure(form, locale, true);
            Map<String, Object> was = expenditure(before, locale, true);
            // only what the clerk changed is sent: the API records a correction of those fields
            changed.entrySet().removeIf(e -> !e.getKey().equals("reason") && Objects.equals(e.getValue(), was.get(e.getKey())));
            FinanceController.CorrectionRequest body = writes.request(changed,
                    FinanceController.CorrectionRequest.class, request);
            return r -> finance.correct(projectId, expenditureId, body, actor, r);
        });
        if (written == null) {
            return correctionForm(model, ProjectPage.read(projects, actor, projectId, request), item, form);
        }
        redirect.addFlashAttribute("flash", "expenditure.corrected");
        redirect.addFlashAttribute("flashDetail", expenditureId);
        return "redirect:" + UriComponentsBuilder.fromPath("/projects/{p}/expenditures").encode()
                .buildAndExpand(projectId).toUriString();
    }

    @GetMapping("/projects/{projectId}/expenditures/{expenditureId}/cancellation")
    public String cancellationForm(Actor actor, @PathVariable String projectId, @PathVariable String expenditureId,
                                   @RequestParam(required = false) String on, HttpServletRequest request, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        ExpenditureList.Item item = find(actor, projectId, expenditureId, on, request);
        return cancellationForm(model, project, item, Form.empty().with("on", on));
    }

    @PostMapping("/projects/{projectId}/expenditures/{expenditureId}/cancellation")
    @Sends(CancelExpenditure.class)
    public String cancel(Actor actor, @PathVariable String projectId, @PathVariable String expenditureId,
                         @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                         HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, FIELDS, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", Inputs.text(form.get("reason")));
            FinanceController.CancellationRequest cancellation = writes.request(body,
                    FinanceController.CancellationRequest.class, request);
            return r -> finance.cancel(projectId, expenditureId, cancellation, actor, r);
        });
        if (written == null) {
            ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
            return cancellationForm(model, project, find(actor, projectId, expenditureId, form.get("on"), request), form);
        }
        redirect.addFlashAttribute("flash", "expenditure.cancelled");
        redirect.addFlashAttribute("flashDetail", expenditureId);
        return "redirect:" + UriComponentsBuilder.fromPath("/projects/{p}/expenditures").encode()
                .buildAndExpand(projectId).toUriString();
    }

    private String recordForm(Model model, ProjectViews.ProjectDetail project, Form form) {
        model.addAttribute("project", project);
        model.addAttribute("lines", lines(project));
        FormPage.show(model, form);
        return "console/expenditure-new";
    }

    private String correctionForm(Model model, ProjectViews.ProjectDetail project, ExpenditureList.Item item, Form form) {
        model.addAttribute("project", project);
        model.addAttribute("lines", lines(project));
        model.addAttribute("item", item);
        FormPage.show(model, form);
        return "console/expenditure-correction";
    }

    private String cancellationForm(Model model, ProjectViews.ProjectDetail project, ExpenditureList.Item item, Form form) {
        model.addAttribute("project", project);
        model.addAttribute("item", item);
        FormPage.show(model, form);
        return "console/expenditure-cancellation";
    }

    /** The API's expenditure body from the form: amounts and dates as the API writes them, blanks left out. */
    static Map<String, Object> expenditure(Form form, Locale locale, boolean correction) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!correction) {
            put(body, "id", Inputs.text(form.get("id")));
        }
        put(body, "budgetLine", Inputs.text(form.get("budgetLine")));
        put(body, "amount", Inputs.amount(form.get("amount"), locale));
        put(body, "incurredOn", Inputs.date(form.get("incurredOn")));
        put(body, "paidOn", Inputs.date(form.get("paidOn")));
        put(body, "supplier", Inputs.text(form.get("supplier")));
        put(body, "invoice", Inputs.text(form.get("invoice")));
        put(body, "description", Inputs.text(form.get("description")));
        if ("true".equals(form.get("allowDuplicateInvoice"))) {
            body.put("allowDuplicateInvoice", true);
        }
        if (!correction) {
            put(body, "corrects", Inputs.text(form.get("corrects")));
        } else {
            put(body, "reason", Inputs.text(form.get("reason")));
        }
        Map<String, Object> original = new LinkedHashMap<>();
        put(original, "amount", Inputs.amount(form.get("original.amount"), locale));
        put(original, "currency", Inputs.text(form.get("original.currency")));
        put(original, "rate", Inputs.amount(form.get("original.rate"), locale));
        put(original, "rateDate", Inputs.date(form.get("original.rateDate")));
        put(original, "rateSource", Inputs.text(form.get("original.rateSource")));
        if (!original.isEmpty()) {
            body.put("original", original);
        }
        return body;
    }

    /** The expenditure's fields as the correction form shows them. */
    static Form current(ExpenditureList.Item item, io.seire.console.web.Fmt fmt) {
        Form form = Form.empty().with("budgetLine", item.budgetLine()).with("amount", fmt.input(item.amount()))
                .with("incurredOn", fmt.date(item.incurredOn())).with("paidOn", fmt.date(item.paidOn()))
                .with("supplier", item.supplier()).with("invoice", item.invoice())
                .with("description", item.description()).with("on", String.valueOf(item.incurredOn()));
        if (item.original() != null) {
            form.with("original.amount", fmt.input(item.original().amount()))
                    .with("original.currency", item.original().currency())
                    .with("original.rate", fmt.input(item.original().rate()))
                    .with("original.rateDate", fmt.date(item.original().rateDate()))
                    .with("original.rateSource", item.original().rateSource());
        }
        return form;
    }

    /** One expenditure of the list: looked for on its date first (the list's links give it), else page by page. */
    private ExpenditureList.Item find(Actor actor, String projectId, String expenditureId, String on,
                                      HttpServletRequest request) {
        Long minPosition = Writes.minPosition(request);
        LocalDate day = date(on);
        if (day != null) {
            for (ExpenditureList.Item item : views.expenditures(actor, projectId, null, day, day, null, 0, 1000,
                    minPosition, null).items()) {
                if (item.id().equals(expenditureId)) {
                    return item;
                }
            }
        }
        for (int page = 0; ; page++) {
            Paging.Page<ExpenditureList.Item> items = views.expenditures(actor, projectId, null, null, null, null, page,
                    1000, minPosition, null);
            for (ExpenditureList.Item item : items.items()) {
                if (item.id().equals(expenditureId)) {
                    return item;
                }
            }
            if ((long) (page + 1) * 1000 >= items.total()) {
                throw io.seire.kernel.RuleViolation.notFound("not-found", "'" + expenditureId + "' does not exist.");
            }
        }
    }

    static List<Option> lines(ProjectViews.ProjectDetail project) {
        return project.budgetLines().stream().filter(l -> l.flatRate() == null)
                .map(l -> Option.of(l.code(), l.subActivity() + " / " + l.costCategory())).toList();
    }

    static List<Option> periods(ProjectViews.ProjectDetail project) {
        return project.reportingPeriods().stream().map(p -> new Option(p.id(), p.id())).toList();
    }

    private static void put(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** A filter's date as the language writes it or as the API does; a wrong one is the API's 400. */
    private static LocalDate date(String text) {
        return date("from", text);
    }

    private static LocalDate date(String field, String text) {
        String iso = Inputs.date(text);
        try {
            return iso == null ? null : LocalDate.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            throw io.seire.platform.web.InvalidRequest.of(field, "'" + text + "' is not a valid date");
        }
    }
}
