package io.seire.command.results;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import io.seire.command.write.Sends;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.command.write.Written;
import io.seire.kernel.access.Actor;
import io.seire.kernel.results.CorrectIndicatorValue;
import io.seire.kernel.results.RecordIndicatorValue;
import io.seire.kernel.results.RetractIndicatorValue;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Managers record indicator values per reporting period, and correct or retract them with a reason. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/indicators/{indicator}/values")
@Tag(name = "Results, progress, staffing")
public class ResultsController {

    public record ValueRequest(String id, @NotBlank String period, @NotBlank String value, String note, String evidence) {
    }

    public record CorrectionRequest(@NotBlank String value, @NotBlank String reason) {
    }

    public record RetractionRequest(@NotBlank String reason) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public ResultsController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(RecordIndicatorValue.class)
    @Operation(summary = "Record an indicator value for a reporting period (managers)")
    public ResponseEntity<Written> record(@PathVariable String projectId, @PathVariable String indicator,
                                         @Valid @RequestBody ValueRequest body, Actor actor, HttpServletRequest request) {
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201), new RecordIndicatorValue(
                projectId, indicator, id, body.period(), body.value(), Fields.optional(body.note()), Fields.optional(body.evidence())));
    }

    @PostMapping("/{valueId}/corrections")
    @Sends(CorrectIndicatorValue.class)
    @Operation(summary = "Correct an indicator value, with a reason (managers)")
    public ResponseEntity<Written> correct(@PathVariable String projectId, @PathVariable String indicator,
                                          @PathVariable String valueId, @Valid @RequestBody CorrectionRequest body,
                                          Actor actor, HttpServletRequest request) {
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new CorrectIndicatorValue(projectId, indicator, valueId, body.value(), body.reason()));
    }

    @PostMapping("/{valueId}/retraction")
    @Sends(RetractIndicatorValue.class)
    @Operation(summary = "Retract an indicator value, with a reason: it counts as never recorded (managers)")
    public ResponseEntity<Written> retract(@PathVariable String projectId, @PathVariable String indicator,
                                          @PathVariable String valueId, @Valid @RequestBody RetractionRequest body,
                                          Actor actor, HttpServletRequest request) {
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new RetractIndicatorValue(projectId, indicator, valueId, body.reason()));
    }
}
