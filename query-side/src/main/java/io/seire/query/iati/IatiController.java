package io.seire.query.iati;

import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.query.export.Exports;
import io.seire.query.programme.ProgrammeGate;
import io.seire.query.programme.ProgrammeScope;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.ReadGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * IATI 2.03 documents: a project's activity for whoever reads the project, a programme's activities for its
 * administrators and liaisons (as its roll-ups). Both are streamed as exports (ADR 0016, 0032).
 */
@RestController
@Tag(name = "Documents")
public class IatiController {

    static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

    private final ReadGate gate;
    private final ProgrammeGate programmeGate;
    private final IatiDocument document;
    private final Exports exports;

    public IatiController(ReadGate gate, ProgrammeGate programmeGate, IatiDocument document, Exports exports) {
        this.gate = gate;
        this.programmeGate = programmeGate;
        this.document = document;
        this.exports = exports;
    }

    @GetMapping("/api/v1/projects/{projectId}/iati-activity")
    @Operation(summary = "The project as an IATI 2.03 iati-activities document (application/xml) with one activity: "
            + "participating organisations, status and dates, expenditure transactions, results with their "
            + "indicators and periods; streamed, 503 with Retry-After while every export slot is in use")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "An IATI 2.03 "
            + "iati-activities document", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/xml"))
    public ResponseEntity<StreamingResponseBody> activity(Actor actor, @PathVariable String projectId,
                                                          @RequestParam(required = false) Long minPosition,
                                                          @RequestParam(required = false) String asOf) {
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        LocalDate on = documentDate(asOf);
        StreamingResponseBody body = exports.open("the IATI activity of " + projectId + " for " + actor.username(),
                (connection, out) -> document.write(connection, List.of(scope), on, out));
        return xml("iati-activity-" + projectId + ".xml", body);
    }

    @GetMapping("/api/v1/programmes/{programmeId}/iati-activities")
    @Operation(summary = "Every project of the programme as one IATI 2.03 iati-activities document "
            + "(application/xml), streamed (administrators and the programme's liaisons); 422 when the programme has "
            + "no project, since IATI needs at least one activity")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "An IATI 2.03 "
            + "iati-activities document", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/xml"))
    public ResponseEntity<StreamingResponseBody> activities(Actor actor, @PathVariable String programmeId,
                                                            @RequestParam(required = false) Long minPosition,
                                                            @RequestParam(required = false) String asOf) {
        ProgrammeScope scope = programmeGate.openRollUp(actor, programmeId, minPosition, asOf);
        List<ProjectScope> projects = programmeGate.projects(scope);
        if (projects.isEmpty()) {
            throw RuleViolation.unprocessable("iati-activities-need-a-project", null, "Programme '" + programmeId
                    + "' has no project" + (scope.at() == null ? "" : " registered by " + scope.at())
                    + "; an IATI document holds at least one activity.");
        }
        LocalDate on = documentDate(asOf);
        StreamingResponseBody body = exports.open("the IATI activities of programme " + programmeId + " for "
                + actor.username(), (connection, out) -> document.write(connection, projects, on, out));
        return xml("iati-activities-" + programmeId + ".xml", body);
    }

    /** The date the activities' status is told for: the {@code asOf} date, else today (UTC). */
    private static LocalDate documentDate(String asOf) {
        return asOf == null || asOf.isBlank() ? LocalDate.now(ZoneOffset.UTC)
                : ReadGate.instant("asOf", asOf).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static ResponseEntity<StreamingResponseBody> xml(String fileName, StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(XML).header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
                .body(body);
    }

    /**
     * {@code attachment} with the file name twice: as ASCII (anything else as {@code _}) for clients that know only
     * {@code filename}, such as {@code curl -J}, and exactly, percent-encoded in UTF-8 (RFC 6266, RFC 5987).
     */
    static String attachment(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c < 0x20 || c > 0x7E || c == '"' || c == '\\' || c == '/'
                ? '_' : (char) c));
        String exact = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }
}
