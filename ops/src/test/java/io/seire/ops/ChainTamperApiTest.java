package io.seire.ops;

import io.seire.platform.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seire.platform.eventstore.EventChain;
import io.seire.query.read.ProjectionProgress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tamper evidence against someone who can write to PostgreSQL directly (ADR 0018): the chain is compared with the
 * event table row for row, with every report's pinned head and with a head kept from a signed export. Each test
 * tampers with the tables the way such a writer would and shows where verification notices.
 */
class ChainTamperApiTest extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProjectionProgress progress;

    private String project;
    private String base;
    private Api finance;
    private Api manager;
    private Api liaison;
    private long position;

    @BeforeEach
    void project() {
        project = SeedProject.CODE + "-" + unique("chain");
        base = "/api/v1/projects/" + Api.seg(project);
        position = SeedProject.setUp(admin, project);
        finance = user("FINANCE", List.of(project), List.of());
        manager = user("MANAGER", List.of(project), List.of());
        liaison = user("LIAISON", List.of(), List.of("Šveitsi-Eesti koostööprogramm"));
    }

    private Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        position = Math.max(position, r.position());
        return r;
    }

    private void expenditure(String id, String amount, String incurredOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("budgetLine", "AT1-SERVICES");
        body.put("amount", amount);
        body.put("incurredOn", incurredOn);
        body.put("supplier", "OÜ Õpe");
        body.put("invoice", "A-" + id);
        body.put("description", "Koolitus – Tartu Ülikool");
        ok(finance.post(base + "/expenditures", body));
    }

    /** Verifies without waiting for minPosition: a forged event has no audit entry, so the views never reach it. */
    private JsonNode verification() {
        return get(base + "/audit-trail/verification");
    }

    private JsonNode verification(JsonNode kept) {
        return get(base + "/audit-trail/verification?head=" + kept.path("head").asText()
                + "&position=" + kept.path("position").asLong());
    }

    private JsonNode exportHead() {
        return get(base + "/audit-trail/head?minPosition=" + position);
    }

    private JsonNode get(String path) {
        Api.Response r = liaison.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private List<Long> positionsOf(String aggregate) {
        return jdbc.queryForList("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY globalindex", Long.class, aggregate);
    }

    /**
     * Waits until every segment of the views has handled these positions: their events are linked, none deleted
     * there is still to be handled, and nothing the test puts there is ever picked up by a projection.
     */
    private void awaitHandled(List<Long> positions) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!positions.stream().allMatch(progress.handled()::contains)) {
            assertThat(System.nanoTime()).as("the views handle " + positions).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Waits until the views have handled every event of the project (a read with minPosition): only then does the
     * test change or delete its rows.
     */
    private void settled() {
        get(base + "/audit-trail?size=1&minPosition=" + position);
    }

    /** What a writer of the database does after changing history: recomputes the project's whole chain to match. */
    private void recomputeChain() {
        jdbc.update("DELETE FROM event_chain WHERE project_id = ?", project);
        List<Object[]> rows = new ArrayList<>();
        String[] head = {EventChain.GENESIS};
        EventChain.forEach(jdbc, project, Long.MAX_VALUE, e -> {
            head[0] = EventChain.link(head[0], e);
            rows.add(new Object[] {e.position(), project, e.sequence(), head[0]});
        });
        jdbc.batchUpdate("INSERT INTO event_chain (position, project_id, sequence, hash) VALUES (?,?,?,?)", rows);
    }

    /** Deletes the project's events and chain rows from {@code from} on, as a writer hiding recent history would. */
    private void truncateFrom(long from) {
        jdbc.update("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND globalindex >= ?", project, from);
        jdbc.update("DELETE FROM event_chain WHERE project_id = ? AND position >= ?", project, from);
    }

    /**
     * Frees a position after {@code after} for a forged row: registers a throw-away project there and deletes its
     * event and chain row once the views have handled it. Answers the freed position.
     */
    private long freePositionAfter(long after) {
        String other = unique("chain-other");
        Api.Response registered = admin.post("/api/v1/projects", SeedProject.registration(other));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long free = positionsOf(other).get(0);
        assertThat(free).isGreaterThan(after);
        awaitHandled(List.of(free));
        jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", free);
        jdbc.update("DELETE FROM event_chain WHERE position = ?", free);
        return free;
    }

    /** Puts a new expenditure of the project into the event table at {@code at}, copying a stored one: not written by Seire. */
    private void forgeExpenditureAt(long at, long sequence, String copiedId) {
        Map<String, Object> model = jdbc.queryForMap("SELECT d.* FROM domainevententry d JOIN audit_entry a "
                + "ON a.position = d.globalindex WHERE a.project_id = ? AND a.type = 'ExpenditureRecorded' "
                + "AND a.summary LIKE ?", project, "% " + copiedId + " %");
        String payload = new String((byte[]) model.get("payload"), StandardCharsets.UTF_8)
                .replace("\"" + copiedId + "\"", "\"FORGED-1\"").replace("\"A-" + copiedId + "\"", "\"A-FORGED-1\"");
        assertThat(payload).contains("FORGED-1");
        jdbc.update("INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, "
                        + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) VALUES (?,?,?,?,?,?,?,?,?,?)",
                at, project, sequence, model.get("type"), UUID.randomUUID().toString(), model.get("metadata"),
                payload.getBytes(StandardCharsets.UTF_8), model.get("payloadrevision"), model.get("payloadtype"),
                model.get("timestamp"));
    }

    private static void assertBroken(JsonNode v, long at, String... problem) {
        assertThat(v.path("valid").asBoolean()).as(v.toString()).isFalse();
        assertThat(v.path("firstBrokenPosition").asLong()).as(v.toString()).isEqualTo(at);
        assertThat(v.path("problem").asText()).as(v.toString()).contains(problem);
    }

    private static void assertValid(JsonNode v) {
        assertThat(v.path("valid").asBoolean()).as(v.toString()).isTrue();
    }

    @Test
    void a_truncated_tail_below_a_reports_pinned_position_is_detected() {
        expenditure("E1", "1500.00", "2024-09-15");
        ok(manager.post(base + "/reports", Map.of("id", "R-2024", "period", "2024", "kind", "INTERIM",
                "assessment", "Planeeritud vahenditega täideti püstitatud eesmärgid.")));
        expenditure("E2", "200.00", "2025-02-01");
        assertValid(verification());
        long pinned = get(base + "/reports/R-2024?minPosition=" + position).path("composedFromPosition").asLong();
        settled();

        // both tables lose everything from the pinned position on; the report row is all that is left of it
        truncateFrom(pinned);
        JsonNode v = verification();
        assertBroken(v, pinned, "report R-2024", "removed");
        assertThat(v.path("events").asLong()).isEqualTo(count("SELECT count(*) FROM domainevententry "
                + "WHERE aggregateidentifier = ?", project));
    }

    @Test
    void a_truncated_tail_is_detected_against_a_kept_head_though_plain_verification_cannot_see_it() {
        expenditure("E1", "1500.00", "2024-09-15");
        expenditure("E2", "200.00", "2024-10-01");
        JsonNode kept = exportHead();
        assertThat(kept.path("position").asLong()).isEqualTo(position);
        assertValid(verification(kept));
        expenditure("E3", "300.00", "2024-11-01");
        settled();

        List<Long> positions = positionsOf(project);
        long cut = positions.get(positions.size() - 2); // E2's row: the kept head's own position goes too
        truncateFrom(cut);
        assertValid(verification()); // what is left is a consistent, shorter history
        assertBroken(verification(kept), kept.path("position").asLong(), "the kept head", "chain ends at position",
                "removed");
    }

    @Test
    void a_consistently_recomputed_chain_passes_plain_verification_but_fails_against_an_exported_signed_head()
            throws Exception {
        expenditure("E1", "10000.00", "2024-07-31");
        expenditure("E2", "1500.00", "2024-09-15");
        JsonNode kept = exportHead();
        JsonNode plainBefore = verification();
        assertThat(kept.path("head").asText()).isEqualTo(plainBefore.path("head").asText());
        assertThat(kept.path("events").asLong()).isEqualTo(plainBefore.path("events").asLong())
                .isEqualTo(count("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", project));
        settled();

        // the amount of E1 is changed in its stored bytes, and every later link recomputed with the same algorithm
        long e1 = jdbc.queryForObject("SELECT position FROM audit_entry WHERE project_id = ? AND type = "
                + "'ExpenditureRecorded' ORDER BY position LIMIT 1", Long.class, project);
        int changed = jdbc.update("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, "
                + "'UTF8'), '10000', '90000'), 'UTF8') WHERE globalindex = ? AND position('10000' IN convert_from("
                + "payload, 'UTF8')) > 0", e1);
        assertThat(changed).isOne();
        assertBroken(verification(), e1, "differs");
        recomputeChain();

        JsonNode plain = verification();
        assertValid(plain);
        assertThat(plain.path("events").asLong()).isEqualTo(kept.path("events").asLong());
        assertThat(plain.path("head").asText()).isNotEqualTo(kept.path("head").asText());
        assertBroken(verification(kept), kept.path("position").asLong(), "the kept head", "recomputed");

        // and the kept head is Seire's: it verifies with the published key, as anyone can check offline
        assertThat(signatureVerifies(kept)).isTrue();
    }

    @Test
    void a_forged_event_after_the_last_linked_one_is_an_event_without_a_chain_row() {
        expenditure("E1", "1500.00", "2024-09-15");
        assertValid(verification());
        settled();
        long last = positionsOf(project).get(positionsOf(project).size() - 1);
        long sequence = count("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?", project);

        long forged = freePositionAfter(last);
        forgeExpenditureAt(forged, sequence + 1, "E1");
        JsonNode v = verification();
        assertBroken(v, forged, "never linked", "not recorded through Seire");
        assertThat(v.path("position").asLong()).isEqualTo(last);
    }

    @Test
    void a_forged_event_inside_history_with_a_recomputed_chain_is_caught_by_a_kept_head() {
        expenditure("E1", "1500.00", "2024-09-15");
        long before = position;
        long forged = freePositionAfter(before);
        expenditure("E2", "200.00", "2024-10-01");
        JsonNode kept = exportHead();
        settled();

        // the forged expenditure goes between E1 and E2; later events are renumbered, the chain recomputed
        long sequence = count("SELECT sequencenumber FROM domainevententry WHERE globalindex = ?", before) + 1;
        jdbc.update("UPDATE domainevententry SET sequencenumber = -sequencenumber - 1 WHERE aggregateidentifier = ? "
                + "AND globalindex > ?", project, forged);
        jdbc.update("UPDATE domainevententry SET sequencenumber = -sequencenumber WHERE aggregateidentifier = ? "
                + "AND sequencenumber < 0", project);
        forgeExpenditureAt(forged, sequence, "E1");
        assertBroken(verification(), forged, "never linked");
        recomputeChain();

        JsonNode plain = verification();
        assertValid(plain);
        assertThat(plain.path("events").asLong()).isEqualTo(kept.path("events").asLong() + 1);
        assertBroken(verification(kept), kept.path("position").asLong(), "the kept head", "recomputed");
    }

    @Test
    void the_exported_head_is_signed_with_the_published_key_over_every_field() throws Exception {
        expenditure("E1", "1500.00", "2024-09-15");
        Api.Response exported = liaison.get(base + "/audit-trail/head?minPosition=" + position);
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        JsonNode head = exported.json();
        List<String> fields = new ArrayList<>();
        head.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("project", "position", "events", "head", "signedAt", "algorithm", "keyId",
                "signature");
        assertThat(head.path("project").asText()).isEqualTo(project);
        assertThat(head.path("algorithm").asText()).isEqualTo("Ed25519");
        JsonNode key = get("/api/v1/audit-trail/signing-key");
        assertThat(key.path("keyId").asText()).isEqualTo(head.path("keyId").asText());
        assertThat(key.path("publicKeyPem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(signatureVerifies(head)).isTrue();

        for (String field : List.of("project", "position", "events", "head", "signedAt", "algorithm", "keyId")) {
            com.fasterxml.jackson.databind.node.ObjectNode changed = head.deepCopy();
            JsonNode value = head.path(field);
            if (value.isNumber()) {
                changed.put(field, value.asLong() + 1);
            } else {
                changed.put(field, value.asText().substring(1) + "0");
            }
            assertThat(signatureVerifies(changed)).as(field + " changed").isFalse();
        }
        assertValid(verification(head));
    }

    /** Checks a kept head as someone outside would: the published public key, the documented message. */
    private boolean signatureVerifies(JsonNode head) throws Exception {
        JsonNode key = get("/api/v1/audit-trail/signing-key");
        PublicKey publicKey = KeyFactory.getInstance(key.path("algorithm").asText())
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.path("publicKey").asText())));
        String message = "seire-chain-head/1\nproject=" + head.path("project").asText()
                + "\nposition=" + head.path("position").asLong() + "\nevents=" + head.path("events").asLong()
                + "\nhead=" + head.path("head").asText() + "\nsignedAt=" + head.path("signedAt").asText()
                + "\nalgorithm=" + head.path("algorithm").asText() + "\nkeyId=" + head.path("keyId").asText() + "\n";
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(publicKey);
        signature.update(message.getBytes(StandardCharsets.UTF_8));
        return signature.verify(Base64.getDecoder().decode(head.path("signature").asText()));
    }

    @Test
    void the_head_is_read_by_whoever_reads_the_audit_trail_and_only_a_verifying_chain_is_signed() {
        expenditure("E1", "1500.00", "2024-09-15");
        Api outsider = user("MANAGER", List.of(), List.of());
        assertThat(outsider.get(base + "/audit-trail/head").status()).isEqualTo(404);
        assertThat(outsider.get(base + "/audit-trail").status()).isEqualTo(404);
        assertThat(admin.anonymous().get(base + "/audit-trail/head").status()).isEqualTo(401);
        assertThat(finance.get(base + "/audit-trail/head?minPosition=" + position).status()).isEqualTo(200);

        long e1 = jdbc.queryForObject("SELECT position FROM audit_entry WHERE project_id = ? AND type = "
                + "'ExpenditureRecorded'", Long.class, project);
        settled();
        jdbc.update("UPDATE domainevententry SET timestamp = '2000-01-01T00:00:00Z' WHERE globalindex = ?", e1);
        Api.Response refused = liaison.get(base + "/audit-trail/head");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("position " + e1).contains("differs");
    }

    @Test
    void a_kept_head_must_be_a_hash_and_a_position() {
        String hash = "a".repeat(64);
        for (String query : List.of("head=xyz&position=5", "head=" + hash, "position=5", "head=" + hash + "&position=0",
                "head=" + hash + "&position=abc", "head=" + "g".repeat(64) + "&position=5")) {
            Api.Response r = liaison.get(base + "/audit-trail/verification?" + query);
            assertThat(r.status()).as(query + " → " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().path("errors").get(0).path("field").asText()).as(r.body()).isIn("head", "position");
        }
        JsonNode unknown = get(base + "/audit-trail/verification?minPosition=" + position + "&head=" + hash
                + "&position=" + position);
        assertBroken(unknown, position, "the kept head");
    }
}
