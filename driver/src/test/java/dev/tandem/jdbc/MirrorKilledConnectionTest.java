package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Tandem connection in {@code dual-write} whose session the database ends from the outside while its
 * transaction holds mirrored writes: nothing of either table's writes survives, the tables stay in
 * step, and the connection says so with an {@link SQLException} on its next use instead of hanging.
 */
class MirrorKilledConnectionTest {

    @TempDir
    Path dir;

    /** Killed before commit: both tables exactly as before, and the next mirrored write fails. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void killedBeforeCommit_leavesBothTablesAsBefore_andTheNextWriteFails(TestDatabase db) throws Exception {
        killedBeforeCommit(db, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE mk_items SET qty = 0 WHERE id = 8");
            }
        });
    }

    /** Killed before commit: both tables exactly as before, and the commit fails rather than report success. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void killedBeforeCommit_leavesBothTablesAsBefore_andTheCommitFails(TestDatabase db) throws Exception {
        killedBeforeCommit(db, Connection::commit);
    }

    /**
     * Killed under autocommit between its statement and the mirror (the mirror waits for a target row
     * another transaction holds): neither table keeps the statement's change, and the waiting call
     * fails with an SQLException.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void killedWhileItsMirrorWaitsForALock_leavesBothTablesAsBefore_andTheWriteFails(TestDatabase db) throws Exception {
        MirrorFixture fixture = new MirrorFixture(db, dir, "mk").create();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection raw = fixture.raw(); Connection holder = fixture.raw()) {
            seed(raw, fixture);
            String before = fixture.contents(raw);
            Connection tandem = fixture.tandem();
            try {
                try (Statement statement = tandem.createStatement()) {
                    // H2 wakes a lock waiter whose session was aborted only when its lock timeout ends
                    statement.execute(db == TestDatabase.H2 ? "SET LOCK_TIMEOUT 2000" : fixture.lockTimeout());
                }
                long session = session(db, tandem);
                holder.setAutoCommit(false);
                assertThat(MirrorFixture.rows(holder, "SELECT id FROM mk_items_v2 WHERE id = 3 FOR UPDATE")).hasSize(1);

                Future<Integer> write = pool.submit(() -> {
                    try (Statement statement = tandem.createStatement()) {
                        return statement.executeUpdate("UPDATE mk_items SET qty = 0, name = 'killed' WHERE id = 3");
                    }
                });
                awaitLockWait(db, raw, session, write);
                kill(db, raw, session);

                assertThatThrownBy(() -> write.get(30, TimeUnit.SECONDS)).as("the write whose session was killed")
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SQLException.class);
            } finally {
                holder.rollback();
                try {
                    tandem.close();
                } catch (SQLException e) {
                    // closing a connection the database has ended may fail: it is gone either way
                }
            }
            assertThat(fixture.contents(raw)).as("both tables after the kill").isEqualTo(before);
            assertThat(fixture.drift(raw)).as("drift after the kill").isNull();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Source rows 1-8 and their mapped target rows, written raw. */
    private static void seed(Connection raw, MirrorFixture fixture) throws SQLException {
        try (Statement statement = raw.createStatement()) {
            statement.executeUpdate("INSERT INTO mk_items (id, name, qty, status, legacy_flag, touched) VALUES"
                    + " (1, 'a', 1, 1, 0, TIMESTAMP '2025-01-01 10:00:00.5'), (2, 'b', 2, 2, 1, NULL),"
                    + " (3, 'c', 3, NULL, 0, TIMESTAMP '2025-01-02 10:00:00'), (4, NULL, 4, 4, NULL, NULL),"
                    + " (5, 'e', 5, 5, 1, NULL), (6, 'f', 6, 6, 0, NULL), (7, 'g', 7, 7, 0, NULL), (8, 'h', 8, 8, 0, NULL)");
            statement.executeUpdate("INSERT INTO mk_items_v2 (id, title, qty, status_code, touched)"
                    + " SELECT id, name, qty, CAST(status AS VARCHAR(8)), touched FROM mk_items");
        }
        assertThat(fixture.drift(raw)).as("drift of the seeded tables").isNull();
    }

    /**
     * Returns once {@code session} waits for a lock, as the database reports it; fails if {@code write}
     * ends first or nothing is seen within 30 s. Polls: the database says when, not a sleep.
     */
    private static void awaitLockWait(TestDatabase db, Connection raw, long session, Future<?> write) throws Exception {
        // MariaDB: information_schema.INNODB_TRX is a cache refreshed only after 0.1 s without a read, so a
        // poll would keep reading a stale copy; the InnoDB status reads the lock system itself
        String sql = switch (db) {
            case H2 -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = ? AND BLOCKER_ID IS NOT NULL";
            case POSTGRES -> "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock'";
            case MARIADB -> "SHOW ENGINE INNODB STATUS";
        };
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (PreparedStatement waiting = raw.prepareStatement(sql)) {
            if (db != TestDatabase.MARIADB) {
                waiting.setLong(1, session);
            }
            while (true) {
                try (ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    if (db == TestDatabase.MARIADB ? innodbLockWait(rows.getString("Status"), session) : rows.getInt(1) > 0) {
                        return;
                    }
                }
                if (write.isDone()) {
                    throw new AssertionError("the write ended without waiting for the held row: " + outcome(write));
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the write did not wait for the held row within 30 s");
                }
                Thread.onSpinWait();
            }
        }
    }

