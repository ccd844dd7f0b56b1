package io.seire.command.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class OutcomeUnknownTest {

    @Test
    void a_commit_that_lost_its_connection_leaves_the_outcome_unknown() {
        assertThat(WriteExecutor.outcomeUnknown(new DataAccessResourceFailureException("JDBC commit",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(WriteExecutor.outcomeUnknown(new IllegalStateException("no SQLState at all"))).isTrue();
    }

    @Test
    void a_commit_the_server_refused_was_rolled_back() {
        assertThat(WriteExecutor.outcomeUnknown(new RuntimeException(new SQLException("deferred unique", "23505"))))
                .isFalse();
        assertThat(WriteExecutor.outcomeUnknown(new RuntimeException(new SQLException("serialization", "40001"))))
                .isFalse();
    }
}
