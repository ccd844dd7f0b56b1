package io.seire.query.workplans;

import io.seire.kernel.access.Actor;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.ReadGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects/{projectId}/work-plans")
@Tag(name = "Yearly work plans and budgets")
public class WorkPlansViewController {

    private final ReadGate gate;
    private final WorkPlanView plans;

    public WorkPlansViewController(ReadGate gate, WorkPlanView plans) {
        this.gate = gate;
        this.plans = plans;
    }

    @GetMapping("/{year}")
    @Operation(summary = "A year's work plan: its latest version and status, the version in force (approved), and "
            + "every step of every version")
    public WorkPlanView.WorkPlan plan(Actor actor, @PathVariable String projectId, @PathVariable int year,
                                  @RequestParam(required = false) Long minPosition,
                                  @RequestParam(required = false) String asOf) {
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        return plans.plan(scope, year);
    }
}
