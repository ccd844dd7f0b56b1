package io.seire.command.write;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remembers the first successful answer to a write sent with an {@code Idempotency-Key}. Claims and answers are
 * written inside the write's own transaction: a concurrent request with the same key waits on the row until the
 * first commits (then replays its answer) or rolls back (then goes ahead itself).
 */
public class IdempotencyRecords {

    /** What a key means for the request at hand. */
    public sealed interface Claim {
        /** Nobody used this key yet: go ahead. */
        record Fresh() implements Claim {
        }

        /** The same request was answered before: answer it again. */
        record Replay(int status, String response) implements Claim {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Claim {
        }
    }

    private final JdbcClient jdbc;

    public IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Claim claim(String actor, String path, String key, String requestHash) {
        int inserted = jdbc.sql("INSERT INTO idempotency_record (actor, path, key, request_hash) "
                        + "VALUES (:actor, :path, :key, :requestHash) ON CONFLICT DO NOTHING")
                .param("actor", actor).param("path", path).param("key", key).param("requestHash", requestHash)
                .update();
        if (inserted == 1) {
            return new Claim.Fresh();
        }
        return jdbc.sql("SELECT request_hash, status, response FROM idempotency_record "
                        + "WHERE actor = :actor AND path = :path AND key = :key")
                .param("actor", actor).param("path", path).param("key", key)
                .query((rs, i) -> requestHash.equals(rs.getString("request_hash"))
                        ? (Claim) new Claim.Replay(rs.getInt("status"), rs.getString("response"))
                        : new Claim.Mismatch())
                .optional()
                .orElseGet(Claim.Fresh::new);
    }

    public void answer(String actor, String path, String key, int status, String response) {
        jdbc.sql("UPDATE idempotency_record SET status = :status, response = :response "
                        + "WHERE actor = :actor AND path = :path AND key = :key")
                .param("status", status).param("response", response)
                .param("actor", actor).param("path", path).param("key", key)
                .update();
    }
}
