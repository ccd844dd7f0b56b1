package io.seire.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.platform.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ADR 0025: programmes registered before reimbursement requests existed get their claim currency, ceiling and
 * funding sources in the command side's register, taken from their registration event.
 */
class ClaimTermsMigrationTest {

    @Test
    void programmes_registered_before_get_their_claim_terms_from_their_registration() {
        javax.sql.DataSource db = TestDatabase.fresh("claim_terms_" + ProcessHandle.current().pid());
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("25").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload, "
                        + "payloadtype, timestamp) VALUES (?, 0, 'Programme', 'e1', ?, ?, '2025-01-01T00:00:00Z')",
                "programme/Šveitsi-Eesti", ("{\"programmeId\":\"Šveitsi-Eesti\",\"name\":\"Koostööprogramm\","
                        + "\"currency\":\"EUR\",\"claimCurrency\":\"CHF\",\"ceiling\":2500000.00,\"fundingSources\":["
                        + "{\"code\":\"CH\",\"name\":\"Šveits\",\"share\":85,\"claimable\":true},"
                        + "{\"code\":\"EE\",\"name\":\"Eesti\",\"share\":15,\"claimable\":false}],"
                        + "\"components\":[],\"indicators\":[]}").getBytes(StandardCharsets.UTF_8),
                "io.seire.kernel.programme.ProgrammeRegistered");
        jdbc.update("INSERT INTO programme_register (programme_id, currency, components, indicators) "
                + "VALUES ('Šveitsi-Eesti', 'EUR', '{}', '{}')");

        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

        Map<String, Object> row = jdbc.queryForMap("SELECT claim_currency, ceiling, funding_sources::text AS sources "
                + "FROM programme_register WHERE programme_id = 'Šveitsi-Eesti'");
        assertThat(row.get("claim_currency")).isEqualTo("CHF");
        assertThat((BigDecimal) row.get("ceiling")).isEqualByComparingTo("2500000.00");
        assertThat(row.get("sources").toString()).contains("\"code\": \"CH\"").contains("\"share\": 85")
                .contains("\"claimable\": false");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM programme_claim", Long.class)).isZero();
    }
}
