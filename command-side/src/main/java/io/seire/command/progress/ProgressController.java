package io.seire.command.progress;

import io.seire.command.write.Sends;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.kernel.access.Actor;
import io.seire.kernel.progress.ProgressStatus;
import io.seire.kernel.progress.ReportActivityProgress;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Managers report what each sub-activity achieved in a period; a later report supersedes the earlier one. */
@RestController
@Tag(name = "Results, progress, staffing")
public class ProgressController {

    public record ProgressRequest(String period, ProgressStatus status, String summary, String problems,
                                  String measures, String nextSteps) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public ProgressController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping("/api/v1/projects/{projectId}/sub-activities/{code}/progress")
    @Sends(ReportActivityProgress.class)
    @Operation(summary = "Report a sub-activity's progress in a period (managers)")
    public ResponseEntity<String> report(@PathVariable String projectId, @PathVariable String code,
                                         @RequestBody ProgressRequest body, Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("period", body.period());
        f.required("status", body.status());
        f.required("summary", body.summary());
        f.throwIfInvalid();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201), new ReportActivityProgress(
                projectId, code, body.period(), body.status(), body.summary(), f.optional(body.problems()),
                f.optional(body.measures()), f.optional(body.nextSteps())));
    }
}
