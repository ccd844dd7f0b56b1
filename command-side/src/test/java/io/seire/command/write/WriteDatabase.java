package io.seire.command.write;

import io.seire.platform.testing.TestDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The shared test PostgreSQL with the real schema, for the write path's tests. */
final class WriteDatabase {

    private static DataSource dataSource;

    private WriteDatabase() {
    }

    static synchronized DataSource dataSource() {
        if (dataSource == null) {
            SimpleDriverDataSource ds = new SimpleDriverDataSource(new org.postgresql.Driver(), TestDatabase.url(),
                    "postgres", "");
            Flyway.configure().dataSource(ds).load().migrate();
            dataSource = ds;
        }
        return dataSource;
    }
}
