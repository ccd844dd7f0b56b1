package io.seire.query.export;

import io.seire.query.read.ProjectScope;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * How far the figures of a document reach: the position of the last event they include, and when it was recorded.
 * A document names it in its header, and takes the instant as its date, so the same figures give the same bytes.
 */
public record AsOf(long position, Instant recordedAt) {

    /** Nothing recorded yet (not reachable for a project, which has its registration): position 0 at the epoch. */
    public static final AsOf NOTHING = new AsOf(0, Instant.EPOCH);

    /** The last event of the project within the scope's horizon. */
    public static AsOf of(JdbcClient jdbc, ProjectScope scope) {
        List<AsOf> last = jdbc.sql("SELECT position, recorded_at FROM audit_entry WHERE project_id = :projectId "
                        + "AND position <= :maxPosition ORDER BY position DESC LIMIT 1")
                .param("projectId", scope.id()).param("maxPosition", scope.maxPosition())
                .query((rs, i) -> new AsOf(rs.getLong("position"), rs.getTimestamp("recorded_at").toInstant())).list();
        return last.isEmpty() ? NOTHING : last.get(0);
    }

    /** The last event of any of the streams (a programme's own and its projects') recorded at {@code at} (null: now). */
    public static AsOf of(JdbcClient jdbc, List<String> streams, Instant at) {
        List<AsOf> last = jdbc.sql("SELECT position, recorded_at FROM audit_entry WHERE project_id = ANY(:streams) "
                        + "AND recorded_at <= :at ORDER BY position DESC LIMIT 1")
                .param("streams", new SqlArrayValue("text", streams.toArray()))
                .param("at", Timestamp.from(at == null ? Instant.parse("9999-12-31T00:00:00Z") : at))
                .query((rs, i) -> new AsOf(rs.getLong("position"), rs.getTimestamp("recorded_at").toInstant())).list();
        return last.isEmpty() ? NOTHING : last.get(0);
    }

    /** E.g. "position 1234 (2025-07-01 12:00:00 UTC)" or "positsioon 1234 (01.07.2025 12:00:00 UTC)". */
    public String describe(Language language) {
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern(
                language == Language.ET ? "dd.MM.uuuu HH:mm:ss" : "uuuu-MM-dd HH:mm:ss", Locale.ROOT)
                .withZone(java.time.ZoneOffset.UTC);
        return new Words("sündmus nr ", "event position ").in(language) + position + " ("
                + time.format(recordedAt) + " UTC)";
    }
}
