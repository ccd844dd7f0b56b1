package io.seire.query.setup;

import io.seire.kernel.access.Actor;
import io.seire.query.read.Paging;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.ReadGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZoneOffset;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Project setup")
public class ProjectsController {

    private final ProjectViews views;
    private final ReadGate gate;

    public ProjectsController(ProjectViews views, ReadGate gate) {
        this.views = views;
        this.gate = gate;
    }

    @GetMapping
    @Operation(summary = "Projects you may see, ordered by id, with total planned and spent")
    public Paging.Page<ProjectViews.ProjectSummary> list(Actor actor,
                                                         @RequestParam(required = false) Integer page,
                                                         @RequestParam(required = false) Integer size,
                                                         @RequestParam(required = false) Long minPosition,
                                                         @RequestParam(required = false) String asOf) {
        Paging paging = Paging.of(page, size);
        java.time.Instant at = asOf == null || asOf.isBlank() ? null : ReadGate.instant("asOf", asOf);
        gate.awaitPosition(minPosition);
        return views.list(actor, paging, at);
    }

    @GetMapping("/{projectId}")
    @Operation(summary = "A project as registered and set up: periods, sub-activities, budget lines, indicators")
    public ProjectViews.ProjectDetail detail(Actor actor, @PathVariable String projectId,
                                             @RequestParam(required = false) Long minPosition,
                                             @RequestParam(required = false) String asOf) {
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        return views.detail(scope, asOf == null || asOf.isBlank() ? null
                : ReadGate.instant("asOf", asOf).atZone(ZoneOffset.UTC).toLocalDate());
    }
}
