package io.seire.query.audit;

import io.seire.platform.eventstore.EventChain;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.ProjectionProgress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Verifies a project's hash chain against the event table row for row, against the head every submitted report
 * pinned, and against a head the caller kept (see ADR 0018). Reads everything in one snapshot, streaming both tables
 * with database cursors.
 */
@Component
public class ChainVerifier {

    /** A head the caller kept from an earlier export: the chain at {@code position} must still be {@code head}. */
    public record KeptHead(long position, String head) {
    }

    private final DataSource dataSource;
    private final ProjectionProgress progress;

    public ChainVerifier(DataSource dataSource, ProjectionProgress progress) {
        this.dataSource = dataSource;
        this.progress = progress;
    }

    public ChainVerification verify(ProjectScope scope, KeptHead kept) {
        // read before the snapshot: an event Seire wrote at a handled position has its chain row in the snapshot
        ProjectionProgress.Handled handled = progress.handled();
        try (Connection con = dataSource.getConnection()) {
            boolean autoCommit = con.getAutoCommit();
            int isolation = con.getTransactionIsolation();
            con.setAutoCommit(false);
            // one snapshot for every statement: the event table and the chain as they stood at one moment
            con.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                List<ChainWalk.Pin> pins = reportPins(con, scope.id());
                if (kept != null) {
                    pins.add(new ChainWalk.Pin(kept.position(), kept.head(), "the kept head"));
                }
                try (PreparedStatement events = con.prepareStatement("SELECT " + EventChain.COLUMNS
                        + " FROM domainevententry WHERE aggregateidentifier = ? ORDER BY globalindex");
                     PreparedStatement links = con.prepareStatement("SELECT position, sequence, hash FROM event_chain "
                             + "WHERE project_id = ? ORDER BY position")) {
                    events.setFetchSize(1000);
                    links.setFetchSize(1000);
                    events.setString(1, scope.id());
                    links.setString(1, scope.id());
                    try (ResultSet e = events.executeQuery(); ResultSet l = links.executeQuery()) {
                        return new ChainWalk(handled::contains, pins).walk(
                                () -> e.next() ? EventChain.read(e) : null,
                                () -> l.next() ? new ChainWalk.Link(l.getLong(1), l.getLong(2), l.getString(3)) : null);
                    }
                }
            } finally {
                con.rollback();
                con.setTransactionIsolation(isolation);
                con.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ChainWalk.Pin> reportPins(Connection con, String projectId) throws SQLException {
        List<ChainWalk.Pin> pins = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement("SELECT report_id, composed_from_position, chain_head "
                + "FROM report WHERE project_id = ?")) {
            ps.setString(1, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pins.add(new ChainWalk.Pin(rs.getLong(2), rs.getString(3), "report " + rs.getString(1)));
                }
            }
        }
        return pins;
    }
}
