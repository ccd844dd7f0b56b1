package io.seire.command.personaldata;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Sends;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.command.write.Written;
import io.seire.kernel.access.Actor;
import io.seire.kernel.personaldata.RedactFreeText;
import io.seire.kernel.personaldata.RedactedRecord;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators redact free text (ADR 0037): the keys the named fields of a record are sealed under are destroyed,
 * and every view, export, report document and audit entry shows {@code [redacted]} instead. Figures, dates and the
 * chain stay; allowed whatever periods are locked or expenditures claimed.
 */
@RestController
@RequestMapping("/api/v1/projects/{projectId}")
@Tag(name = "Personal data")
public class RedactionController {

    private static final Logger log = LoggerFactory.getLogger(RedactionController.class);

    public record RedactionRequest(List<String> fields, @NotBlank String reason) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public RedactionController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping("/expenditures/{id}/redaction")
    @Sends(RedactFreeText.class)
    @Operation(summary = "Redact an expenditure's description (administrators)")
    public ResponseEntity<Written> expenditure(@PathVariable String projectId, @PathVariable String id,
                                              @Valid @RequestBody RedactionRequest body, Actor actor,
                                              HttpServletRequest request) {
        return redact(projectId, RedactedRecord.EXPENDITURE, null, id, body, actor, request);
    }

    @PostMapping("/indicators/{code}/values/{id}/redaction")
    @Sends(RedactFreeText.class)
    @Operation(summary = "Redact an indicator value's note or evidence (administrators)")
    public ResponseEntity<Written> indicatorValue(@PathVariable String projectId, @PathVariable String code,
                                                 @PathVariable String id, @Valid @RequestBody RedactionRequest body,
                                                 Actor actor, HttpServletRequest request) {
        return redact(projectId, RedactedRecord.INDICATOR_VALUE, code, id, body, actor, request);
    }

    @PostMapping("/sub-activities/{code}/progress/{period}/redaction")
    @Sends(RedactFreeText.class)
    @Operation(summary = "Redact a progress report's narrative: summary, problems, measures, nextSteps "
            + "(administrators)")
    public ResponseEntity<Written> progress(@PathVariable String projectId, @PathVariable String code,
                                           @PathVariable String period, @Valid @RequestBody RedactionRequest body,
                                           Actor actor, HttpServletRequest request) {
        return redact(projectId, RedactedRecord.PROGRESS, code, period, body, actor, request);
    }

    private ResponseEntity<Written> redact(String projectId, RedactedRecord kind, String scope, String id,
                                          RedactionRequest body, Actor actor, HttpServletRequest request) {
        // which fields hold free text depends on the record the path names, not on the request alone
        Fields f = new Fields();
        if (body.fields() == null || body.fields().isEmpty()) {
            f.add("fields", "is required: one or more of " + String.join(", ", kind.fields()));
        } else {
            for (String field : body.fields()) {
                if (field == null || !kind.fields().contains(field)) {
                    f.add("fields", "'" + io.seire.kernel.Bounds.shortened(String.valueOf(field))
                            + "' cannot be redacted; the fields with free text are "
                            + String.join(", ", kind.fields()));
                }
            }
        }
        f.throwIfInvalid();
        ResponseEntity<Written> redacted = writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new RedactFreeText(projectId, kind, scope, id, List.copyOf(body.fields()), body.reason()));
        // for the operator: what was redacted, by whom; never the text
        log.info("Free text {} of {} of project {} redacted by {}", body.fields(), kind.record(scope, id), projectId,
                actor.username());
        return redacted;
    }
}