    /** Whether the InnoDB status lists a transaction of MariaDB thread {@code session} in LOCK WAIT. */
    private static boolean innodbLockWait(String status, long session) {
        for (String transaction : status.split("---TRANSACTION ")) {
            if (transaction.contains("\nLOCK WAIT ") && transaction.contains("MariaDB thread id " + session + ",")) {
                return true;
            }
        }
        return false;
    }

    private static String outcome(Future<?> write) {
        try {
            return "answered " + write.get();
        } catch (InterruptedException | ExecutionException e) {
            return e.getCause() != null ? e.getCause().toString() : e.toString();
        }
    }

    /** What is done with the connection after its session was killed. */
    private interface NextUse {
        void on(Connection connection) throws SQLException;
    }

    private void killedBeforeCommit(TestDatabase db, NextUse nextUse) throws Exception {
        MirrorFixture fixture = new MirrorFixture(db, dir, "mk").create();
        try (Connection raw = fixture.raw()) {
            seed(raw, fixture);
            String before = fixture.contents(raw);

            Connection tandem = fixture.tandem();
            try {
                tandem.setAutoCommit(false);
                long session = session(db, tandem);
                try (Statement statement = tandem.createStatement()) {
                    assertThat(statement.executeUpdate("INSERT INTO mk_items (id, name, qty, status) VALUES (9, 'new', 9, 9),"
                            + " (10, 'new', 10, 0)")).isEqualTo(2);
                    assertThat(statement.executeUpdate("UPDATE mk_items SET qty = qty + 100, name = 'changed'"
                            + " WHERE id BETWEEN 2 AND 4")).isEqualTo(3);
                    assertThat(statement.executeUpdate("DELETE FROM mk_items WHERE id = 5")).isEqualTo(1);
                    assertThat(statement.executeUpdate("UPDATE mk_items_v2 SET title = 'via target', status_code = '42'"
                            + " WHERE id = 6")).isEqualTo(1);
                    assertThat(statement.executeUpdate("DELETE FROM mk_items_v2 WHERE id = 7")).isEqualTo(1);
                }
                // inside the transaction both tables hold the writes: they were mirrored before the kill
                assertThat(MirrorFixture.rows(tandem, "/* tandem:route=target */ SELECT id, title, qty, status_code"
                        + " FROM mk_items_v2 WHERE id IN (2, 5, 6, 7, 9) ORDER BY id")).containsExactly(
                                List.of("2", "changed", "102", "2"), List.of("6", "via target", "6", "42"),
                                List.of("9", "new", "9", "9"));
                assertThat(MirrorFixture.rows(tandem, "/* tandem:route=source */ SELECT id, name, status FROM mk_items"
                        + " WHERE id IN (5, 6, 7) ORDER BY id")).containsExactly(List.of("6", "via target", "42"));

                kill(db, raw, session);

                assertTimeoutPreemptively(Duration.ofSeconds(30), (Executable) () ->
                        assertThatThrownBy(() -> nextUse.on(tandem)).as("the next use of a killed connection")
                                .isInstanceOf(SQLException.class));
            } finally {
                try {
                    tandem.close();
                } catch (SQLException e) {
                    // closing a connection the database has ended may fail: it is gone either way
                }
            }

            assertThat(fixture.contents(raw)).as("both tables after the kill").isEqualTo(before);
            assertThat(fixture.drift(raw)).as("drift after the kill").isNull();
        }
    }

    /** The database's id for the session behind {@code tandem}, asked through the same connection. */
    private static long session(TestDatabase db, Connection tandem) throws SQLException {
        String sql = switch (db) {
            case H2 -> "SELECT SESSION_ID()";
            case POSTGRES -> "SELECT pg_backend_pid()";
            case MARIADB -> "SELECT CONNECTION_ID()";
        };
        try (Statement statement = tandem.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getLong(1);
        }
    }

    /** Ends {@code session} from {@code raw}; on PostgreSQL waits (up to 10 s) until the backend is gone. */
    private static void kill(TestDatabase db, Connection raw, long session) throws SQLException {
        String sql = switch (db) {
            case H2 -> "CALL ABORT_SESSION(?)";
            case POSTGRES -> "SELECT pg_terminate_backend(?, 10000)";
            case MARIADB -> "KILL CONNECTION ?";
        };
        try (PreparedStatement statement = raw.prepareStatement(sql)) {
            if (db == TestDatabase.POSTGRES) {
                statement.setInt(1, (int) session);
            } else {
                statement.setLong(1, session);
            }
            if (statement.execute()) {
                try (ResultSet rows = statement.getResultSet()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getBoolean(1)).as("the session was ended").isTrue();
                }
            }
        }
    }
}
