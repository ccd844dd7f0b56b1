package io.seire.query.programme;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.platform.eventstore.StoredJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A programme's registration as the views need it. */
public record ProgrammeRow(String id, String name, String currency, int minorDigits, String claimCurrency,
                           int claimMinorDigits, BigDecimal ceiling, List<Source> fundingSources,
                           List<Component> components, List<Indicator> indicators, long position) {

    public record Source(String code, String name, BigDecimal share, boolean claimable) {
    }

    public record Component(String code, String name) {
    }

    public record Indicator(String code, String name, String unit) {
    }

    private static final ObjectMapper JSON = StoredJson.mapper();
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    /** The programme's registration, or null when there is no such programme. */
    public static ProgrammeRow find(JdbcClient jdbc, String programmeId) {
        return jdbc.sql("SELECT programme_id, name, currency, minor_digits, claim_currency, "
                        + "claim_minor_digits, ceiling, funding_sources::text AS funding_sources, components::text AS components, "
                        + "indicators::text AS indicators, position "
                        + "FROM programme WHERE programme_id = :programmeId")
                .param("programmeId", programmeId)
                .query((rs, i) -> new ProgrammeRow(rs.getString("programme_id"), rs.getString("name"),
                        rs.getString("currency"), rs.getInt("minor_digits"), rs.getString("claim_currency"),
                        rs.getInt("claim_minor_digits"), rs.getBigDecimal("ceiling"),
                        rows(rs.getString("funding_sources")).stream().map(m -> new Source(text(m, "code"), text(m, "name"),
                                new BigDecimal(text(m, "share")), Boolean.TRUE.equals(m.get("claimable")))).toList(),
                        rows(rs.getString("components")).stream().map(m -> new Component(text(m, "code"), text(m, "name"))).toList(),
                        rows(rs.getString("indicators")).stream().map(m -> new Indicator(text(m, "code"), text(m, "name"),
                                text(m, "unit"))).toList(),
                        rs.getLong("position")))
                .optional().orElse(null);
    }

    private static List<Map<String, Object>> rows(String json) {
        try {
            return JSON.readValue(json, ROWS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null ? null : value.toString();
    }
}
