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

    @Test
    void a_server_left_running_by_a_killed_process_is_stopped_and_the_next_start_keeps_the_data() throws Exception {
        Path data = dir.resolve("postgres");
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Owner.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(owner.getInputStream()));
        String line;
        String url = null;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                url = line.substring(6);
                break;
            }
        }
        assertThat(url).as("the owner process started its database").isNotNull();
        long orphanPid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());

        owner.destroyForcibly().waitFor(); // kill -9: no shutdown hook runs
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0, Map.of());
             Connection c = connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("enne krahhi õ");
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void a_second_process_on_the_same_data_is_refused_with_a_clear_message() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0, Map.of())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedDatabase.start(data, 0, Map.of()))
                    .hasMessageContaining("Another Seire process is using the database in");
            assertThat(show(db, "fsync")).isEqualTo("on");
        }
    }

    /** Starts a database, records a row, says READY and waits to be killed. */
    public static class Owner {
        public static void main(String[] args) throws Exception {
            EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), 0, Map.of());
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (note text)");
                s.execute("INSERT INTO kept VALUES ('enne krahhi õ')");
            }
            System.out.println("READY " + db.jdbcUrl());
            System.out.flush();
            Thread.sleep(600_000);
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
