package io.seire.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL that {@code ops/run} keeps its data in. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void commits_are_durable_and_kept_across_a_restart() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0, Map.of())) {
            assertThat(show(db, "fsync")).isEqualTo("on");
            assertThat(show(db, "synchronous_commit")).isEqualTo("on");
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (note text)");
                s.execute("INSERT INTO kept VALUES ('Õnnelik žürii, Щёлково 🌲')");
            }
        }
        assertThat(Files.isDirectory(data)).isTrue();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0, Map.of());
             Connection c = connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Õnnelik žürii, Щёлково 🌲");
        }
    }

    @Test
    void a_caller_may_trade_durability_for_speed() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0,
                Map.of("fsync", "off", "synchronous_commit", "off"))) {
            assertThat(show(db, "fsync")).isEqualTo("off");
            assertThat(show(db, "synchronous_commit")).isEqualTo("off");
        }
    }

    private static String show(EmbeddedDatabase db, String setting) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect(EmbeddedDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
    }
}
