package io.seire.console.audit;

import io.seire.console.setup.ProjectPage;
import io.seire.console.web.Form;
import io.seire.console.web.Inputs;
import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.query.audit.AuditController;
import io.seire.query.audit.AuditTrail;
import io.seire.query.audit.ChainController;
import io.seire.query.read.Paging;
import io.seire.query.setup.ProjectsController;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit trail: who recorded what and when, filtered and paged as the API pages it, its download, and a button
 * that verifies the project's hash chain and shows what the verification found.
 */
@Controller
public class AuditPage {

    static final int PAGE_SIZE = 50;
    static final ZoneId TALLINN = ZoneId.of("Europe/Tallinn");

    private final ProjectsController projects;
    private final AuditController audit;
    private final ChainController chain;

    public AuditPage(ProjectsController projects, AuditController audit, ChainController chain) {
        this.projects = projects;
        this.audit = audit;
        this.chain = chain;
    }

    @GetMapping("/projects/{projectId}/audit-trail")
    public String auditTrail(Actor actor, @PathVariable String projectId, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(name = "actor", required = false) String byActor,
                             @RequestParam(required = false) String type, @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) String verify, HttpServletRequest request, Model model) {
        model.addAttribute("project", ProjectPage.read(projects, actor, projectId, request));
        Long minPosition = Writes.minPosition(request);
        // the filter's dates are days in Estonian time; the API filters on recorded-at instants
        String start = day(from, 0);
        String end = day(to, 1);
        Paging.Page<AuditTrail.Entry> entries = audit.page(actor, projectId, start, end, blank(byActor), blank(type),
                page, PAGE_SIZE, minPosition, null);
        model.addAttribute("filters", Form.empty().with("from", from).with("to", to).with("actor", byActor)
                .with("type", type));
        model.addAttribute("entries", entries);
        model.addAttribute("pages", (entries.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        UriComponentsBuilder here = UriComponentsBuilder.fromPath("/projects/{p}/audit-trail");
        UriComponentsBuilder download = UriComponentsBuilder.fromPath("/api/v1/projects/{p}/audit-trail");
        for (String[] filter : new String[][]{{"from", from}, {"to", to}, {"actor", byActor}, {"type", type}}) {
            if (filter[1] != null && !filter[1].isBlank()) {
                here.queryParam(filter[0], filter[1]);
            }
        }
        for (String[] filter : new String[][]{{"from", start}, {"to", end}, {"actor", blank(byActor)}, {"type", blank(type)}}) {
            if (filter[1] != null) {
                download.queryParam(filter[0], filter[1]);
            }
        }
        model.addAttribute("pageLink", here.encode().buildAndExpand(projectId).toUriString()
                + (here.build().getQueryParams().isEmpty() ? "?" : "&") + "page=");
        model.addAttribute("downloadCsv", download.cloneBuilder().queryParam("format", "csv").encode()
                .buildAndExpand(projectId).toUriString());
        model.addAttribute("downloadXlsx", download.cloneBuilder().queryParam("format", "xlsx").encode()
                .buildAndExpand(projectId).toUriString());
        if (verify != null) {
            model.addAttribute("verification", chain.verify(actor, projectId, minPosition, null, null, null));
        }
        return "console/audit-trail";
    }

    /** The start of a day (plus {@code days}) in Estonian time, as the API's instant; blank stays absent. */
    private static String day(String text, int days) {
        String iso = Inputs.date(text);
        if (iso == null) {
            return null;
        }
        try {
            return LocalDate.parse(iso).plusDays(days).atStartOfDay(TALLINN).toInstant().toString();
        } catch (java.time.format.DateTimeParseException e) {
            return text; // the API names what is wrong with it
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
