package io.seire.query.reimbursement;

import static io.seire.query.audit.AuditDescriptions.date;
import static io.seire.query.audit.AuditDescriptions.REIMBURSEMENT;
import io.seire.query.audit.AuditDescriptions;
import io.seire.query.audit.AuditDescriptions.Description;
import java.util.List;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.kernel.CurrencyCode;
import io.seire.kernel.reimbursement.ReimbursementPaymentRecorded;
import io.seire.kernel.reimbursement.ReimbursementRequestApproved;
import io.seire.kernel.reimbursement.ReimbursementRequestReturned;
import io.seire.kernel.reimbursement.ReimbursementRequested;
import io.seire.platform.eventstore.StoredJson;
import io.seire.query.read.EventPosition;
import io.seire.query.read.ProjectionWriter;
import io.seire.query.read.Projections;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps each reimbursement request as submitted, with the figures its event carries (computed once on the command
 * side, where they were checked against the ceiling), and one row per later step (approved, returned, paid), so a
 * view as of an earlier instant sees the request as it stood then. Keyed by the request and by position: handling
 * an event twice changes nothing.
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class ReimbursementProjection {

    static final ObjectMapper JSON = StoredJson.mapper();

    private static final String STEP = "INSERT INTO reimbursement_step (position, project_id, request_id, status, "
            + "comment, excluded, figures, claimed_in_claim_currency, paid_on, paid_amount, recorded_at, actor) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING";

    private final ProjectionWriter writer;

    public ReimbursementProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(ReimbursementRequested e, @EventPosition long position, @Timestamp Instant at,
                   @MetaDataValue("actor") String actor) throws JsonProcessingException {
        writer.update("INSERT INTO reimbursement_request (project_id, request_id, position, programme_id, from_date, "
                        + "to_date, rate, rate_date, rate_source, claim_currency, claim_minor_digits, figures, "
                        + "claimed_in_claim_currency, recorded_at, actor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                        + "ON CONFLICT DO NOTHING",
                e.projectId(), e.requestId(), position, e.programme(), e.from(), e.to(), e.exchangeRate().rate(),
                e.exchangeRate().date(), e.exchangeRate().source(), e.claimCurrency(),
                new CurrencyCode(e.claimCurrency()).minorDigits(), JSON.writeValueAsString(e.figures()),
                e.figures().claimedInClaimCurrency(), Projections.at(at), actor);
    }

    @EventHandler
    public void on(ReimbursementRequestApproved e, @EventPosition long position, @Timestamp Instant at,
                   @MetaDataValue("actor") String actor) throws JsonProcessingException {
        writer.update(STEP, position, e.projectId(), e.requestId(), "APPROVED", e.comment(),
                JSON.writeValueAsString(e.excluded()), JSON.writeValueAsString(e.approved()),
                e.approved().claimedInClaimCurrency(), null, null, Projections.at(at), actor);
    }

    @EventHandler
    public void on(ReimbursementRequestReturned e, @EventPosition long position, @Timestamp Instant at,
                   @MetaDataValue("actor") String actor) {
        writer.update(STEP, position, e.projectId(), e.requestId(), "RETURNED", e.comment(), null, null, null, null,
                null, Projections.at(at), actor);
    }

    @EventHandler
    public void on(ReimbursementPaymentRecorded e, @EventPosition long position, @Timestamp Instant at,
                   @MetaDataValue("actor") String actor) {
        writer.update(STEP, position, e.projectId(), e.requestId(), "PAID", null, null, null, null, e.paidOn(),
                e.amount(), Projections.at(at), actor);
    }

    // ---------------------------------------------------------------- what its events say in the audit trail

    /** The audit lines of the reimbursement request events, read once by {@link AuditDescriptions}. */
    public static void describe(AuditDescriptions.Catalogue catalogue) {
        catalogue.on(ReimbursementRequested.class, (e, before, valuePeriodEnd) -> {
                var f = e.figures();
                return new Description(e.to().toString(), "Reimbursement request " + e.requestId() + " submitted for "
                        + "payments from " + e.from() + " to " + e.to() + ": " + f.expenditures().size()
                        + (f.expenditures().size() == 1 ? " expenditure, " : " expenditures, ") + "eligible "
                        + f.eligibleTotal().toPlainString() + ", claimed " + f.claimed().toPlainString() + " ("
                        + f.claimedInClaimCurrency().toPlainString() + " " + e.claimCurrency() + " at the rate "
                        + e.exchangeRate().rate().toPlainString() + " of " + e.exchangeRate().date() + ", "
                        + e.exchangeRate().source() + ")", null, List.of(REIMBURSEMENT));
        });
        catalogue.on(ReimbursementRequestApproved.class, (e, before, valuePeriodEnd) -> {
                String excluded = e.excluded().isEmpty() ? "" : "; left out: " + e.excluded().stream()
                        .map(x -> x.expenditure() + " (" + x.reason() + ")")
                        .collect(java.util.stream.Collectors.joining(", "));
                return new Description(null, "Reimbursement request " + e.requestId() + " approved: claimed "
                        + e.approved().claimed().toPlainString() + " (" + e.approved().claimedInClaimCurrency()
                        .toPlainString() + " " + e.claimCurrency() + ")" + excluded, e.comment(), List.of(REIMBURSEMENT));
        });
        catalogue.on(ReimbursementRequestReturned.class, (e, before, valuePeriodEnd) ->
                new Description(null, "Reimbursement request " + e.requestId() + " returned; its "
                        + "expenditures can be claimed again", e.comment(), List.of(REIMBURSEMENT)));
        catalogue.on(ReimbursementPaymentRecorded.class, (e, before, valuePeriodEnd) ->
                new Description(e.paidOn().toString(), "Reimbursement request " + e.requestId() + " paid: "
                        + e.amount().toPlainString() + " " + e.claimCurrency() + " on " + e.paidOn(), null,
                        List.of(REIMBURSEMENT)));
    }
}
