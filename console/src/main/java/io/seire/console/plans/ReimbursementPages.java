package io.seire.console.plans;

import io.seire.command.reimbursement.ReimbursementController;
import io.seire.command.write.Sends;
import io.seire.console.setup.ProjectPage;
import io.seire.console.web.Can;
import io.seire.console.web.Form;
import io.seire.console.web.FormPage;
import io.seire.console.web.Inputs;
import io.seire.console.web.Rows;
import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.kernel.reimbursement.ApproveReimbursementRequest;
import io.seire.kernel.reimbursement.RecordReimbursementPayment;
import io.seire.kernel.reimbursement.ReturnReimbursementRequest;
import io.seire.kernel.reimbursement.SubmitReimbursementRequest;
import io.seire.query.finance.ExpenditureList;
import io.seire.query.finance.FinanceViewsController;
import io.seire.query.read.Paging;
import io.seire.query.reimbursement.ReimbursementViews;
import io.seire.query.reimbursement.ReimbursementViewsController;
import io.seire.query.setup.ProjectViews;
import io.seire.query.setup.ProjectsController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * Reimbursement requests (ADR 0025): a project's requests with their status and figures; a new request for a window
 * at a rate (finance staff); and for the programme's liaison approval (excluding expenditures, each with a reason),
 * return, and the payment (liaisons, administrators), through the API's {@link ReimbursementController}.
 */
@Controller
public class ReimbursementPages {

    static final List<String> SUBMIT = List.of("id", "from", "to", "exchangeRate", "exchangeRate.rate",
            "exchangeRate.date", "exchangeRate.source");
    static final List<String> DECISION = List.of("comment");
    static final List<String> PAYMENT = List.of("paidOn", "amount");

    /** An expenditure of the request as its list shows it (null fields when the list no longer has it). */
    public record Claimed(String id, ExpenditureList.Item item) {
    }

    private final ProjectsController projects;
    private final ReimbursementViewsController views;
    private final ReimbursementController requests;
    private final FinanceViewsController expenditures;
    private final FormPage forms;
    private final Writes writes;

    public ReimbursementPages(ProjectsController projects, ReimbursementViewsController views,
                              ReimbursementController requests, FinanceViewsController expenditures, FormPage forms,
                              Writes writes) {
        this.projects = projects;
        this.views = views;
        this.requests = requests;
        this.expenditures = expenditures;
        this.forms = forms;
        this.writes = writes;
    }

    @GetMapping("/projects/{projectId}/reimbursement-requests")
    public String list(Actor actor, @PathVariable String projectId, @RequestParam(required = false) Integer page,
                       HttpServletRequest request, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        model.addAttribute("project", project);
        model.addAttribute("can", new Can(actor, project.id(), project.programme()));
        model.addAttribute("requests", views.list(actor, projectId, page, 50, Writes.minPosition(request), null));
        return "console/reimbursements";
    }

    @GetMapping("/projects/{projectId}/reimbursement-requests/new")
    public String submitForm(Actor actor, @PathVariable String projectId, HttpServletRequest request, Model model) {
        return submitForm(model, ProjectPage.read(projects, actor, projectId, request), Form.empty());
    }

