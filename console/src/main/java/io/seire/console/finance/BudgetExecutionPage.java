package io.seire.console.finance;

import io.seire.console.setup.ProjectPage;
import io.seire.console.web.Can;
import io.seire.console.web.Charts;
import io.seire.console.web.Fmt;
import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.query.finance.BudgetExecution;
import io.seire.query.finance.FinanceViewsController;
import io.seire.query.setup.ProjectViews;
import io.seire.query.setup.ProjectsController;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Annex 5 for a chosen period: the API's budget-execution view, a chart of it, and its downloads. */
@Controller
public class BudgetExecutionPage {

    /** The lines of one sub-activity, then its subtotal. */
    public record Group(BudgetExecution.Figures subtotal, List<BudgetExecution.Figures> lines) {
    }

    private final ProjectsController projects;
    private final FinanceViewsController finance;

    public BudgetExecutionPage(ProjectsController projects, FinanceViewsController finance) {
        this.projects = projects;
        this.finance = finance;
    }

    @GetMapping("/projects/{projectId}/budget-execution")
    public String budgetExecution(Actor actor, @PathVariable String projectId,
                                  @RequestParam(required = false) String period, HttpServletRequest request,
                                  Locale locale, Model model) {
        ProjectViews.ProjectDetail project = ProjectPage.read(projects, actor, projectId, request);
        if (period == null || period.isBlank()) {
            ProjectViews.Period current = ProjectPage.current(project.reportingPeriods());
            period = current == null ? null : current.id();
        }
        BudgetExecution.View view = finance.budgetExecution(actor, projectId, period, null,
                Writes.minPosition(request), null);
        Fmt fmt = new Fmt(locale);
        List<String[]> bars = new ArrayList<>();
        for (BudgetExecution.Figures line : view.lines()) {
            bars.add(new String[]{line.code(), line.planned(), line.spentCumulative(), line.executionPercent()});
        }
        model.addAttribute("project", project);
        model.addAttribute("can", new Can(actor, project.id(), project.programme()));
        model.addAttribute("view", view);
        model.addAttribute("groups", groups(view));
        model.addAttribute("chart", Charts.budget(bars, fmt));
        model.addAttribute("periods", project.reportingPeriods());
        return "console/budget-execution";
    }

    static List<Group> groups(BudgetExecution.View view) {
        Map<String, List<BudgetExecution.Figures>> bySubActivity = new LinkedHashMap<>();
        for (BudgetExecution.Figures subtotal : view.subActivities()) {
            bySubActivity.put(subtotal.subActivity(), new ArrayList<>());
        }
        for (BudgetExecution.Figures line : view.lines()) {
            bySubActivity.computeIfAbsent(line.subActivity(), s -> new ArrayList<>()).add(line);
        }
        List<Group> groups = new ArrayList<>();
        for (BudgetExecution.Figures subtotal : view.subActivities()) {
            groups.add(new Group(subtotal, bySubActivity.get(subtotal.subActivity())));
        }
        return groups;
    }
}
