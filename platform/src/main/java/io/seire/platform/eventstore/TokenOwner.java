package io.seire.platform.eventstore;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The name a node's processors claim segments under in the token store. It is the process's name ({@code pid@host},
 * Axon's default), so operators recognise it; a second, third, … Spring context in the same process (tests run
 * several over one database) is {@code pid@host#2}, {@code #3}, …: two contexts under one name would both take the
 * same segment, since a claim is only refused to another owner, and project the same events at once.
 */
public record TokenOwner(String name) {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    /** This process's name for the next context that starts in it. */
    public static TokenOwner next() {
        String process = ManagementFactory.getRuntimeMXBean().getName();
        int n = CONTEXTS.incrementAndGet();
        return new TokenOwner(n == 1 ? process : process + "#" + n);
    }
}
