package io.seire.command.finance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Sends;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
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

    public record ExpenditureRequest(String id, String budgetLine, String amount, LocalDate incurredOn,
                                     LocalDate paidOn, String supplier, String invoice, String description,
                                     Boolean allowDuplicateInvoice, String corrects, OriginalRequest original) {
    }

    /** The invoice's amount in another currency and the rate used (project currency per one unit of it). */
    public record OriginalRequest(String amount, String currency, String rate, LocalDate rateDate, String rateSource) {
    }

    public record CorrectionRequest(String budgetLine, String amount, LocalDate incurredOn, LocalDate paidOn,
                                    String supplier, String invoice, String description,
                                    Boolean allowDuplicateInvoice, String reason, OriginalRequest original) {
    }

    public record CancellationRequest(String reason) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public FinanceController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping
    @Sends(RecordExpenditure.class)
    @Operation(summary = "Record an expenditure against a budget line (finance staff)")
    public ResponseEntity<String> record(@PathVariable String projectId, @RequestBody ExpenditureRequest body,
                                         Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("budgetLine", body.budgetLine());
        // with an original, the amount may be left out: it follows from the original and the rate
        BigDecimal amount = body.original() == null ? f.requiredDecimal("amount", body.amount())
                : f.decimal("amount", body.amount());
        OriginalAmount original = original(f, body.original());
        f.required("incurredOn", body.incurredOn());
        f.throwIfInvalid();
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        RecordExpenditure command = new RecordExpenditure(projectId, id, new ExpenditureDetails(body.budgetLine(),
                amount, body.incurredOn(), body.paidOn(), f.optional(body.supplier()), f.optional(body.invoice()),
                f.optional(body.description()), original), Boolean.TRUE.equals(body.allowDuplicateInvoice()),
                f.optional(body.corrects()));
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201), command);
    }

    @PostMapping("/{expenditureId}/corrections")
    @Sends(CorrectExpenditure.class)
    @Operation(summary = "Correct any field of an expenditure, with a reason (finance staff)")
    public ResponseEntity<String> correct(@PathVariable String projectId, @PathVariable String expenditureId,
                                          @RequestBody CorrectionRequest body, Actor actor,
                                          HttpServletRequest request) {
        Fields f = new Fields();
        f.required("reason", body.reason());
        BigDecimal amount = f.decimal("amount", body.amount());
        OriginalAmount original = original(f, body.original());
        f.throwIfInvalid();
        CorrectExpenditure command = new CorrectExpenditure(projectId, expenditureId, f.optional(body.budgetLine()),
                amount, body.incurredOn(), body.paidOn(), f.optional(body.supplier()), f.optional(body.invoice()),
                f.optional(body.description()), Boolean.TRUE.equals(body.allowDuplicateInvoice()), body.reason(),
                original);
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200), command);
    }

    /** The original as given; the ledger checks what it means (currency, digits, rate, agreement with amount). */
    private static OriginalAmount original(Fields f, OriginalRequest o) {
        if (o == null) {
            return null;
        }
        return new OriginalAmount(f.requiredDecimal("original.amount", o.amount()), f.optional(o.currency()),
                f.requiredDecimal("original.rate", o.rate()), f.required("original.rateDate", o.rateDate()),
                f.optional(o.rateSource()));
    }

    @PostMapping("/{expenditureId}/cancellation")
    @Sends(CancelExpenditure.class)
    @Operation(summary = "Cancel an expenditure, with a reason; it stays in the history (finance staff)")
    public ResponseEntity<String> cancel(@PathVariable String projectId, @PathVariable String expenditureId,
                                         @RequestBody CancellationRequest body, Actor actor,
                                         HttpServletRequest request) {
        Fields f = new Fields();
        f.required("reason", body.reason());
        f.throwIfInvalid();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new CancelExpenditure(projectId, expenditureId, body.reason()));
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
    @Sends(ImportExpenditures.class)
    @Operation(summary = "Import an accounting export (CSV): all rows or none; the same file again records nothing",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "text/csv", schema = @Schema(type = "string"))))
    public ResponseEntity<String> importCsv(@PathVariable String projectId,
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
                ImportResult::sequenceNumber, (ImportResult r, Long position) -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("imported", r.imported());
                    answer.put("unchanged", r.unchanged());
                    answer.put("position", position);
                    return answer;
                });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
