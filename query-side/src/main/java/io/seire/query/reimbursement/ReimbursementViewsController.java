package io.seire.query.reimbursement;

import io.seire.kernel.access.Actor;
import io.seire.query.export.Format;
import io.seire.query.export.Rendering;
import io.seire.query.programme.ProgrammeGate;
import io.seire.query.read.Paging;
import io.seire.query.read.ReadGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reimbursement requests")
public class ReimbursementViewsController {

    private final ReadGate gate;
    private final ProgrammeGate programmes;
    private final ReimbursementViews views;
    private final ProgrammeReimbursement rollUp;
    private final ReimbursementDocuments documents;

    public ReimbursementViewsController(ReadGate gate, ProgrammeGate programmes, ReimbursementViews views,
                                        ProgrammeReimbursement rollUp, ReimbursementDocuments documents) {
        this.documents = documents;
        this.gate = gate;
        this.programmes = programmes;
        this.views = views;
        this.rollUp = rollUp;
    }

    @GetMapping("/api/v1/projects/{projectId}/reimbursement-requests")
    @Operation(summary = "The project's reimbursement requests by window, each with its status and claimed, approved "
            + "and paid amounts (readers of the project)")
    public Paging.Page<ReimbursementViews.RequestSummary> list(Actor actor, @PathVariable String projectId,
                                                               @RequestParam(required = false) Integer page,
                                                               @RequestParam(required = false) Integer size,
                                                               @RequestParam(required = false) Long minPosition,
                                                               @RequestParam(required = false) String asOf) {
        Paging paging = Paging.of(page, size);
        return views.list(gate.open(actor, projectId, minPosition, asOf), paging);
    }

    @GetMapping(path = "/api/v1/projects/{projectId}/reimbursement-requests/{requestId}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A reimbursement request: its expenditures, eligible amounts per line, funding sources, the "
            + "claim in project and claim currency, the approved figures, the payment and its history (readers of "
            + "the project)")
    public ReimbursementViews.RequestView detail(Actor actor, @PathVariable String projectId,
                                                 @PathVariable String requestId,
                                                 @RequestParam(required = false) Long minPosition,
                                                 @RequestParam(required = false) String asOf) {
        return views.detail(gate.open(actor, projectId, minPosition, asOf), requestId);
    }

    @GetMapping(path = "/api/v1/projects/{projectId}/reimbursement-requests/{requestId}",
            produces = {Format.CSV_TYPE, Format.XLSX_TYPE, Format.PDF_TYPE})
    @Operation(summary = "A reimbursement request as CSV, XLSX or PDF: every included expenditure as claimed, the "
            + "eligible amount per line, the funding sources, the claim in the claim currency with the rate and its "
            + "source, and once approved the exclusions with their reasons and the approved figures (readers of the "
            + "project); lang=et|en")
    public ResponseEntity<byte[]> document(Actor actor, @PathVariable String projectId, @PathVariable String requestId,
                                           @RequestParam(required = false) Long minPosition,
                                           @RequestParam(required = false) String asOf, Rendering how) {
        return documents.answer(how, gate.open(actor, projectId, minPosition, asOf), requestId);
    }

    @GetMapping("/api/v1/programmes/{programmeId}/reimbursement")
    @Operation(summary = "The programme's claims against its ceiling in its claim currency: claimed, approved, paid "
            + "and what remains, per project and in total (administrators and the programme's liaisons)")
    public ProgrammeReimbursement.View programme(Actor actor, @PathVariable String programmeId,
                                                 @RequestParam(required = false) Long minPosition,
                                                 @RequestParam(required = false) String asOf) {
        return rollUp.view(programmes.openRollUp(actor, programmeId, minPosition, asOf));
    }
}
