package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Concurrent writers through Tandem in {@code dual-write}, each on its own connection, beside a
 * backfill-like copier on a raw connection, all on the same few ids: whatever deadlocks, lock waits and
 * duplicate keys the databases answer, once they are done the target equals mapping(source) row for
 * row (DESIGN §5: concurrent writers, a running backfill).
 */
class MirroredWritesConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int OPERATIONS = 300;
    private static final int IDS = 60;
    private static final int RANGE = 10;

    @TempDir
    Path dir;

    /**
     * Eight writers (inserts, updates and deletes by key and by range, on the source and on the target,
     * under autocommit and in transactions) and a copier that locks a range of source rows and copies
     * them into the target leave no drift, and every writer gets most of its operations done.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void eightWritersAndABackfillCopier_onTheSameIds_leaveNoDrift(TestDatabase db) throws Exception {
        long seed = Long.getLong("tandem.seed", System.nanoTime());
        String seedNote = "seed " + seed + " (replay with -Dtandem.seed=" + seed + "; thread timing is not replayed)";
        System.out.println("MirroredWritesConcurrencyTest " + db + ": " + seedNote);
        MirrorFixture fixture = new MirrorFixture(db, dir, "mc").create();
        try (Connection tandem = fixture.tandem(); Statement statement = tandem.createStatement()) {
            StringBuilder rows = new StringBuilder();
            for (int id = 1; id <= IDS; id += 2) {
                rows.append(rows.length() == 0 ? "" : ", ").append("(").append(id).append(", 'seed").append(id).append("', ")
                        .append(id).append(", ").append(id % 10).append(", NULL)");
            }
            statement.executeUpdate("INSERT INTO " + fixture.source + " (id, name, qty, status, touched) VALUES " + rows);
            fixture.assertApplied();
        }

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        CountDownLatch ready = new CountDownLatch(WRITERS + 1);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch writersDone = new CountDownLatch(WRITERS);
        List<Future<Tally>> writers = new ArrayList<>();
        Future<Tally> copier;
        try {
            for (int w = 0; w < WRITERS; w++) {
                Random rnd = new Random(seed * 31 + w);
                writers.add(pool.submit(() -> {
                    try {
                        return write(fixture, rnd, ready, go);
                    } finally {
                        writersDone.countDown();
                    }
                }));
            }
            copier = pool.submit(() -> copy(fixture, ready, go, writersDone));
            ready.await();
            go.countDown();

            Tally all = new Tally();
            for (Future<Tally> writer : writers) {
                Tally tally = writer.get(3, TimeUnit.MINUTES);
                all.add(tally);
                assertThat(tally.failed).as("failed operations of one writer (%s), %s", tally, seedNote)
                        .isLessThan(tally.operations / 2);
            }
            Tally copied = copier.get(1, TimeUnit.MINUTES);
            System.out.printf("%s: %.1f s; writers: %s; copier: %s%n", db, (System.nanoTime() - started) / 1e9, all, copied);
            assertThat(all.refused).as("refused statements (every form here is a core form), %s: %s", seedNote,
                    all.refusals).isZero();
            assertThat(copied.operations).as("copier ranges copied while the writers ran").isPositive();
        } finally {
            pool.shutdownNow();
        }
        try (Connection raw = fixture.raw()) {
            assertThat(fixture.drift(raw)).as("drift after the writers and the copier, %s", seedNote).isNull();
        }
    }

    /**
     * An UPDATE whose condition reads the same table, in a transaction that has already read, after
     * another transaction committed a change that makes one more row match: every row it changes is
     * mirrored. (Two connections taking turns; no threads.)
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void anUpdateWithASameTableSubquery_seeingAnotherTransactionsCommit_isMirroredWhole(TestDatabase db) throws Exception {
        List<String> drifts = new ArrayList<>();
        for (String where : List.of("id IN (SELECT id FROM mc_items WHERE qty > 50)",
                "EXISTS (SELECT 1 FROM mc_items o WHERE o.id = mc_items.id AND o.qty > 50)")) {
            MirrorFixture fixture = new MirrorFixture(db, dir, "mc").create();
            try (Connection raw = fixture.raw(); Connection first = fixture.tandem(); Connection second = fixture.tandem();
                    Statement one = first.createStatement(); Statement two = second.createStatement()) {
                two.executeUpdate("INSERT INTO mc_items (id, name, qty) VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)");
                fixture.assertApplied();
                first.setAutoCommit(false);
                MirrorFixture.rows(first, "SELECT COUNT(*) FROM mc_items");
                two.executeUpdate("UPDATE mc_items SET qty = 99 WHERE id = 2");
                // MariaDB: Tandem restricts the update to the rows its locking select found, whose subquery
                // reads the transaction's snapshot, so the row B changed may be left as if A ran first
                int changed = one.executeUpdate("UPDATE mc_items SET name = 'x' WHERE " + where);
                if (db == TestDatabase.MARIADB) {
                    assertThat(changed).as(where).isBetween(0, 1);
                } else {
                    assertThat(changed).as(where).isEqualTo(1);
                }
                first.commit();
                String drift = fixture.drift(raw);
                if (drift != null) {
                    drifts.add("UPDATE mc_items SET name = 'x' WHERE " + where + " -> " + drift);
                }
            }
        }
        assertThat(drifts).as("%s: drift after: (1) insert ids 1-3 with qty 1-3; (2) A: begin, SELECT COUNT(*);"
                + " (3) B: UPDATE mc_items SET qty = 99 WHERE id = 2 (autocommit); (4) A: the update below; commit", db)
                .isEmpty();
    }

    /**
     * Under READ COMMITTED (PostgreSQL's and H2's default; chosen on MariaDB), an UPDATE repeated
     * beside inserts that commit one after another leaves no drift: every row an UPDATE changes is
     * mirrored, including one committed while the UPDATE was under way.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void underReadCommitted_updatesBesideCommittingInserts_leaveNoDrift(TestDatabase db) throws Exception {
        MirrorFixture fixture = new MirrorFixture(db, dir, "mc").create();
        int rows = 1500;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection raw = fixture.raw(); Connection updater = fixture.tandem(); Connection inserter = fixture.tandem()) {
            setLockTimeouts(updater, fixture);
            setLockTimeouts(inserter, fixture);
            updater.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            inserter.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try (Statement statement = inserter.createStatement()) {
                statement.executeUpdate("INSERT INTO mc_items (id, qty) VALUES (0, 0)");
            }
            fixture.assertApplied();
            CountDownLatch inserted = new CountDownLatch(1);
            Future<Integer> updates = pool.submit(() -> {
                int n = 0;
                try (Statement statement = updater.createStatement()) {
                    while (inserted.getCount() > 0) {
                        statement.executeUpdate("UPDATE mc_items SET qty = 1 WHERE qty = 0");
                        n++;
                    }
                }
                return n;
            });
            try (PreparedStatement insert = inserter.prepareStatement("INSERT INTO mc_items (id, qty) VALUES (?, 0)")) {
                for (int id = 1; id <= rows; id++) {
                    insert.setInt(1, id);
                    insert.executeUpdate();
                }
            } finally {
                inserted.countDown();
            }
            int n = updates.get(1, TimeUnit.MINUTES);
            List<List<String>> unmirrored = MirrorFixture.rows(raw, "SELECT s.id FROM mc_items s JOIN mc_items_v2 t"
                    + " ON t.id = s.id WHERE s.qty <> t.qty ORDER BY s.id");
            assertThat(fixture.drift(raw)).as("%s: drift after %d of A: UPDATE mc_items SET qty = 1 WHERE qty = 0 beside B:"
                    + " INSERT INTO mc_items (id, qty) VALUES (?, 0) for ids 1..%d, each autocommit, both READ COMMITTED;"
                    + " %d ids updated in the source only", db, n, rows, unmirrored.size()).isNull();
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one thread did: operations, those that failed by kind, and refusals. */
    private static final class Tally {
        int operations;
        int failed;
        int refused;
        final List<String> refusals = new ArrayList<>();
        final Map<String, Integer> errors = new TreeMap<>();

        void error(SQLException e) {
            failed++;
            errors.merge(kind(e), 1, Integer::sum);
        }

        void add(Tally other) {
            operations += other.operations;
            failed += other.failed;
            refused += other.refused;
            refusals.addAll(other.refusals);
            other.errors.forEach((kind, n) -> errors.merge(kind, n, Integer::sum));
        }

        @Override
        public String toString() {
            return operations + " operations, " + failed + " failed " + errors + ", " + refused + " refused";
        }
    }

    private static String kind(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        String message = String.valueOf(e.getMessage()).toLowerCase();
        if (message.contains("deadlock")) {
            return "deadlock";
        }
        if (state.startsWith("23")) {
            return "duplicate key";
        }
        if (state.equals("55P03") || state.equals("HYT00") || e.getErrorCode() == 1205 || message.contains("lock wait")
                || message.contains("timeout trying to lock")) {
            return "lock timeout";
        }
        if (state.startsWith("40")) {
            return "serialization";
        }
        return state + " " + e.getMessage();
    }

    private static boolean transientError(SQLException e) {
        return switch (kind(e)) {
            case "deadlock", "lock timeout", "serialization" -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------ the writers

    /** One writer: random operations through Tandem, some in transactions of 2-4. */
    private static Tally write(MirrorFixture fixture, Random rnd, CountDownLatch ready, CountDownLatch go) throws Exception {
        Tally tally = new Tally();
        try (Connection connection = fixture.tandem()) {
            setLockTimeouts(connection, fixture);
            ready.countDown();
            go.await();
            while (tally.operations < OPERATIONS) {
                boolean transaction = rnd.nextInt(100) < 35;
                connection.setAutoCommit(!transaction);
                int length = transaction ? 2 + rnd.nextInt(3) : 1;
                try {
                    for (int i = 0; i < length; i++) {
                        tally.operations++;
                        operation(connection, fixture, rnd);
                    }
                    if (transaction) {
                        if (rnd.nextInt(4) == 0) {
                            connection.rollback();
                        } else {
                            connection.commit();
                        }
                    }
                } catch (SQLException e) {
                    if (String.valueOf(e.getMessage()).contains("refused, nothing was run")) {
                        tally.refused++;
                        tally.refusals.add(e.getMessage());
                    } else {
                        tally.error(e);
                    }
                    if (transaction) {
                        connection.rollback();
                    }
                }
            }
        }
        return tally;
    }

    /** One random write on ids 1..60, naming the source or the target, by key or by a short range. */
    private static void operation(Connection connection, MirrorFixture fixture, Random rnd) throws SQLException {
        String source = fixture.source;
        String target = fixture.target;
        int id = 1 + rnd.nextInt(IDS);
        int to = Math.min(IDS, id + rnd.nextInt(4));
        int draw = rnd.nextInt(100);
        if (draw < 15) {
            prepared(connection, "INSERT INTO " + source + " (id, name, qty, status, touched) VALUES (?, ?, ?, ?, ?)", id,
                    "w" + rnd.nextInt(1000), rnd.nextInt(100), rnd.nextInt(10), touched(rnd));
        } else if (draw < 25) {
            plain(connection, "INSERT INTO " + target + " (id, title, qty, status_code) VALUES (" + id + ", 't"
                    + rnd.nextInt(1000) + "', " + rnd.nextInt(100) + ", '" + rnd.nextInt(10) + "')");
        } else if (draw < 40) {
            prepared(connection, "UPDATE " + source + " SET qty = qty + 1, name = ? WHERE id = ?", "u" + rnd.nextInt(1000), id);
        } else if (draw < 50) {
            prepared(connection, "UPDATE " + source + " SET status = ?, touched = ? WHERE id BETWEEN ? AND ?",
                    rnd.nextInt(10), touched(rnd), id, to);
        } else if (draw < 60) {
            plain(connection, "UPDATE " + target + " SET title = 'v" + rnd.nextInt(1000) + "', qty = qty + 1 WHERE id = " + id);
        } else if (draw < 65) {
            prepared(connection, "UPDATE " + target + " SET status_code = ? WHERE id BETWEEN ? AND ?",
                    String.valueOf(rnd.nextInt(10)), id, to);
        } else if (draw < 68) {
            plain(connection, "UPDATE " + source + " SET qty = qty + 1 WHERE qty < " + rnd.nextInt(100) + " AND id BETWEEN "
                    + id + " AND " + to);
        } else if (draw < 72) {
            prepared(connection, "UPDATE " + source + " SET name = ?, qty = qty + 1 WHERE id IN (SELECT id FROM " + source
                    + " WHERE qty < ? AND id BETWEEN ? AND ?)", "s" + rnd.nextInt(1000), rnd.nextInt(100), id, to);
        } else if (draw < 75) {
            plain(connection, "UPDATE " + target + " SET title = 'e" + rnd.nextInt(1000) + "' WHERE EXISTS (SELECT 1 FROM "
                    + target + " o WHERE o.id = " + target + ".id + 1 AND o.qty > " + rnd.nextInt(100) + ") AND id BETWEEN "
                    + id + " AND " + to);
        } else if (draw < 80) {
            prepared(connection, "DELETE FROM " + source + " WHERE id = ?", id);
        } else if (draw < 88) {
            plain(connection, "DELETE FROM " + source + " WHERE id BETWEEN " + id + " AND " + Math.min(IDS, id + 2));
        } else {
            prepared(connection, "DELETE FROM " + target + " WHERE id = ?", id);
        }
    }

    /**
     * Bounds lock waits, so that a bug cannot hang the build; on PostgreSQL also looks for deadlocks
     * after 100 ms instead of 1 s where the user may set it (every deadlock stalls the writers queued
     * behind it until it is found).
     */
    private static void setLockTimeouts(Connection connection, MirrorFixture fixture) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(fixture.lockTimeout());
            if (fixture.db == TestDatabase.POSTGRES) {
                try {
                    statement.execute("SET deadlock_timeout = '100ms'");
                } catch (SQLException e) {
                    // not a superuser: the default second it is
                }
            }
        }
    }

    private static void plain(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static void prepared(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof LocalDateTime time) {
                    statement.setTimestamp(i + 1, Timestamp.valueOf(time));
                } else if (values[i] == null) {
                    statement.setNull(i + 1, Types.TIMESTAMP);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            statement.executeUpdate();
        }
    }

    private static LocalDateTime touched(Random rnd) {
        return rnd.nextInt(4) == 0 ? null
                : LocalDateTime.of(2025, 1, 1, 0, 0).plusSeconds(rnd.nextInt(1_000_000)).plusNanos(rnd.nextInt(1_000_000) * 1000L);
    }

    // ------------------------------------------------------------------ the copier

    /**
     * Until the writers are done, copies ranges of ten ids from the source into the target on a raw
     * connection, as a backfill beside live writes would: one transaction per range that locks the
     * source rows ({@code FOR UPDATE}), deletes the target rows of the range that have no source row,
     * and upserts each source row through the mapping. Deadlocks and lock timeouts are retried.
     *
     * <p>The delete asks the source again ({@code NOT EXISTS}) rather than excluding the ids the
     * {@code FOR UPDATE} returned: under READ COMMITTED without gap locks (PostgreSQL, H2) that
     * {@code SELECT} does not see a writer's uncommitted insert; if the writer commits before the
     * delete, the delete sees its target row, and "not among the rows read" deletes it while its source
     * row stays (drift). The delete's own snapshot sees the writer's source and target rows together.
     */
    private static Tally copy(MirrorFixture fixture, CountDownLatch ready, CountDownLatch go, CountDownLatch writersDone)
            throws Exception {
        Tally tally = new Tally();
        try (Connection raw = fixture.raw()) {
            setLockTimeouts(raw, fixture);
            raw.setAutoCommit(false);
            ready.countDown();
            go.await();
            while (writersDone.getCount() > 0) {
                for (int from = 1; from <= IDS; from += RANGE) {
                    while (true) {
                        try {
                            copyRange(raw, fixture, from, from + RANGE - 1);
                            raw.commit();
                            tally.operations++;
                            break;
                        } catch (SQLException e) {
                            raw.rollback();
                            if (!transientError(e)) {
                                throw e;
                            }
                            tally.error(e);
                        }
                    }
                }
            }
        }
        return tally;
    }

    private static void copyRange(Connection raw, MirrorFixture fixture, int from, int to) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement select = raw.prepareStatement("SELECT id, name, qty, status, touched FROM " + fixture.source
                + " WHERE id BETWEEN ? AND ? ORDER BY id FOR UPDATE")) {
            select.setInt(1, from);
            select.setInt(2, to);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    Object status = result.getObject(4);
                    rows.add(new Object[] {result.getInt(1), result.getString(2), result.getObject(3),
                            status == null ? null : String.valueOf(status), result.getObject(5, LocalDateTime.class)});
                }
            }
        }
        String delete = "DELETE FROM " + fixture.target + " WHERE id BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM "
                + fixture.source + " s WHERE s.id = " + fixture.target + ".id)";
        try (PreparedStatement statement = raw.prepareStatement(delete)) {
            statement.setInt(1, from);
            statement.setInt(2, to);
            statement.executeUpdate();
        }
        String columns = "(id, title, qty, status_code, touched)";
        String upsert = switch (fixture.db) {
            case POSTGRES -> "INSERT INTO " + fixture.target + " " + columns + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO"
                    + " UPDATE SET title = EXCLUDED.title, qty = EXCLUDED.qty, status_code = EXCLUDED.status_code,"
                    + " touched = EXCLUDED.touched";
            case MARIADB -> "INSERT INTO " + fixture.target + " " + columns + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY"
                    + " UPDATE title = VALUES(title), qty = VALUES(qty), status_code = VALUES(status_code),"
                    + " touched = VALUES(touched)";
            case H2 -> "MERGE INTO " + fixture.target + " " + columns + " KEY (id) VALUES (?, ?, ?, ?, ?)";
        };
        try (PreparedStatement statement = raw.prepareStatement(upsert)) {
            for (Object[] row : rows) {
                int[] types = {Types.INTEGER, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.TIMESTAMP};
                for (int i = 0; i < types.length; i++) {
                    if (row[i] == null) {
                        statement.setNull(i + 1, types[i]);
                    } else {
                        statement.setObject(i + 1, row[i]);
                    }
                }
                statement.executeUpdate();
            }
        }
    }
}
