package io.seire.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DuplicateKeyResolverTest {

    private final DuplicateKeyResolver resolver = new DuplicateKeyResolver();

    @Test
    void postgresql_unique_violation_23505_is_a_duplicate_key_wherever_it_is_wrapped() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(resolver.isDuplicateKeyViolation(unique)).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(new IllegalStateException(unique)))).isTrue();
    }

    @Test
    void other_failures_are_not() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("deadlock", "40P01"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("boom"))).isFalse();
    }
}
