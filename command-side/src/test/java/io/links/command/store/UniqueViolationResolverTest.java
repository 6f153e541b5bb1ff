package io.links.command.store;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class UniqueViolationResolverTest {

    private final PersistenceExceptionResolver resolver = new EventStoreConfiguration().persistenceExceptionResolver();

    @Test
    void recognisesPostgresUniqueViolationAnywhereInTheCauseChain() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");

        assertThat(resolver.isDuplicateKeyViolation(duplicate)).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("wrapped", duplicate))).isTrue();
    }

    @Test
    void leavesOtherFailuresAlone() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("boom"))).isFalse();
    }
}
