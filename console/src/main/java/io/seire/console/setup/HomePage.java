package io.seire.console.setup;

import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.query.programme.ProgrammeViewsController;
import io.seire.query.setup.ProjectsController;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /}: the projects and programmes the signed-in user can see, as the API lists them for them. */
@Controller
public class HomePage {

    static final int PAGE_SIZE = 50;

    private final ProjectsController projects;
    private final ProgrammeViewsController programmes;

    public HomePage(ProjectsController projects, ProgrammeViewsController programmes) {
        this.projects = projects;
        this.programmes = programmes;
    }

    @GetMapping("/")
    public String home(Actor actor, @RequestParam(required = false) Integer page, HttpServletRequest request,
                       Model model) {
        Long minPosition = Writes.minPosition(request);
        model.addAttribute("projects", projects.list(actor, page, PAGE_SIZE, minPosition, null));
        model.addAttribute("programmes", programmes.list(actor, 0, 1000, minPosition).items());
        return "console/home";
    }
}
