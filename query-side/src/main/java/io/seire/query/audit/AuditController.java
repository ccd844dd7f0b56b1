package io.seire.query.audit;

import io.seire.kernel.access.Actor;
import io.seire.query.export.Exports;
import io.seire.query.export.Format;
import io.seire.query.export.Rendering;
import io.seire.query.export.Tables;
import io.seire.query.read.Paging;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.ReadGate;
import io.seire.query.reporting.ReportViews;
import io.seire.query.reporting.document.ReportDocuments;
import io.seire.query.reporting.document.Wording;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/projects/{projectId}")
@Tag(name = "Reports and audit")
public class AuditController {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    private final ReadGate gate;
    private final AuditTrail audit;
    private final ReportViews reports;
    private final Exports exports;
    private final ReportDocuments documents;
    private final Tables tables;

    public AuditController(ReadGate gate, AuditTrail audit, ReportViews reports, Exports exports,
                           ReportDocuments documents, Tables tables) {
        this.gate = gate;
        this.audit = audit;
        this.reports = reports;
        this.exports = exports;
        this.documents = documents;
        this.tables = tables;
    }

    @GetMapping(path = "/audit-trail", produces = {MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The audit trail, paged: who recorded what, when, in which role, why and from which source")
    public Paging.Page<AuditTrail.Entry> page(Actor actor, @PathVariable String projectId,
                                              @RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to,
                                              @RequestParam(name = "actor", required = false) String byActor,
                                              @RequestParam(required = false) String type,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size,
                                              @RequestParam(required = false) Long minPosition,
                                              @RequestParam(required = false) String asOf) {
        Paging paging = Paging.of(page, size);
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        return audit.page(scope, filter(from, to, byActor, type), paging);
    }

    @GetMapping(path = "/audit-trail", produces = {CSV, NDJSON, Format.XLSX_TYPE})
    @Operation(summary = "The whole audit trail streamed as CSV, NDJSON or XLSX, in constant memory; 503 with "
            + "Retry-After while every export slot is in use")
    public ResponseEntity<StreamingResponseBody> stream(Actor actor, @PathVariable String projectId,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to,
                                                        @RequestParam(name = "actor", required = false) String byActor,
                                                        @RequestParam(required = false) String type,
                                                        @RequestParam(required = false) Long minPosition,
                                                        @RequestParam(required = false) String asOf,
                                                        Rendering how) {
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        AuditTrail.Filter filter = filter(from, to, byActor, type);
        String what = "the audit trail of " + projectId + " for " + actor.username();
        if (how.format() == Format.XLSX) {
            return tables.stream(how, AuditTable.of(projectId), what, (connection, writer) ->
                    audit.each(connection, scope, filter, entry -> AuditTable.write(entry, writer)));
        }
        boolean csv = how.format() == Format.CSV;
        StreamingResponseBody body = exports.open(what + " as " + how.format(),
                (connection, out) -> audit.stream(connection, scope, filter, csv, out));
        return ResponseEntity.ok().contentType(how.format().contentType()).body(body);
    }

    @GetMapping("/reports")
    @Operation(summary = "Submitted reports with their status and decisions")
    public List<ReportViews.Summary> reports(Actor actor, @PathVariable String projectId,
                                             @RequestParam(required = false) Long minPosition,
                                             @RequestParam(required = false) String asOf) {
        return reports.list(gate.open(actor, projectId, minPosition, asOf));
    }

    @GetMapping(path = "/reports/{reportId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The report exactly as submitted, byte for byte, with documentSha256: the SHA-256 of its PDF "
            + "in lang=et|en (else Accept-Language, else English)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The report as "
            + "submitted (its stored JSON text), with documentSha256", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @io.swagger.v3.oas.annotations.media.Schema(
            implementation = io.seire.query.reporting.ReportComposer.Document.class)))
    public String report(Actor actor, @PathVariable String projectId, @PathVariable String reportId,
                         @RequestParam(required = false) String lang,
                         @org.springframework.web.bind.annotation.RequestHeader(value = "Accept-Language", required = false)
                         String acceptLanguage,
                         @RequestParam(required = false) Long minPosition,
                         @RequestParam(required = false) String asOf) {
        return documents.json(gate.open(actor, projectId, minPosition, asOf), reportId,
                Wording.of(lang, acceptLanguage));
    }

    @GetMapping("/reports/{reportId}/changes")
    @Operation(summary = "Every figure that differs now from the submitted report, with the events that changed it")
    public ReportViews.Changes changes(Actor actor, @PathVariable String projectId, @PathVariable String reportId,
                                       @RequestParam(required = false) Long minPosition,
                                       @RequestParam(required = false) String asOf) {
        return reports.changes(gate.open(actor, projectId, minPosition, asOf), reportId);
    }

    private static AuditTrail.Filter filter(String from, String to, String actor, String type) {
        Instant start = from == null || from.isBlank() ? null : ReadGate.instant("from", from);
        Instant end = to == null || to.isBlank() ? null : ReadGate.instant("to", to);
        return new AuditTrail.Filter(start, end, blank(actor), blank(type));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
