package io.seire.console.setup;

import io.seire.console.web.Can;
import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.query.audit.AuditController;
import io.seire.query.setup.ProjectViews;
import io.seire.query.setup.ProjectsController;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /projects/{p}}: the project as registered, its reports, and the ways to its views and forms. */
@Controller
public class ProjectPage {

    private final ProjectsController projects;
    private final AuditController audit;

    public ProjectPage(ProjectsController projects, AuditController audit) {
        this.projects = projects;
        this.audit = audit;
    }

    @GetMapping("/projects/{projectId}")
    public String project(Actor actor, @PathVariable String projectId, HttpServletRequest request, Model model) {
        ProjectViews.ProjectDetail project = projects.detail(actor, projectId, Writes.minPosition(request), null);
        model.addAttribute("project", project);
        model.addAttribute("can", new Can(actor, project.id(), project.programme()));
        model.addAttribute("period", current(project.reportingPeriods()));
        model.addAttribute("reports", audit.reports(actor, projectId, null, null));
        return "console/project";
    }

    /** The reporting period that holds today, else the last one that has begun, else the first. */
    public static ProjectViews.Period current(List<ProjectViews.Period> periods) {
        if (periods.isEmpty()) {
            return null;
        }
        LocalDate today = LocalDate.now();
        ProjectViews.Period chosen = periods.get(0);
        for (ProjectViews.Period period : periods) {
            if (!period.from().isAfter(today)) {
                chosen = period;
            }
        }
        return chosen;
    }

    /** The project as the pages of one of its views read it (for the title, the periods and the selects). */
    public static ProjectViews.ProjectDetail read(ProjectsController projects, Actor actor, String projectId,
                                                  HttpServletRequest request) {
        return projects.detail(actor, projectId, Writes.minPosition(request), null);
    }
}
