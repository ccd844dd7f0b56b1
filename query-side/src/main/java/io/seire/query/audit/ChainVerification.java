package io.seire.query.audit;

/**
 * What verifying a project's hash chain found. {@code events} were checked, up to and including {@code position},
 * where the chain's head is {@code head}; {@code pending} events are stored but not yet linked by the projections
 * (they are checked once linked). When {@code valid} is false, {@code firstBrokenPosition} is the first position
 * where stored history, chain, a report's pinned head or a kept head part, and {@code problem} says how.
 */
public record ChainVerification(boolean valid, long events, long position, String head, long pending,
                                Long firstBrokenPosition, String problem) {

    static ChainVerification valid(long events, long position, String head, long pending) {
        return new ChainVerification(true, events, position, head, pending, null, null);
    }

    static ChainVerification broken(long events, long position, String head, long brokenAt, String problem) {
        return new ChainVerification(false, events, position, head, 0, brokenAt, problem);
    }
}
