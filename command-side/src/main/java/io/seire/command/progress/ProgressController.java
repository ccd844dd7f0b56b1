package io.seire.command.progress;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import io.seire.command.write.Sends;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.command.write.Written;
import io.seire.kernel.access.Actor;
import io.seire.kernel.progress.ProgressStatus;
import io.seire.kernel.progress.ReportActivityProgress;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Managers report what each sub-activity achieved in a period; a later report supersedes the earlier one. */
@RestController
@Tag(name = "Results, progress, staffing")
public class ProgressController {

    public record ProgressRequest(@NotBlank String period, @NotNull ProgressStatus status, @NotBlank String summary, String problems,
                                  String measures, String nextSteps) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public ProgressController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping("/api/v1/projects/{projectId}/sub-activities/{code}/progress")
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(ReportActivityProgress.class)
    @Operation(summary = "Report a sub-activity's progress in a period (managers)")
    public ResponseEntity<Written> report(@PathVariable String projectId, @PathVariable String code,
                                         @Valid @RequestBody ProgressRequest body, Actor actor, HttpServletRequest request) {
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201), new ReportActivityProgress(
                projectId, code, body.period(), body.status(), body.summary(), Fields.optional(body.problems()),
                Fields.optional(body.measures()), Fields.optional(body.nextSteps())));
    }
}
