package io.seire.command.reimbursement;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Sends;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
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
    public record ExchangeRateRequest(String rate, LocalDate date, String source) {
    }

    public record SubmitRequest(String id, LocalDate from, LocalDate to, ExchangeRateRequest exchangeRate) {
    }

    public record ExclusionRequest(String expenditure, String reason) {
    }

    public record ApprovalRequest(List<ExclusionRequest> excluded, String comment) {
    }

    public record ReturnRequest(String comment) {
    }

    /** The amount is in the programme's claim currency. */
    public record PaymentRequest(LocalDate paidOn, String amount) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public ReimbursementController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping
    @Sends(SubmitReimbursementRequest.class)
    @Operation(summary = "Submit a reimbursement request for what was paid in a window, converted at the given rate "
            + "(claim currency per project currency) and checked against the programme's ceiling (finance staff)")
    public ResponseEntity<String> submit(@PathVariable String projectId, @RequestBody SubmitRequest body, Actor actor,
                                         HttpServletRequest request) {
        Fields f = new Fields();
        f.required("from", body.from());
        f.required("to", body.to());
        f.required("exchangeRate", body.exchangeRate());
        ExchangeRate rate = null;
        if (body.exchangeRate() != null) {
            ExchangeRateRequest r = body.exchangeRate();
            BigDecimal value = f.requiredDecimal("exchangeRate.rate", r.rate());
            f.required("exchangeRate.date", r.date());
            f.required("exchangeRate.source", r.source());
            rate = new ExchangeRate(value, r.date(), r.source());
        }
        f.throwIfInvalid();
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201),
                new SubmitReimbursementRequest(projectId, id, body.from(), body.to(), rate));
    }

    /** A decision needs a JSON body ({@code {}} at least), as a report's does (no CSRF through a browser). */
    @PostMapping(path = "/{requestId}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(ApproveReimbursementRequest.class)
    @Operation(summary = "Approve a submitted request, optionally excluding some of its expenditures with a reason; "
            + "the approved figures are recomputed without them (liaisons of the programme)")
    public ResponseEntity<String> approve(@PathVariable String projectId, @PathVariable String requestId,
                                          @RequestBody ApprovalRequest body, Actor actor,
                                          HttpServletRequest request) {
        Fields f = new Fields();
        List<Exclusion> excluded = new ArrayList<>();
        List<ExclusionRequest> given = body.excluded() == null ? List.of() : body.excluded();
        for (int i = 0; i < given.size(); i++) {
            ExclusionRequest x = given.get(i);
            String field = "excluded[" + i + "]";
            if (x == null) {
                f.add(field, "must not be null");
                continue;
            }
            f.required(field + ".expenditure", x.expenditure());
            f.required(field + ".reason", x.reason());
            excluded.add(new Exclusion(x.expenditure(), x.reason()));
        }
        f.throwIfInvalid();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new ApproveReimbursementRequest(projectId, requestId, excluded, f.optional(body.comment())));
    }

    @PostMapping(path = "/{requestId}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(ReturnReimbursementRequest.class)
    @Operation(summary = "Return a submitted request with a comment; its expenditures can be claimed again "
            + "(liaisons of the programme)")
    public ResponseEntity<String> returnRequest(@PathVariable String projectId, @PathVariable String requestId,
                                                @RequestBody ReturnRequest body, Actor actor,
                                                HttpServletRequest request) {
        Fields f = new Fields();
        f.required("comment", body.comment());
        f.throwIfInvalid();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new ReturnReimbursementRequest(projectId, requestId, body.comment()));
    }

    @PostMapping(path = "/{requestId}/payment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Sends(RecordReimbursementPayment.class)
    @Operation(summary = "Record the funder's payment of an approved request, in the claim currency (liaisons of "
            + "the programme, administrators)")
    public ResponseEntity<String> pay(@PathVariable String projectId, @PathVariable String requestId,
                                      @RequestBody PaymentRequest body, Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("paidOn", body.paidOn());
        BigDecimal amount = f.requiredDecimal("amount", body.amount());
        f.throwIfInvalid();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new RecordReimbursementPayment(projectId, requestId, body.paidOn(), amount));
    }
}
