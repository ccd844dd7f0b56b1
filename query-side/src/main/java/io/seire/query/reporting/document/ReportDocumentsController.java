package io.seire.query.reporting.document;

import io.seire.kernel.access.Actor;
import io.seire.platform.web.InvalidRequest;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.ReadGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET …/reports/{id}} as the documents people hand in: the monitoring report as PDF or XLSX, chosen by
 * {@code Accept} or {@code format=pdf|xlsx|json}, in the language of {@code lang=et|en} (else
 * {@code Accept-Language}, else English). The JSON answer itself is served beside the audit trail.
 */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/reports/{reportId}")
@Tag(name = "Reports and audit")
public class ReportDocumentsController {

    public static final String PDF = "application/pdf";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReadGate gate;
    private final ReportDocuments documents;

    public ReportDocumentsController(ReadGate gate, ReportDocuments documents) {
        this.gate = gate;
        this.documents = documents;
    }

    @GetMapping(produces = {PDF, XLSX})
    @Operation(summary = "The monitoring report as submitted, as a PDF (annexes 2 and 5, charts, signatures) or an "
            + "XLSX workbook (sheets: report, annex 2, annex 5); lang=et|en")
    public ResponseEntity<byte[]> byAccept(Actor actor, @PathVariable String projectId, @PathVariable String reportId,
                                           @RequestParam(required = false) String lang,
                                           @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                           @RequestParam(required = false) Long minPosition,
                                           @RequestParam(required = false) String asOf) {
        return render(gate.open(actor, projectId, minPosition, asOf), reportId, Wording.of(lang, acceptLanguage),
                preferred(accept));
    }

    @GetMapping(params = "format")
    @Operation(summary = "The report by format=json|pdf|xlsx (whatever Accept says); lang=et|en")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "format=json: the "
            + "report exactly as submitted, with documentSha256 (the SHA-256 of its PDF in lang); pdf, xlsx: the "
            + "document", content = {
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(
                            implementation = io.seire.query.reporting.ReportComposer.Document.class)),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = PDF),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = XLSX)})
    public ResponseEntity<?> byFormat(Actor actor, @PathVariable String projectId, @PathVariable String reportId,
                                      @RequestParam String format,
                                      @RequestParam(required = false) String lang,
                                      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                                      @RequestParam(required = false) Long minPosition,
                                      @RequestParam(required = false) String asOf) {
        String kind = format.trim().toLowerCase(Locale.ROOT);
        if (!List.of("json", "pdf", "xlsx").contains(kind)) {
            throw InvalidRequest.of("format", "must be json, pdf or xlsx");
        }
        Wording wording = Wording.of(lang, acceptLanguage);
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        if (kind.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(documents.json(scope, reportId, wording));
        }
        return render(scope, reportId, wording, kind.equals("pdf") ? PDF : XLSX);
    }

    private ResponseEntity<byte[]> render(ProjectScope scope, String reportId, Wording wording, String type) {
        boolean pdf = PDF.equals(type);
        byte[] body = pdf ? documents.pdf(scope, reportId, wording) : documents.xlsx(scope, reportId, wording);
        String name = "seirearuanne-" + scope.id() + "-" + reportId + "-" + wording.code() + (pdf ? ".pdf" : ".xlsx");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** The document type the client prefers: the first of PDF and XLSX by quality, PDF when both are equal. */
    static String preferred(String accept) {
        if (accept == null || accept.isBlank()) {
            return PDF;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        MediaType.sortBySpecificityAndQuality(types);
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.parseMediaType(PDF)) && !type.isWildcardType()) {
                return PDF;
            }
            if (type.isCompatibleWith(MediaType.parseMediaType(XLSX)) && !type.isWildcardType()) {
                return XLSX;
            }
        }
        return PDF;
    }
}
