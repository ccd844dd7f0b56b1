package io.seire.command.programme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.kernel.CurrencyCode;
import io.seire.kernel.programme.FundingSource;
import io.seire.kernel.programme.ProgrammeRegistered;
import io.seire.kernel.reimbursement.ReimbursementPaymentRecorded;
import io.seire.kernel.reimbursement.ReimbursementRequestApproved;
import io.seire.kernel.reimbursement.ReimbursementRequestReturned;
import io.seire.kernel.reimbursement.ReimbursementRequested;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.platform.eventstore.StoredJson;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import java.sql.Types;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * The command side's register of programmes and of the programme each project names, kept in step with
 * ProgrammeRegistered and ProjectRegistered in the transaction that records them (a subscribing processor, as for
 * users), so every command node sees a registration the moment it commits. It also keeps what each reimbursement
 * request counts against its programme's ceiling, written with the request's events (ADR 0025).
 */
@Component
@ProcessingGroup(JdbcProgrammeRegister.GROUP)
public class JdbcProgrammeRegister implements ProgrammeRegister {

    public static final String GROUP = "programme-register";
    /**
     * The class of the programme locks: PostgreSQL's two-key advisory locks, whose key space is apart from the single
     * key of the append lock (ADR 0019).
     */
    static final int LOCK_CLASS = 0x5e12e;

    private static final ObjectMapper JSON = StoredJson.mapper();
    private static final TypeReference<List<FundingSource>> SOURCES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public JdbcProgrammeRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgrammeRegistered e) throws JsonProcessingException {
        jdbc.sql("INSERT INTO programme_register (programme_id, currency, components, indicators, claim_currency, "
                        + "ceiling, funding_sources) VALUES (:programmeId, :currency, :components, :indicators, "
                        + ":claimCurrency, :ceiling, CAST(:sources AS jsonb)) ON CONFLICT (programme_id) DO NOTHING")
                .param("programmeId", e.programmeId())
                .param("currency", e.currency())
                .param("components", new SqlArrayValue("text", e.components().stream().map(c -> c.code()).toArray()))
                .param("indicators", new SqlArrayValue("text", e.indicators().stream().map(i -> i.code()).toArray()))
                .param("claimCurrency", e.claimCurrency(), Types.VARCHAR)
                .param("ceiling", e.ceiling(), Types.NUMERIC)
                .param("sources", JSON.writeValueAsString(e.fundingSources()))
                .update();
    }

    @EventHandler
    void on(ReimbursementRequested e) {
        jdbc.sql("INSERT INTO programme_claim (project_id, request_id, programme_id, status, counted) "
                        + "VALUES (:projectId, :requestId, :programmeId, 'SUBMITTED', :counted) "
                        + "ON CONFLICT (project_id, request_id) DO NOTHING")
                .param("projectId", e.projectId()).param("requestId", e.requestId()).param("programmeId", e.programme())
                .param("counted", e.figures().claimedInClaimCurrency())
                .update();
    }

    @EventHandler
    void on(ReimbursementRequestApproved e) {
        jdbc.sql("UPDATE programme_claim SET status = 'APPROVED', counted = :counted "
                        + "WHERE project_id = :projectId AND request_id = :requestId")
                .param("counted", e.approved().claimedInClaimCurrency())
                .param("projectId", e.projectId()).param("requestId", e.requestId())
                .update();
    }

    @EventHandler
    void on(ReimbursementRequestReturned e) {
        jdbc.sql("UPDATE programme_claim SET status = 'RETURNED', counted = 0 "
                        + "WHERE project_id = :projectId AND request_id = :requestId")
                .param("projectId", e.projectId()).param("requestId", e.requestId())
                .update();
    }

    /** A payment changes nothing against the ceiling: the approved amount already counts. */
    @EventHandler
    void on(ReimbursementPaymentRecorded e) {
        jdbc.sql("UPDATE programme_claim SET status = 'PAID' WHERE project_id = :projectId AND request_id = :requestId")
                .param("projectId", e.projectId()).param("requestId", e.requestId())
                .update();
    }

    @EventHandler
    void on(ProjectRegistered e) {
        jdbc.sql("INSERT INTO programme_member (project_id, programme, currency) VALUES (:projectId, :programme, :currency) "
                        + "ON CONFLICT (project_id) DO NOTHING")
                .param("projectId", e.projectId()).param("programme", e.programme()).param("currency", e.currency())
                .update();
    }

    @Override
    public void lock(String programmeId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lockClass, hashtext(:programmeId))")
                .param("lockClass", LOCK_CLASS).param("programmeId", programmeId)
                .query((RowCallbackHandler) rs -> {
                });
    }

    @Override
    public Optional<ProgrammeTerms> find(String programmeId) {
        return jdbc.sql("SELECT currency, components, indicators FROM programme_register WHERE programme_id = :programmeId")
                .param("programmeId", programmeId)
                .query((rs, i) -> ProgrammeTerms.of(programmeId, rs.getString("currency"),
                        texts(rs.getArray("components")), texts(rs.getArray("indicators"))))
                .optional();
    }

    @Override
    public List<String> projectsInOtherCurrencies(String programmeId, String currency) {
        return jdbc.sql("SELECT project_id FROM programme_member WHERE programme = :programmeId AND currency <> :currency "
                        + "ORDER BY project_id")
                .param("programmeId", programmeId).param("currency", currency)
                .query(String.class).list();
    }

    @Override
    public Optional<ClaimTerms> claimTerms(String programmeId) {
        return jdbc.sql("SELECT claim_currency, ceiling, funding_sources::text AS funding_sources FROM programme_register "
                        + "WHERE programme_id = :programmeId")
                .param("programmeId", programmeId)
                .query((rs, i) -> new ClaimTerms(programmeId, new CurrencyCode(rs.getString("claim_currency")),
                        rs.getBigDecimal("ceiling"), sources(rs.getString("funding_sources"))))
                .optional();
    }

    @Override
    public BigDecimal claimsAgainstCeiling(String programmeId) {
        return jdbc.sql("SELECT coalesce(sum(counted), 0) FROM programme_claim WHERE programme_id = :programmeId")
                .param("programmeId", programmeId)
                .query(BigDecimal.class).single();
    }

    private static List<FundingSource> sources(String json) {
        try {
            return JSON.readValue(json, SOURCES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
