package io.seire.query.programme;

import io.seire.kernel.access.Actor;
import io.seire.query.read.Decimals;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A programme a reader may see, as recorded at an instant ({@code at}; null for now). {@code readsAll}: the reader
 * is an administrator or a liaison of the programme, and reads every project of it and its roll-ups; otherwise the
 * reader belongs to some of its projects and sees those only.
 */
public record ProgrammeScope(ProgrammeRow programme, Instant at, Actor actor, boolean readsAll) {

    public String id() {
        return programme.id();
    }

    /** An amount in the programme's (and its projects') currency. */
    public String money(BigDecimal amount) {
        return Decimals.money(amount, programme.minorDigits());
    }
}
