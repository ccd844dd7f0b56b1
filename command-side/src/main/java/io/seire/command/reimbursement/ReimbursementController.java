package io.seire.command.reimbursement;

import jakarta.validation.Valid;
import io.seire.kernel.DecimalText;
import io.seire.platform.web.rules.Decimal;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Sends;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.command.write.Written;
import io.seire.kernel.access.Actor;
import io.seire.kernel.reimbursement.ApproveReimbursementRequest;
import io.seire.kernel.reimbursement.ExchangeRate;
import io.seire.kernel.reimbursement.Exclusion;
import io.seire.kernel.reimbursement.RecordReimbursementPayment;
import io.seire.kernel.reimbursement.ReturnReimbursementRequest;
import io.seire.kernel.reimbursement.SubmitReimbursementRequest;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Finance staff submit reimbursement requests; liaisons of the programme approve (possibly excluding expenditures)
 * or return them, and record the funder's payment (as may administrators).
 */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/reimbursement-requests")
@Tag(name = "Reimbursement requests")
public class ReimbursementController {

    /** Claim currency per one unit of the project currency, up to 6 decimals, with its date and source. */
    public record ExchangeRateRequest(@NotBlank @Decimal String rate, @NotNull LocalDate date, @NotBlank String source) {
    }

    public record SubmitRequest(String id, @NotNull LocalDate from, @NotNull LocalDate to,
                                @NotNull @Valid ExchangeRateRequest exchangeRate) {
    }

    public record ExclusionRequest(@NotBlank String expenditure, @NotBlank String reason) {
    }

    public record ApprovalRequest(List<@NotNull(message = "must not be null") @Valid ExclusionRequest> excluded,
                                  String comment) {
    }

    public record ReturnRequest(@NotBlank String comment) {
    }

    /** The amount is in the programme's claim currency. */
    public record PaymentRequest(@NotNull LocalDate paidOn, @NotBlank @Decimal String amount) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public ReimbursementController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(SubmitReimbursementRequest.class)
    @Operation(summary = "Submit a reimbursement request for what was paid in a window, converted at the given rate "
            + "(claim currency per project currency) and checked against the programme's ceiling (finance staff)")
    public ResponseEntity<Written> submit(@PathVariable String projectId, @Valid @RequestBody SubmitRequest body, Actor actor,
                                         HttpServletRequest request) {
        ExchangeRateRequest r = body.exchangeRate();
        ExchangeRate rate = new ExchangeRate(DecimalText.parse(r.rate()), r.date(), r.source());
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201),
                new SubmitReimbursementRequest(projectId, id, body.from(), body.to(), rate));
    }

    /** A decision needs a JSON body ({@code {}} at least), as a report's does (no CSRF through a browser). */
    @PostMapping(path = "/{requestId}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(ApproveReimbursementRequest.class)
    @Operation(summary = "Approve a submitted request, optionally excluding some of its expenditures with a reason; "
            + "the approved figures are recomputed without them (liaisons of the programme)")
    public ResponseEntity<Written> approve(@PathVariable String projectId, @PathVariable String requestId,
                                          @Valid @RequestBody ApprovalRequest body, Actor actor,
                                          HttpServletRequest request) {
        List<Exclusion> excluded = new ArrayList<>();
        for (ExclusionRequest x : body.excluded() == null ? List.<ExclusionRequest>of() : body.excluded()) {
            excluded.add(new Exclusion(x.expenditure(), x.reason()));
        }
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new ApproveReimbursementRequest(projectId, requestId, excluded, Fields.optional(body.comment())));
    }

    @PostMapping(path = "/{requestId}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(ReturnReimbursementRequest.class)
    @Operation(summary = "Return a submitted request with a comment; its expenditures can be claimed again "
            + "(liaisons of the programme)")
    public ResponseEntity<Written> returnRequest(@PathVariable String projectId, @PathVariable String requestId,
                                                @Valid @RequestBody ReturnRequest body, Actor actor,
                                                HttpServletRequest request) {
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new ReturnReimbursementRequest(projectId, requestId, body.comment()));
    }

    @PostMapping(path = "/{requestId}/payment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(RecordReimbursementPayment.class)
    @Operation(summary = "Record the funder's payment of an approved request, in the claim currency (liaisons of "
            + "the programme, administrators)")
    public ResponseEntity<Written> pay(@PathVariable String projectId, @PathVariable String requestId,
                                      @Valid @RequestBody PaymentRequest body, Actor actor, HttpServletRequest request) {
        BigDecimal amount = DecimalText.parse(body.amount());
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new RecordReimbursementPayment(projectId, requestId, body.paidOn(), amount));
    }
}
