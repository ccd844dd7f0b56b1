package io.seire.command.write;

import org.springframework.jdbc.core.JdbcTemplate;

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

    private final JdbcTemplate jdbc;

    public IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Claim claim(String actor, String path, String key, String requestHash) {
        int inserted = jdbc.update("INSERT INTO idempotency_record (actor, path, key, request_hash) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", actor, path, key, requestHash);
        if (inserted == 1) {
            return new Claim.Fresh();
        }
        return jdbc.query("SELECT request_hash, status, response FROM idempotency_record WHERE actor = ? AND path = ? AND key = ?",
                        (rs, i) -> requestHash.equals(rs.getString(1))
                                ? (Claim) new Claim.Replay(rs.getInt(2), rs.getString(3))
                                : new Claim.Mismatch(),
                        actor, path, key)
                .stream().findFirst()
                .orElseGet(Claim.Fresh::new);
    }

    public void answer(String actor, String path, String key, int status, String response) {
        jdbc.update("UPDATE idempotency_record SET status = ?, response = ? WHERE actor = ? AND path = ? AND key = ?",
                status, response, actor, path, key);
    }
}
