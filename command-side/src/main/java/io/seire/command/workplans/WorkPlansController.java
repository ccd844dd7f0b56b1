package io.seire.command.workplans;

import jakarta.validation.Valid;
import io.seire.kernel.DecimalText;
import io.seire.platform.web.rules.RulesInCode;
import io.seire.platform.web.rules.Decimal;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
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
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
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

    public record PlannedAmountRequest(@NotBlank String budgetLine, @NotBlank @Decimal(min = "0") String planned) {
    }

    public record PlannedActivityRequest(@NotBlank String subActivity, @NotNull LocalDate from, @NotNull LocalDate to,
                                         @NotBlank String description) {
    }

    public record WorkPlanDraftRequest(@NotNull Integer year, @NotNull List<@NotNull(message = "must not be null") @Valid PlannedAmountRequest> budget,
                                       List<@NotNull(message = "must not be null") @Valid PlannedActivityRequest> activities)
            implements RulesInCode {

        @Override
        public void check(Refusals refusals) {
            if (year != null && (year < 1900 || year > 2999)) {
                refusals.refuse("year", "must be a year between 1900 and 2999, not " + year);
            }
        }
    }

    /** {@code {}}, or the version meant, which must be the year's latest. */
    public record WorkPlanSubmissionRequest(Integer version) {
    }

    /** An approval's optional comment and, optionally, the version meant. */
    public record WorkPlanDecisionRequest(Integer version, String comment) {
    }

    /** A return's comment (required) and, optionally, the version meant. */
    public record WorkPlanReturnRequest(Integer version, @NotBlank String comment) {
    }

    /** A work plan write's answer: the plan's id, the version the write made or decided on, and the position. */
    public record WorkPlanWritten(String id, int version, long position) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public WorkPlansController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(DraftWorkPlan.class)
    @Operation(summary = "Draft a new version of a year's work plan and budget (managers, finance staff)")
    public ResponseEntity<WorkPlanWritten> draft(@PathVariable String projectId, @Valid @RequestBody WorkPlanDraftRequest body,
                                        Actor actor, HttpServletRequest request) {
        List<PlannedAmount> budget = body.budget().stream()
                .map(a -> new PlannedAmount(a.budgetLine(), DecimalText.parse(a.planned()))).toList();
        List<PlannedActivity> activities = (body.activities() == null ? List.<PlannedActivityRequest>of()
                : body.activities()).stream()
                .map(a -> new PlannedActivity(a.subActivity(), a.from(), a.to(), a.description())).toList();
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
    public ResponseEntity<WorkPlanWritten> submit(@PathVariable String projectId, @PathVariable int year,
                                         @Valid @RequestBody WorkPlanSubmissionRequest body, Actor actor,
                                         HttpServletRequest request) {
        return writes.execute(Write.ofJson(actor, projectId, request, json, body, 200),
                new SubmitWorkPlan(projectId, year, body.version()), WorkPlanRecorded::sequenceNumber,
                WorkPlansController::answer);
    }

    @PostMapping(path = "/{year}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(ApproveWorkPlan.class)
    @Operation(summary = "Approve the year's submitted version; it is the year's budget from now on (liaisons of the "
            + "programme); the body is {} or {\"comment\"}")
    public ResponseEntity<WorkPlanWritten> approve(@PathVariable String projectId, @PathVariable int year,
                                          @Valid @RequestBody WorkPlanDecisionRequest body, Actor actor,
                                          HttpServletRequest request) {
        return writes.execute(Write.ofJson(actor, projectId, request, json, body, 200),
                new ApproveWorkPlan(projectId, year, body.version(), Fields.optional(body.comment())),
                WorkPlanRecorded::sequenceNumber, WorkPlansController::answer);
    }

    @PostMapping(path = "/{year}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(ReturnWorkPlan.class)
    @Operation(summary = "Return the year's submitted version with a comment; the version approved before stays in "
            + "force (liaisons of the programme)")
    public ResponseEntity<WorkPlanWritten> returnPlan(@PathVariable String projectId, @PathVariable int year,
                                             @Valid @RequestBody WorkPlanReturnRequest body, Actor actor,
                                             HttpServletRequest request) {
        return writes.execute(Write.ofJson(actor, projectId, request, json, body, 200),
                new ReturnWorkPlan(projectId, year, body.version(), body.comment()), WorkPlanRecorded::sequenceNumber,
                WorkPlansController::answer);
    }

    private static WorkPlanWritten answer(WorkPlanRecorded r, Long position) {
        return new WorkPlanWritten(r.id(), r.version(), position);
    }
}
