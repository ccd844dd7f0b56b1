package io.seire.query.programme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.kernel.CurrencyCode;
import io.seire.kernel.programme.ProgrammeRegistered;
import io.seire.platform.eventstore.StoredJson;
import io.seire.query.read.EventPosition;
import io.seire.query.read.ProjectionWriter;
import io.seire.query.read.Projections;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Keeps the programme table. Keyed by the programme, so handling an event twice changes nothing. */
@Component
@ProcessingGroup(Projections.GROUP)
public class ProgrammeProjection {

    private static final ObjectMapper JSON = StoredJson.mapper();

    private final ProjectionWriter writer;

    public ProgrammeProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(ProgrammeRegistered e, @EventPosition long position, @Timestamp Instant at)
            throws JsonProcessingException {
        writer.update("INSERT INTO programme (programme_id, name, currency, minor_digits, claim_currency, "
                        + "claim_minor_digits, ceiling, funding_sources, components, indicators, position, recorded_at) "
                        + "VALUES (?,?,?,?,?,?,?,?::jsonb,?::jsonb,?::jsonb,?,?) ON CONFLICT DO NOTHING",
                e.programmeId(), e.name(), e.currency(), new CurrencyCode(e.currency()).minorDigits(),
                e.claimCurrency(), new CurrencyCode(e.claimCurrency()).minorDigits(), e.ceiling(),
                json(e.fundingSources().stream().map(s -> entry("code", s.code(), "name", s.name(),
                        "share", s.share().toPlainString(), "claimable", s.claimable())).toList()),
                json(e.components().stream().map(c -> entry("code", c.code(), "name", c.name())).toList()),
                json(e.indicators().stream().map(i -> entry("code", i.code(), "name", i.name(), "unit", i.unit()))
                        .toList()),
                position, Projections.at(at));
    }

    private static Map<String, Object> entry(Object... pairs) {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entry.put((String) pairs[i], pairs[i + 1]);
        }
        return entry;
    }

    private static String json(List<Map<String, Object>> rows) throws JsonProcessingException {
        return JSON.writeValueAsString(rows);
    }
}
