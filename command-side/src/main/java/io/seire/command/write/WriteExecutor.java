package io.seire.command.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.kernel.Recorded;
import io.seire.kernel.RuleViolation;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Runs one write as one database transaction: the idempotency claim, the command with the events it appends, and
 * the remembered answer commit together or not at all. The answer carries the global position of the event that
 * records the write, so the client can read its own write with {@code minPosition}.
 *
 * <p>Writers on one node take turns at the project's lock. Two writers racing on one project across nodes meet at
 * the event table's unique (aggregate, sequence) key: the transaction is rolled back, the cached copy dropped, and
 * the write retried on fresh state. A cached copy behind the event store is never decided on: a write that appends
 * its project's next event is let through by that key only if no one else wrote it, and a write that ends otherwise
 * (refused, or appending nothing to a project it read) has the cached copy's version checked against the store, and
 * is retried on fresh state if it was behind ({@link ProjectCache#checkAtTheEnd}).
 */
public class WriteExecutor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WriteExecutor.class);

    public static final String ACCESS = "access";
    /**
     * Enough for a writer on a node whose copy of the project is cold to win against another node's warm one, which
     * can append again while the first reloads (at most about 5 s of back-off in all).
     */
    static final int ATTEMPTS = 50;

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final IdempotencyRecords idempotency;
    private final Positions positions;
    private final ObjectMapper json;
    /** The cache of projects, whose versions this executor has checked when a write ends; null: checked on load. */
    private final ProjectCache projects;

    public WriteExecutor(CommandGateway commands, TransactionManager transactions, IdempotencyRecords idempotency,
                         Positions positions, ObjectMapper json) {
        this(commands, transactions, idempotency, positions, json, null);
    }

    public WriteExecutor(CommandGateway commands, TransactionManager transactions, IdempotencyRecords idempotency,
                         Positions positions, ObjectMapper json, ProjectCache projects) {
        this.commands = commands;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.positions = positions;
        this.json = json;
        this.projects = projects;
    }

    /** A write whose command answers {@link Recorded}: the answer is {@code {"id", "position"}}. */
    public ResponseEntity<Written> record(Write write, Object command) {
        return execute(write, command, Recorded::sequenceNumber, (Recorded r, Long position) ->
                new Written(r.id(), position));
    }

    /**
     * Runs the write; {@code answerOf} makes its answer (a record, so the API document shows its schema) from what
     * the command answered and the position of its last event.
     *
     * <p>The body of the returned entity is the answer's JSON text as it is remembered for the idempotency key, not
     * the record: Spring MVC writes text as it is, whatever the declared type, so the first answer and every replay
     * of it are the same bytes, even a replay of an answer remembered before a field was added to the record.
     */
    public <R, A> ResponseEntity<A> execute(Write write, Object command, ToLongFunction<R> sequenceOf,
                                            BiFunction<R, Long, A> answerOf) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(write, command, sequenceOf, answerOf);
            } catch (ConcurrencyException | AggregateStreamCreationException | ConflictingAggregateVersionException raced) {
                if (attempt >= ATTEMPTS) {
                    throw RuleViolation.conflict("concurrent-write", null,
                            "Others are changing this project at the same moment; nothing was recorded. Please try again.");
                }
                backOff(attempt);
            }
        }
    }

    private <R, A> ResponseEntity<A> attempt(Write write, Object command, ToLongFunction<R> sequenceOf,
                                             BiFunction<R, Long, A> answerOf) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        AtomicReference<RuntimeException> commitFailure = new AtomicReference<>();
        attachTransaction(unit, commitFailure);
        AtomicReference<ResponseEntity<A>> answer = new AtomicReference<>();
        java.util.Map<String, Long> unchecked = projects == null ? java.util.Map.of() : projects.checkAtTheEnd(unit);
        try {
            String key = write.idempotencyKey();
            String actor = write.actor().username();
            if (key != null) {
                IdempotencyRecords.Claim claim = idempotency.claim(actor, write.path(), key, write.requestHash());
                if (claim instanceof IdempotencyRecords.Claim.Replay replay) {
                    unit.commit();
                    return json(replay.status(), replay.response());
                }
                if (claim instanceof IdempotencyRecords.Claim.Mismatch) {
                    throw RuleViolation.unprocessable("idempotency-key-reused", null, "The Idempotency-Key '" + key
                            + "' was already used for a different request to this address. Use a new key for a new request.");
                }
            }
            R result = send(write, command);
            // Runs after the events are appended (prepare-commit handlers run in order of registration) and
            // before the transaction commits.
            unit.onPrepareCommit(u -> {
                // a copy another node has written past, which nothing appended met at the key, is decided again
                requireCurrentCopies(unchecked);
                long position = positions.of(write.aggregateId(), sequenceOf.applyAsLong(result));
                String body = toJson(answerOf.apply(result, position));
                if (key != null) {
                    idempotency.answer(actor, write.path(), key, write.successStatus(), body);
                }
                answer.set(json(write.successStatus(), body));
            });
            unit.commit();
            return answer.get();
        } catch (RuntimeException | Error e) {
            if (unit.isActive()) {
                unit.rollback(e);
            }
            if (commitFailure.get() != null && outcomeUnknown(commitFailure.get())) {
                log.warn("A write to {} may or may not have been recorded: the database connection failed during "
                        + "COMMIT ({})", write.path(), commitFailure.get().toString());
                throw new OutcomeUnknown(write.idempotencyKey() != null);
            }
            RuntimeException failure = unwrap(e);
            if (failure instanceof RuleViolation) {
                requireCurrentCopies(unchecked); // a refusal by a copy another node has written past is decided again
            }
            throw failure;
        }
    }

    /**
     * Throws a {@link ConcurrencyException}, which has the write decided again on the project as stored, when a cached
     * project it was given unchecked ({@link ProjectCache#checkAtTheEnd}) was behind the store.
     */
    private void requireCurrentCopies(java.util.Map<String, Long> unchecked) {
        if (!unchecked.isEmpty() && !projects.stale(unchecked).isEmpty()) {
            throw new ConcurrencyException("A project was written on another node since it was cached here");
        }
    }

    /**
     * As {@link UnitOfWork#attachTransaction}, but remembering a failure of COMMIT itself: unlike a failure before it,
     * that one may leave the write recorded.
     */
    private void attachTransaction(UnitOfWork<?> unit, AtomicReference<RuntimeException> commitFailure) {
        Transaction transaction = transactions.startTransaction();
        unit.onCommit(u -> {
            try {
                transaction.commit();
            } catch (RuntimeException e) {
                commitFailure.set(e);
                throw e;
            }
        });
        unit.onRollback(u -> transaction.rollback());
    }

    /**
     * Whether a failed COMMIT leaves the outcome unknown: yes, unless PostgreSQL said it rolled the transaction back
     * (SQLState class 23, a constraint checked at commit, or 40, a transaction rollback). A lost connection (class 08,
     * as PostgreSQL's driver reports an I/O error) or any other failure tells nothing.
     */
    static boolean outcomeUnknown(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return !(state.startsWith("23") || state.startsWith("40"));
            }
        }
        return true;
    }

    /** Waits a little, more after each lost race, with jitter so that racing nodes do not meet again. */
    private static void backOff(int attempt) {
        long bound = Math.min(2L << attempt, 100L);
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private <R> R send(Write write, Object command) {
        MetaData metaData = MetaData.with(ACCESS, write.actor())
                .and("actor", write.actor().username())
                .and("roles", write.actor().rolesText())
                .and("correlationId", write.correlationId())
                .and("source", write.source());
        if (write.idempotencyKey() != null) {
            metaData = metaData.and("idempotencyKey", write.idempotencyKey());
        }
        return (R) commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private RuntimeException unwrap(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RuleViolation rule) {
                return rule;
            }
            if (c instanceof ConcurrencyException || c instanceof AggregateStreamCreationException
                    || c instanceof ConflictingAggregateVersionException) {
                return (RuntimeException) c;
            }
            if (c instanceof AggregateNotFoundException notFound) {
                return RuleViolation.notFound("not-found", "'" + notFound.getAggregateIdentifier() + "' does not exist.");
            }
        }
        if (e instanceof CommandExecutionException && e.getCause() instanceof RuntimeException cause) {
            return cause;
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <A> ResponseEntity<A> json(int status, String body) {
        return (ResponseEntity<A>) ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
