package io.seire.query.audit;

import io.seire.platform.eventstore.EventChain;
import io.seire.platform.eventstore.EventTable;
import io.seire.platform.web.InvalidRequest;
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

        private static final java.util.regex.Pattern HASH = java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");

        /** The kept head named by the {@code head} and {@code position} parameters, or null when neither is given. */
        public static KeptHead of(String head, Long position) {
            if (head == null && position == null) {
                return null;
            }
            if (head == null || head.isBlank()) {
                throw InvalidRequest.of("head", "a kept head needs its hash as well as its position");
            }
            if (position == null) {
                throw InvalidRequest.of("position", "a kept head needs its position as well as its hash");
            }
            if (!HASH.matcher(head).matches()) {
                throw InvalidRequest.of("head", "'" + io.seire.kernel.Bounds.shortened(head)
                        + "' is not a chain hash (64 hexadecimal digits)");
            }
            if (position < 1) {
                throw InvalidRequest.of("position", "a position is 1 or more, not " + position);
            }
            return new KeptHead(position, head.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final DataSource dataSource;
    private final ProjectionProgress progress;

    public ChainVerifier(DataSource dataSource, ProjectionProgress progress) {
        this.dataSource = dataSource;
        this.progress = progress;
    }

    public ChainVerification verify(ProjectScope scope, KeptHead kept) {
        return verify(scope.id(), kept);
    }

    /** Verifies the chain of one stream: a project's, or a programme's {@code programme/<id>}. */
    public ChainVerification verify(String stream, KeptHead kept) {
        // read before the snapshot: an event Seire wrote at a handled position has its chain row in the snapshot
        ProjectionProgress.Handled handled = progress.handled();
        try (Connection con = dataSource.getConnection()) {
            boolean autoCommit = con.getAutoCommit();
            int isolation = con.getTransactionIsolation();
            con.setAutoCommit(false);
            // one snapshot for every statement: the event table and the chain as they stood at one moment
            con.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                List<ChainWalk.Pin> pins = reportPins(con, stream);
                if (kept != null) {
                    pins.add(new ChainWalk.Pin(kept.position(), kept.head(), "the kept head"));
                }
                try (EventTable.Cursor events = EventTable.cursor(con, stream);
                     PreparedStatement links = con.prepareStatement("SELECT position, sequence, hash FROM event_chain "
                             + "WHERE project_id = ? ORDER BY position")) {
                    links.setFetchSize(1000);
                    links.setString(1, stream);
                    try (ResultSet l = links.executeQuery()) {
                        return new ChainWalk(handled::contains, pins).walk(events::next,
                                () -> l.next() ? new ChainWalk.Link(l.getLong("position"), l.getLong("sequence"),
                                        l.getString("hash")) : null);
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
                    pins.add(new ChainWalk.Pin(rs.getLong("composed_from_position"), rs.getString("chain_head"),
                            "report " + rs.getString("report_id")));
                }
            }
        }
        return pins;
    }
}
