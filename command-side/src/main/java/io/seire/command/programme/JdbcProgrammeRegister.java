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
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;

    public JdbcProgrammeRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgrammeRegistered e) throws JsonProcessingException {
        String sources = JSON.writeValueAsString(e.fundingSources());
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO programme_register (programme_id, currency, components, "
                    + "indicators, claim_currency, ceiling, funding_sources) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) "
                    + "ON CONFLICT (programme_id) DO NOTHING");
            ps.setString(1, e.programmeId());
            ps.setString(2, e.currency());
            ps.setArray(3, con.createArrayOf("text", e.components().stream().map(c -> c.code()).toArray()));
            ps.setArray(4, con.createArrayOf("text", e.indicators().stream().map(i -> i.code()).toArray()));
            ps.setString(5, e.claimCurrency());
            ps.setBigDecimal(6, e.ceiling());
            ps.setString(7, sources);
            return ps;
        });
    }

    @EventHandler
    void on(ReimbursementRequested e) {
        jdbc.update("INSERT INTO programme_claim (project_id, request_id, programme_id, status, counted) "
                        + "VALUES (?, ?, ?, 'SUBMITTED', ?) ON CONFLICT (project_id, request_id) DO NOTHING",
                e.projectId(), e.requestId(), e.programme(), e.figures().claimedInClaimCurrency());
    }

    @EventHandler
    void on(ReimbursementRequestApproved e) {
        jdbc.update("UPDATE programme_claim SET status = 'APPROVED', counted = ? WHERE project_id = ? AND request_id = ?",
                e.approved().claimedInClaimCurrency(), e.projectId(), e.requestId());
    }

    @EventHandler
    void on(ReimbursementRequestReturned e) {
        jdbc.update("UPDATE programme_claim SET status = 'RETURNED', counted = 0 WHERE project_id = ? AND request_id = ?",
                e.projectId(), e.requestId());
    }

    /** A payment changes nothing against the ceiling: the approved amount already counts. */
    @EventHandler
    void on(ReimbursementPaymentRecorded e) {
        jdbc.update("UPDATE programme_claim SET status = 'PAID' WHERE project_id = ? AND request_id = ?",
                e.projectId(), e.requestId());
    }

    @EventHandler
    void on(ProjectRegistered e) {
        jdbc.update("INSERT INTO programme_member (project_id, programme, currency) VALUES (?, ?, ?) "
                + "ON CONFLICT (project_id) DO NOTHING", e.projectId(), e.programme(), e.currency());
    }

    @Override
    public void lock(String programmeId) {
        jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> null, LOCK_CLASS, programmeId);
    }

    @Override
    public Optional<ProgrammeTerms> find(String programmeId) {
        return jdbc.query("SELECT currency, components, indicators FROM programme_register WHERE programme_id = ?",
                (rs, i) -> ProgrammeTerms.of(programmeId, rs.getString(1), texts(rs.getArray(2)),
                        texts(rs.getArray(3))), programmeId).stream().findFirst();
    }

    @Override
    public List<String> projectsInOtherCurrencies(String programmeId, String currency) {
        return jdbc.queryForList("SELECT project_id FROM programme_member WHERE programme = ? AND currency <> ? "
                + "ORDER BY project_id", String.class, programmeId, currency);
    }

    @Override
    public Optional<ClaimTerms> claimTerms(String programmeId) {
        return jdbc.query("SELECT claim_currency, ceiling, funding_sources::text FROM programme_register "
                        + "WHERE programme_id = ?",
                (rs, i) -> new ClaimTerms(programmeId, new CurrencyCode(rs.getString(1)), rs.getBigDecimal(2),
                        sources(rs.getString(3))), programmeId).stream().findFirst();
    }

    @Override
    public BigDecimal claimsAgainstCeiling(String programmeId) {
        return jdbc.queryForObject("SELECT coalesce(sum(counted), 0) FROM programme_claim WHERE programme_id = ?",
                BigDecimal.class, programmeId);
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
