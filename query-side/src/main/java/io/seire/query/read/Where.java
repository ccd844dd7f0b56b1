package io.seire.query.read;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * The {@code WHERE} clause of a filtered list: fixed conditions with named parameters, and one more fixed condition
 * for each filter that is given (ADR 0044). A filter that is not given adds nothing, so each combination of filters
 * is its own statement and keeps its own plan; a catch-all {@code (:x IS NULL OR col = :x)} would lose the partial
 * indexes once PostgreSQL switches to a generic plan.
 */
public final class Where {

    private final StringBuilder sql;
    private final Map<String, Object> params = new LinkedHashMap<>();

    private Where(String condition) {
        this.sql = new StringBuilder(condition);
    }

    /** The conditions every statement of the list has; bind their parameters with {@link #param}. */
    public static Where of(String conditions) {
        return new Where(conditions);
    }

    public Where param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Appends {@code AND condition} and binds {@code name} only when the filter's {@code value} is given. */
    public Where andIf(Object value, String condition, String name) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    /**
     * A statement with named parameters as positional {@code ?} text and arguments in their order, for a cursor an
     * export runs on a connection of its own (with its own fetch size): the text sent is the one {@code JdbcClient}
     * sends for the same statement.
     */
    public record Positional(String sql, Object[] args) {

        public static Positional of(String namedSql, Map<String, Object> params) {
            ParsedSql parsed = NamedParameterUtils.parseSqlStatement(namedSql);
            MapSqlParameterSource source = new MapSqlParameterSource(params);
            return new Positional(NamedParameterUtils.substituteNamedParameters(parsed, source),
                    NamedParameterUtils.buildValueArray(parsed, source, null));
        }

        public void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
        }
    }
}
