package io.seire.command.finance;

import jakarta.validation.Valid;
import io.seire.kernel.DecimalText;
import io.seire.platform.web.rules.RulesInCode;
import io.seire.platform.web.rules.Decimal;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Sends;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.command.write.Written;
import io.seire.kernel.access.Actor;
import io.seire.kernel.finance.CancelExpenditure;
import io.seire.kernel.finance.CorrectExpenditure;
import io.seire.kernel.finance.ExpenditureDetails;
import io.seire.kernel.finance.ImportExpenditures;
import io.seire.kernel.finance.ImportResult;
import io.seire.kernel.finance.OriginalAmount;
import io.seire.kernel.finance.RecordExpenditure;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finance staff record, correct, cancel and import expenditures. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/expenditures")
@Tag(name = "Finance")
public class FinanceController {

    public record ExpenditureRequest(String id, @NotBlank String budgetLine, @Decimal String amount,
                                     @NotNull LocalDate incurredOn, LocalDate paidOn, String supplier, String invoice,
                                     String description, Boolean allowDuplicateInvoice, String corrects,
                                     @Valid OriginalRequest original) implements RulesInCode {

        /** With an original, the amount may be left out: it follows from the original and the rate. */
        @Override
        public void check(Refusals refusals) {
            if (original == null) {
                refusals.required("amount", amount);
            }
        }
    }

    /**
     * The invoice's amount in another currency and the rate used (project currency per one unit of it); the ledger
     * checks what it means (currency, digits, rate, agreement with the amount).
     */
    public record OriginalRequest(@NotBlank @Decimal String amount, String currency, @NotBlank @Decimal String rate,
                                  @NotNull LocalDate rateDate, String rateSource) {
    }

    public record CorrectionRequest(String budgetLine, @Decimal String amount, LocalDate incurredOn, LocalDate paidOn,
                                    String supplier, String invoice, String description,
                                    Boolean allowDuplicateInvoice, @NotBlank String reason,
                                    @Valid OriginalRequest original) {
    }

    public record CancellationRequest(@NotBlank String reason) {
    }

    /** An import's answer: how many rows were recorded, how many were already there unchanged, and the position. */
    @Schema(name = "ExpendituresImported")
    public record Imported(int imported, int unchanged, long position) {
    }

    private static final String CSV_EXAMPLE = "id,budgetLine,amount,incurredOn,paidOn,supplier,invoice,description\n"
            + "E-1,1.1,1234.56,2025-03-01,2025-03-05,Supplier AS,INV-1,Laptop\n";

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public FinanceController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(RecordExpenditure.class)
    @Operation(summary = "Record an expenditure against a budget line (finance staff)")
    public ResponseEntity<Written> record(@PathVariable String projectId, @Valid @RequestBody ExpenditureRequest body,
                                         Actor actor, HttpServletRequest request) {
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        RecordExpenditure command = new RecordExpenditure(projectId, id, new ExpenditureDetails(body.budgetLine(),
                DecimalText.parse(body.amount()), body.incurredOn(), body.paidOn(), Fields.optional(body.supplier()),
                Fields.optional(body.invoice()), Fields.optional(body.description()), original(body.original())),
                Boolean.TRUE.equals(body.allowDuplicateInvoice()), Fields.optional(body.corrects()));
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201), command);
    }

    @PostMapping("/{expenditureId}/corrections")
    @Sends(CorrectExpenditure.class)
    @Operation(summary = "Correct any field of an expenditure, with a reason (finance staff)")
    public ResponseEntity<Written> correct(@PathVariable String projectId, @PathVariable String expenditureId,
                                          @Valid @RequestBody CorrectionRequest body, Actor actor,
                                          HttpServletRequest request) {
        CorrectExpenditure command = new CorrectExpenditure(projectId, expenditureId,
                Fields.optional(body.budgetLine()), DecimalText.parse(body.amount()), body.incurredOn(), body.paidOn(),
                Fields.optional(body.supplier()), Fields.optional(body.invoice()), Fields.optional(body.description()),
                Boolean.TRUE.equals(body.allowDuplicateInvoice()), body.reason(), original(body.original()));
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200), command);
    }

    private static OriginalAmount original(OriginalRequest o) {
        return o == null ? null : new OriginalAmount(DecimalText.parse(o.amount()), Fields.optional(o.currency()),
                DecimalText.parse(o.rate()), o.rateDate(), Fields.optional(o.rateSource()));
    }

    @PostMapping("/{expenditureId}/cancellation")
    @Sends(CancelExpenditure.class)
    @Operation(summary = "Cancel an expenditure, with a reason; it stays in the history (finance staff)")
    public ResponseEntity<Written> cancel(@PathVariable String projectId, @PathVariable String expenditureId,
                                         @Valid @RequestBody CancellationRequest body, Actor actor,
                                         HttpServletRequest request) {
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new CancelExpenditure(projectId, expenditureId, body.reason()));
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(ImportExpenditures.class)
    @Operation(summary = "Import an accounting export (CSV): all rows or none; the same file again records nothing",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", example = CSV_EXAMPLE)),
                    @Content(mediaType = "application/csv", schema = @Schema(type = "string"))}))
    public ResponseEntity<Imported> importCsv(@PathVariable String projectId,
                                            @RequestParam(name = "file", required = false) String fileName,
                                            Actor actor, HttpServletRequest request) throws IOException {
        MessageDigest sha256 = sha256();
        CsvExpenditures.Parsed parsed;
        try (InputStream file = new DigestInputStream(request.getInputStream(), sha256)) {
            parsed = CsvExpenditures.parse(file);
        }
        String source = "CSV import" + (fileName == null || fileName.isBlank() ? "" : " " + fileName);
        // the same file again is the same request: compared by its digest, the file itself is not kept
        byte[] canonical = (source + "\n" + HexFormat.of().formatHex(sha256.digest())).getBytes(StandardCharsets.UTF_8);
        Write write = Write.of(actor, projectId, request, canonical, 201).withSource(source);
        return writes.execute(write, new ImportExpenditures(projectId, source, parsed.rows(), parsed.unreadable()),
                ImportResult::sequenceNumber,
                (ImportResult r, Long position) -> new Imported(r.imported(), r.unchanged(), position));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
