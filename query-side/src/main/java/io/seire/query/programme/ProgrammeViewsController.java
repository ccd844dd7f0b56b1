package io.seire.query.programme;

import io.seire.kernel.access.Actor;
import io.seire.kernel.programme.ProgrammeEvent;
import io.seire.platform.web.InvalidRequest;
import io.seire.query.audit.AuditTrail;
import io.seire.query.audit.ChainVerification;
import io.seire.query.audit.ChainVerifier;
import io.seire.query.export.AsOf;
import io.seire.query.export.Format;
import io.seire.query.export.Rendering;
import io.seire.query.export.Tables;
import io.seire.query.read.Horizon;
import io.seire.query.read.Paging;
import io.seire.query.read.ReadGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = "Programmes")
public class ProgrammeViewsController {

    private final ReadGate readGate;
    private final ProgrammeGate gate;
    private final ProgrammeViews views;
    private final ProgrammeRollUps rollUps;
    private final AuditTrail audit;
    private final ChainVerifier verifier;
    private final Tables tables;
    private final JdbcClient jdbc;

    public ProgrammeViewsController(ReadGate readGate, ProgrammeGate gate, ProgrammeViews views, ProgrammeRollUps rollUps,
                                    AuditTrail audit, ChainVerifier verifier, Tables tables, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.readGate = readGate;
        this.gate = gate;
        this.views = views;
        this.rollUps = rollUps;
        this.audit = audit;
        this.verifier = verifier;
        this.tables = tables;
    }

    @GetMapping
    @Operation(summary = "Programmes you may see, ordered by id: all for administrators, those you are liaison of, "
            + "and those your projects belong to")
    public Paging.Page<ProgrammeViews.ProgrammeSummary> list(Actor actor,
                                                             @RequestParam(required = false) Integer page,
                                                             @RequestParam(required = false) Integer size,
                                                             @RequestParam(required = false) Long minPosition) {
        Paging paging = Paging.of(page, size);
        readGate.awaitPosition(minPosition);
        return views.list(actor, paging);
    }

    @GetMapping("/{programmeId}")
    @Operation(summary = "A programme as registered, with its projects (administrators, its liaisons, and members of "
            + "its projects, who see their own projects only)")
    public ProgrammeViews.ProgrammeDetail detail(Actor actor, @PathVariable String programmeId,
                                                 @RequestParam(required = false) Long minPosition,
                                                 @RequestParam(required = false) String asOf) {
        return views.detail(gate.open(actor, programmeId, minPosition, asOf));
    }

    @GetMapping(path = "/{programmeId}/budget-execution", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Budget execution of every project of the programme up to a date, per component and in "
            + "total, and the spending split by funding source (administrators and the programme's liaisons)")
    public ProgrammeRollUps.BudgetExecutionView budgetExecution(
            Actor actor, @PathVariable String programmeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) String asOf) {
        ProgrammeScope scope = gate.openRollUp(actor, programmeId, minPosition, asOf);
        return rollUps.budgetExecution(scope, required(to));
    }

    @GetMapping(path = "/{programmeId}/budget-execution", produces = {Format.CSV_TYPE, Format.XLSX_TYPE, Format.PDF_TYPE})
    @Operation(summary = "The programme's budget execution as CSV, XLSX or PDF: each component's projects and "
            + "subtotal, the total and its split by funding source; the PDF charts each project's budget beside its "
            + "spending (administrators and the programme's liaisons)")
    public ResponseEntity<byte[]> budgetExecutionTable(
            Actor actor, @PathVariable String programmeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) String asOf,
            Rendering how) {
        ProgrammeScope scope = gate.openRollUp(actor, programmeId, minPosition, asOf);
        ProgrammeRollUps.BudgetExecutionView view = rollUps.budgetExecution(scope, required(to));
        return tables.answer(how, ProgrammeTables.budgetExecution(view), ProgrammeTables.budgetExecutionRows(view),
                language -> ProgrammeTables.budgetExecutionLetterhead(view, scope, asOf(scope), asOf, language));
    }

    @GetMapping(path = "/{programmeId}/results", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Each programme indicator's cumulative value at a date: the sum of the project indicators "
            + "mapped to it (administrators and the programme's liaisons)")
    public List<ProgrammeRollUps.IndicatorResult> results(
            Actor actor, @PathVariable String programmeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) String asOf) {
        ProgrammeScope scope = gate.openRollUp(actor, programmeId, minPosition, asOf);
        return rollUps.results(scope, required(to));
    }

    @GetMapping(path = "/{programmeId}/results", produces = {Format.CSV_TYPE, Format.XLSX_TYPE, Format.PDF_TYPE})
    @Operation(summary = "The programme's results as CSV, XLSX or PDF: each indicator's project values and their sum "
            + "(administrators and the programme's liaisons)")
    public ResponseEntity<byte[]> resultsTable(
            Actor actor, @PathVariable String programmeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) String asOf,
            Rendering how) {
        ProgrammeScope scope = gate.openRollUp(actor, programmeId, minPosition, asOf);
        List<ProgrammeRollUps.IndicatorResult> view = rollUps.results(scope, required(to));
        return tables.answer(how, ProgrammeTables.results(programmeId, to), ProgrammeTables.resultsRows(view),
                language -> ProgrammeTables.resultsLetterhead(scope, to, asOf(scope), asOf, language));
    }

    @GetMapping("/{programmeId}/audit-trail")
    @Operation(summary = "The programme's own audit trail (its registration and later changes to it), paged "
            + "(administrators and the programme's liaisons)")
    public Paging.Page<AuditTrail.Entry> auditTrail(Actor actor, @PathVariable String programmeId,
                                                    @RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer size,
                                                    @RequestParam(required = false) Long minPosition) {
        Paging paging = Paging.of(page, size);
        ProgrammeScope scope = gate.openRollUp(actor, programmeId, minPosition, null);
        return audit.page(ProgrammeEvent.stream(scope.id()), Horizon.NOW.maxPosition(),
                new AuditTrail.Filter(null, null, null, null), paging);
    }

    @GetMapping("/{programmeId}/audit-trail/verification")
    @Operation(summary = "Recomputes the programme's hash chain over its stored events and compares it row for row "
            + "with the event table and, given head and position, with a kept head (administrators and the "
            + "programme's liaisons)")
    public ChainVerification verify(Actor actor, @PathVariable String programmeId,
                                    @RequestParam(required = false) Long minPosition,
                                    @RequestParam(required = false) String head,
                                    @RequestParam(required = false) Long position) {
        ChainVerifier.KeptHead kept = ChainVerifier.KeptHead.of(head, position);
        ProgrammeScope scope = gate.openRollUp(actor, programmeId, minPosition, null);
        return verifier.verify(ProgrammeEvent.stream(scope.id()), kept);
    }

    /** How far a programme document's figures reach: the last event of the programme or of its projects then. */
    private AsOf asOf(ProgrammeScope scope) {
        List<String> streams = new java.util.ArrayList<>();
        streams.add(ProgrammeEvent.stream(scope.id()));
        io.seire.query.read.ProjectRow.ofProgramme(jdbc, scope.id()).forEach(p -> streams.add(p.id()));
        return AsOf.of(jdbc, streams, scope.at());
    }

    private static LocalDate required(LocalDate to) {
        if (to == null) {
            throw InvalidRequest.of("to", "is required: the date the figures are cumulated to, e.g. to=2025-06-30");
        }
        return to;
    }
}
