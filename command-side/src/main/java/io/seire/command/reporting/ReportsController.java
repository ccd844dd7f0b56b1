package io.seire.command.reporting;

import io.seire.command.write.Sends;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.kernel.access.Actor;
import io.seire.kernel.reporting.ApproveReport;
import io.seire.kernel.reporting.ReportKind;
import io.seire.kernel.reporting.ReportRecorded;
import io.seire.kernel.reporting.ReturnReport;
import io.seire.kernel.reporting.Signatory;
import io.seire.kernel.reporting.SubmitReport;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    public record SubmitRequest(String id, String period, ReportKind kind, String assessment,
                                SignatoryRequest author, SignatoryRequest confirmedBy) {
    }

    /** A person of the beneficiary in the report's signature block. */
    public record SignatoryRequest(String name, String position) {
    }

    public record DecisionRequest(String comment) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public ReportsController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping
    @Sends(SubmitReport.class)
    @Operation(summary = "Submit the report for a period; it locks the period and pins the audit chain head (managers)")
    public ResponseEntity<String> submit(@PathVariable String projectId, @RequestBody SubmitRequest body, Actor actor,
                                         HttpServletRequest request) {
        Fields f = new Fields();
        f.required("period", body.period());
        f.required("kind", body.kind());
        f.required("assessment", body.assessment());
        Signatory author = signatory(f, "author", body.author());
        Signatory confirmedBy = signatory(f, "confirmedBy", body.confirmedBy());
        f.throwIfInvalid();
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        return writes.execute(Write.ofJson(actor, projectId, request, json, body, 201),
                new SubmitReport(projectId, id, body.period(), body.kind(), body.assessment(), author, confirmedBy),
                ReportRecorded::sequenceNumber, (ReportRecorded r, Long position) -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("id", r.id());
                    answer.put("position", position);
                    answer.put("chainHead", r.chainHead());
                    return answer;
                });
    }

    /** A signatory is optional; given, it needs both a name and a position. */
    private static Signatory signatory(Fields f, String field, SignatoryRequest given) {
        if (given == null) {
            return null;
        }
        f.required(field + ".name", given.name());
        f.required(field + ".position", given.position());
        return new Signatory(given.name(), given.position());
    }

    /**
     * A decision needs a JSON body ({@code {}} at least) sent as {@code application/json}: a browser can send an
     * empty or form-encoded POST across sites without asking, but not this (no CSRF through a signed-in browser).
     */
    @PostMapping(path = "/{reportId}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(ApproveReport.class)
    @Operation(summary = "Approve a submitted report (liaisons of the programme); the body is {} or {\"comment\"}")
    public ResponseEntity<String> approve(@PathVariable String projectId, @PathVariable String reportId,
                                          @RequestBody DecisionRequest body, Actor actor,
                                          HttpServletRequest request) {
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new ApproveReport(projectId, reportId, new Fields().optional(body.comment())));
    }

    @PostMapping(path = "/{reportId}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(ReturnReport.class)
    @Operation(summary = "Return a submitted report with a comment; its period opens again (liaisons of the programme)")
    public ResponseEntity<String> returnReport(@PathVariable String projectId, @PathVariable String reportId,
                                               @RequestBody DecisionRequest body, Actor actor,
                                               HttpServletRequest request) {
        Fields f = new Fields();
        f.required("comment", body.comment());
        f.throwIfInvalid();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new ReturnReport(projectId, reportId, body.comment()));
    }
}
