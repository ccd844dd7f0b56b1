package io.seire.command.workplans;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Sends;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.kernel.access.Actor;
import io.seire.kernel.workplans.ApproveWorkPlan;
import io.seire.kernel.workplans.DraftWorkPlan;
import io.seire.kernel.workplans.PlannedActivity;
import io.seire.kernel.workplans.PlannedAmount;
import io.seire.kernel.workplans.ReturnWorkPlan;
import io.seire.kernel.workplans.SubmitWorkPlan;
import io.seire.kernel.workplans.WorkPlanRecorded;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Yearly work plans and budgets: managers and finance staff draft versions, managers submit them, liaisons of the
 * programme approve or return them. Every write answers {@code {"id": "<year>", "version", "position"}}.
 */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/work-plans")
@Tag(name = "Yearly work plans and budgets")
public class WorkPlansController {

    public record PlannedAmountRequest(String budgetLine, String planned) {
    }

    public record PlannedActivityRequest(String subActivity, LocalDate from, LocalDate to, String description) {
    }

    public record WorkPlanDraftRequest(Integer year, List<PlannedAmountRequest> budget,
                                       List<PlannedActivityRequest> activities) {
    }

    /** {@code {}}, or the version meant, which must be the year's latest. */
    public record WorkPlanSubmissionRequest(Integer version) {
    }

    /** The comment (optional for an approval, required for a return) and, optionally, the version meant. */
    public record WorkPlanDecisionRequest(Integer version, String comment) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public WorkPlansController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping
    @Sends(DraftWorkPlan.class)
    @Operation(summary = "Draft a new version of a year's work plan and budget (managers, finance staff)")
    public ResponseEntity<String> draft(@PathVariable String projectId, @RequestBody WorkPlanDraftRequest body,
                                        Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("year", body.year());
        f.required("budget", body.budget());
        List<PlannedAmount> budget = new ArrayList<>();
        List<PlannedAmountRequest> amounts = body.budget() == null ? List.of() : body.budget();
        for (int i = 0; i < amounts.size(); i++) {
            PlannedAmountRequest a = amounts.get(i);
            String field = "budget[" + i + "]";
            if (a == null) {
                f.add(field, "must not be null");
                continue;
            }
            f.required(field + ".budgetLine", a.budgetLine());
            BigDecimal planned = f.requiredDecimal(field + ".planned", a.planned());
            if (planned != null && planned.signum() < 0) {
                f.add(field + ".planned", "must not be negative, not " + a.planned());
            }
            budget.add(new PlannedAmount(a.budgetLine(), planned));
        }
        List<PlannedActivity> activities = new ArrayList<>();
        List<PlannedActivityRequest> planned = body.activities() == null ? List.of() : body.activities();
        for (int i = 0; i < planned.size(); i++) {
            PlannedActivityRequest a = planned.get(i);
            String field = "activities[" + i + "]";
            if (a == null) {
                f.add(field, "must not be null");
                continue;
            }
            f.required(field + ".subActivity", a.subActivity());
            f.required(field + ".from", a.from());
            f.required(field + ".to", a.to());
            f.required(field + ".description", a.description());
            activities.add(new PlannedActivity(a.subActivity(), a.from(), a.to(), a.description()));
        }
        if (body.year() != null && (body.year() < 1900 || body.year() > 2999)) {
            f.add("year", "must be a year between 1900 and 2999, not " + body.year());
        }
        f.throwIfInvalid();
        return writes.execute(Write.ofJson(actor, projectId, request, json, body, 201),
                new DraftWorkPlan(projectId, body.year(), budget, activities), WorkPlanRecorded::sequenceNumber,
                WorkPlansController::answer);
    }

    /**
     * Submission and decisions need a JSON body ({@code {}} at least) sent as {@code application/json}: a browser can
     * send an empty or form-encoded POST across sites without asking, but not this (no CSRF through a signed-in
     * browser).
     */
    @PostMapping(path = "/{year}/submission", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(SubmitWorkPlan.class)
    @Operation(summary = "Submit the year's latest draft for approval (managers); the body is {} or {\"version\"}")
    public ResponseEntity<String> submit(@PathVariable String projectId, @PathVariable int year,
                                         @RequestBody WorkPlanSubmissionRequest body, Actor actor,
                                         HttpServletRequest request) {
        return writes.execute(Write.ofJson(actor, projectId, request, json, body, 200),
                new SubmitWorkPlan(projectId, year, body.version()), WorkPlanRecorded::sequenceNumber,
                WorkPlansController::answer);
    }

    @PostMapping(path = "/{year}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(ApproveWorkPlan.class)
    @Operation(summary = "Approve the year's submitted version; it is the year's budget from now on (liaisons of the "
            + "programme); the body is {} or {\"comment\"}")
    public ResponseEntity<String> approve(@PathVariable String projectId, @PathVariable int year,
                                          @RequestBody WorkPlanDecisionRequest body, Actor actor,
                                          HttpServletRequest request) {
        return writes.execute(Write.ofJson(actor, projectId, request, json, body, 200),
                new ApproveWorkPlan(projectId, year, body.version(), new Fields().optional(body.comment())),
                WorkPlanRecorded::sequenceNumber, WorkPlansController::answer);
    }

    @PostMapping(path = "/{year}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(ReturnWorkPlan.class)
    @Operation(summary = "Return the year's submitted version with a comment; the version approved before stays in "
            + "force (liaisons of the programme)")
    public ResponseEntity<String> returnPlan(@PathVariable String projectId, @PathVariable int year,
                                             @RequestBody WorkPlanDecisionRequest body, Actor actor,
                                             HttpServletRequest request) {
        Fields f = new Fields();
        f.required("comment", body.comment());
        f.throwIfInvalid();
        return writes.execute(Write.ofJson(actor, projectId, request, json, body, 200),
                new ReturnWorkPlan(projectId, year, body.version(), body.comment()), WorkPlanRecorded::sequenceNumber,
                WorkPlansController::answer);
    }

    private static Map<String, Object> answer(WorkPlanRecorded r, Long position) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", r.id());
        answer.put("version", r.version());
        answer.put("position", position);
        return answer;
    }
}
