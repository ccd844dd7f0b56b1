package io.seire.command.programme;

import io.seire.kernel.programme.ProgrammeRegistered;
import io.seire.kernel.setup.ProjectRegistered;
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
 * users), so every command node sees a registration the moment it commits.
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

    private final JdbcTemplate jdbc;

    public JdbcProgrammeRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgrammeRegistered e) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO programme_register (programme_id, currency, components, "
                    + "indicators) VALUES (?, ?, ?, ?) ON CONFLICT (programme_id) DO NOTHING");
            ps.setString(1, e.programmeId());
            ps.setString(2, e.currency());
            ps.setArray(3, con.createArrayOf("text", e.components().stream().map(c -> c.code()).toArray()));
            ps.setArray(4, con.createArrayOf("text", e.indicators().stream().map(i -> i.code()).toArray()));
            return ps;
        });
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

    private static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