    @PostMapping("/projects/{projectId}/reimbursement-requests/new")
    @Sends(SubmitReimbursementRequest.class)
    public String submit(Actor actor, @PathVariable String projectId, @RequestParam MultiValueMap<String, String> fields,
                         HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
                         RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, SUBMIT, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "from", Inputs.date(form.get("from")));
            put(body, "to", Inputs.date(form.get("to")));
            Map<String, Object> rate = new LinkedHashMap<>();
            put(rate, "rate", Inputs.amount(form.get("exchangeRate.rate"), locale));
            put(rate, "date", Inputs.date(form.get("exchangeRate.date")));
            put(rate, "source", Inputs.text(form.get("exchangeRate.source")));
            if (!rate.isEmpty()) {
                body.put("exchangeRate", rate);
            }
            ReimbursementController.SubmitRequest submission = writes.request(body,
                    ReimbursementController.SubmitRequest.class, request);
            return r -> requests.submit(projectId, submission, actor, r);
        });
        if (written == null) {
            return submitForm(model, ProjectPage.read(projects, actor, projectId, request), form);
        }
        redirect.addFlashAttribute("flash", "reimbursement.submitted");
        return "redirect:" + requestPath(projectId, written.id());
    }

    @GetMapping("/projects/{projectId}/reimbursement-requests/{requestId}")
    public String detail(Actor actor, @PathVariable String projectId, @PathVariable String requestId,
                         HttpServletRequest request, Model model) {
        return detail(model, actor, projectId, requestId, request, Form.empty());
    }

    @PostMapping("/projects/{projectId}/reimbursement-requests/{requestId}/approval")
    @Sends(ApproveReimbursementRequest.class)
    public String approve(Actor actor, @PathVariable String projectId, @PathVariable String requestId,
                          @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                          HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Rows rows = new Rows("excluded");
        int count = count(fields);
        List<String> onThePage = new ArrayList<>(DECISION);
        onThePage.add("excluded");
        onThePage.addAll(Rows.fields("excluded", count, "expenditure", "reason"));
        Writes.Written written = forms.send(form, onThePage, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            List<Map<String, Object>> excluded = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String prefix = "excluded[" + i + "].";
                if (form.has(prefix + "expenditure")) {
                    Map<String, Object> exclusion = new LinkedHashMap<>();
                    exclusion.put("expenditure", form.get(prefix + "expenditure"));
                    put(exclusion, "reason", Inputs.text(form.get(prefix + "reason")));
                    excluded.add(exclusion);
                    rows.send(i);
                }
            }
            if (!excluded.isEmpty()) {
                body.put("excluded", excluded);
            }
            put(body, "comment", Inputs.text(form.get("comment")));
            ReimbursementController.ApprovalRequest approval = writes.request(body,
                    ReimbursementController.ApprovalRequest.class, request);
            return r -> requests.approve(projectId, requestId, approval, actor, r);
        }, rows::pageField);
        return decided(model, actor, projectId, requestId, request, form, written, "reimbursement.approved", "approve",
                redirect);
    }

    @PostMapping("/projects/{projectId}/reimbursement-requests/{requestId}/return")
    @Sends(ReturnReimbursementRequest.class)
    public String returnRequest(Actor actor, @PathVariable String projectId, @PathVariable String requestId,
                                @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                                HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, DECISION, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "comment", Inputs.text(form.get("comment")));
            ReimbursementController.ReturnRequest back = writes.request(body,
                    ReimbursementController.ReturnRequest.class, request);
            return r -> requests.returnRequest(projectId, requestId, back, actor, r);
        });
        return decided(model, actor, projectId, requestId, request, form, written, "reimbursement.returned", "return",
                redirect);
    }

    @PostMapping("/projects/{projectId}/reimbursement-requests/{requestId}/payment")
    @Sends(RecordReimbursementPayment.class)
    public String pay(Actor actor, @PathVariable String projectId, @PathVariable String requestId,
                      @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                      HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, PAYMENT, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "paidOn", Inputs.date(form.get("paidOn")));
            put(body, "amount", Inputs.amount(form.get("amount"), locale));
            ReimbursementController.PaymentRequest payment = writes.request(body,
                    ReimbursementController.PaymentRequest.class, request);
            return r -> requests.pay(projectId, requestId, payment, actor, r);
        });
        return decided(model, actor, projectId, requestId, request, form, written, "reimbursement.paymentRecorded", "pay",
                redirect);
    }

    private String decided(Model model, Actor actor, String projectId, String requestId, HttpServletRequest request,
                           Form form, Writes.Written written, String flash, String decision,
                           RedirectAttributes redirect) {
        if (written == null) {
            form.with("decision", decision);
            return detail(model, actor, projectId, requestId, request, form);
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:" + requestPath(projectId, requestId);
    }

    private String detail(Model model, Actor actor, String projectId, String requestId, HttpServletRequest request,
                          Form form) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        Long minPosition = Writes.minPosition(request);
        ReimbursementViews.RequestView view = views.detail(actor, projectId, requestId, minPosition, null);
        model.addAttribute("project", project);
        model.addAttribute("can", new Can(actor, project.id(), project.programme()));
        model.addAttribute("claim", view);
        Map<String, String> approvedLines = new HashMap<>();
        if (view.approved() != null) {
            view.approved().lines().forEach(l -> approvedLines.put(l.budgetLine(), l.eligible()));
        }
        model.addAttribute("approvedLines", approvedLines);
        List<Claimed> claimed = claimed(actor, projectId, view.expenditures(), minPosition);
        model.addAttribute("claimed", claimed);
        Map<String, ExpenditureList.Item> items = new HashMap<>();
        claimed.stream().filter(c -> c.item() != null).forEach(c -> items.put(c.id(), c.item()));
        model.addAttribute("items", items);
        FormPage.show(model, form);
        return "console/reimbursement";
    }

    /** The request's expenditures with their supplier, invoice and amount from the project's expenditure list. */
    private List<Claimed> claimed(Actor actor, String projectId, List<String> ids, Long minPosition) {
        Set<String> wanted = new HashSet<>(ids);
        Map<String, ExpenditureList.Item> found = new HashMap<>();
        for (int page = 0; found.size() < wanted.size(); page++) {
            Paging.Page<ExpenditureList.Item> items = expenditures.expenditures(actor, projectId, null, null, null,
                    null, page, 1000, minPosition, null);
            items.items().stream().filter(i -> wanted.contains(i.id())).forEach(i -> found.put(i.id(), i));
            if ((long) (page + 1) * 1000 >= items.total()) {
                break;
            }
        }
        return ids.stream().map(id -> new Claimed(id, found.get(id))).toList();
    }

    private String submitForm(Model model, ProjectViews.ProjectDetail project, Form form) {
        model.addAttribute("project", project);
        FormPage.show(model, form);
        return "console/reimbursement-new";
    }

    /** How many exclusion rows the form had: one per expenditure of the request. */
    private static int count(MultiValueMap<String, String> fields) {
        int count = 0;
        for (String name : fields.keySet()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^excluded\\[(\\d{1,4})]\\..*").matcher(name);
            if (m.matches()) {
                count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return count;
    }

    static String requestPath(String projectId, String requestId) {
        return UriComponentsBuilder.fromPath("/projects/{p}/reimbursement-requests/{id}").encode()
                .buildAndExpand(projectId, requestId).toUriString();
    }

    private static void put(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}
