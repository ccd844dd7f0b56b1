package io.seire.command.reporting;

import io.seire.platform.eventstore.EventChain;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Computes the chain head from the stored rows, in the transaction of the write that asks. */
@Component
public class JdbcChainHeads implements ChainHeads {

    private final JdbcTemplate jdbc;

    public JdbcChainHeads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String headAt(String projectId, long sequence) {
        return EventChain.head(jdbc, projectId, sequence);
    }
}
