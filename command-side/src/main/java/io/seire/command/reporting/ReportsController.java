package io.seire.command.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import io.seire.command.write.Sends;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.command.write.Written;
import io.seire.kernel.access.Actor;
import io.seire.kernel.reporting.ApproveReport;
import io.seire.kernel.reporting.ReportKind;
import io.seire.kernel.reporting.ReportRecorded;
import io.seire.kernel.reporting.ReturnReport;
import io.seire.kernel.reporting.Signatory;
import io.seire.kernel.reporting.SubmitReport;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Managers submit monitoring reports; liaisons approve or return them. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/reports")
@Tag(name = "Reports and audit")
public class ReportsController {

    public record SubmitRequest(String id, @NotBlank String period, @NotNull ReportKind kind,
                                @NotBlank String assessment, @Valid SignatoryRequest author,
                                @Valid SignatoryRequest confirmedBy) {
    }

    /** A person of the beneficiary in the report's signature block: optional, but given, with a name and position. */
    public record SignatoryRequest(@NotBlank String name, @NotBlank String position) {
    }

    /** An approval's optional comment. */
    public record DecisionRequest(String comment) {
    }

    /** A return's comment (required). */
    public record ReturnRequest(@NotBlank String comment) {
    }

    /** A submitted report's answer: its id, the position, and the audit chain's head the report is composed at. */
    @Schema(name = "SubmittedReport")
    public record Submitted(String id, long position, String chainHead) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public ReportsController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(SubmitReport.class)
    @Operation(summary = "Submit the report for a period; it locks the period and pins the audit chain head (managers)")
    public ResponseEntity<Submitted> submit(@PathVariable String projectId, @Valid @RequestBody SubmitRequest body,
                                            Actor actor, HttpServletRequest request) {
        Signatory author = signatory(body.author());
        Signatory confirmedBy = signatory(body.confirmedBy());
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        return writes.execute(Write.ofJson(actor, projectId, request, json, body, 201),
                new SubmitReport(projectId, id, body.period(), body.kind(), body.assessment(), author, confirmedBy),
                ReportRecorded::sequenceNumber,
                (ReportRecorded r, Long position) -> new Submitted(r.id(), position, r.chainHead()));
    }

    private static Signatory signatory(SignatoryRequest given) {
        return given == null ? null : new Signatory(given.name(), given.position());
    }

    /**
     * A decision needs a JSON body ({@code {}} at least) sent as {@code application/json}: a browser can send an
     * empty or form-encoded POST across sites without asking, but not this (no CSRF through a signed-in browser).
     */
    @PostMapping(path = "/{reportId}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(ApproveReport.class)
    @Operation(summary = "Approve a submitted report (liaisons of the programme); the body is {} or {\"comment\"}")
    public ResponseEntity<Written> approve(@PathVariable String projectId, @PathVariable String reportId,
                                          @Valid @RequestBody DecisionRequest body, Actor actor,
                                          HttpServletRequest request) {
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new ApproveReport(projectId, reportId, Fields.optional(body.comment())));
    }

    @PostMapping(path = "/{reportId}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(ReturnReport.class)
    @Operation(summary = "Return a submitted report with a comment; its period opens again (liaisons of the programme)")
    public ResponseEntity<Written> returnReport(@PathVariable String projectId, @PathVariable String reportId,
                                               @Valid @RequestBody ReturnRequest body, Actor actor,
                                               HttpServletRequest request) {
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new ReturnReport(projectId, reportId, body.comment()));
    }
}
