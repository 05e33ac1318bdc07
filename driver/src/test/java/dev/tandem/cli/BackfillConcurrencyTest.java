package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tandem.jdbc.TestDatabase;
import dev.tandem.ops.Backfill;
import dev.tandem.ops.Progress;
import dev.tandem.routing.Routing;

/**
 * {@code tandem backfill} killed and resumed beside live writers, and shared by two runners. No sleeps:
 * every step waits on something the other side printed or released. A row lock the test holds on one
 * source row stops a backfill at the chunk holding that row, which makes "mid-way" and "who copies
 * which chunk" certain.
 */
class BackfillConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int ROWS = 1000;
    private static final int IDS = 1200;
    /**
     * The source row the test keeps locked while the first backfill runs. Below it writers only update,
     * so the keys there, and so the first chunks of the plan, stay as seeded: 1-100, …, 401-500, and the
     * held row is in chunk 5. Writers leave the held row alone.
     */
    private static final int HELD = 450;

    @TempDir
    Path dir;

    /**
     * A backfill in a child JVM, killed ({@code destroyForcibly}) after it printed three chunks done, before
     * it can finish the fifth (which holds the row the test keeps locked), is resumed by a second run that reports the chunks already
     * done and finishes them all; meanwhile eight writers insert, update and delete through
     * {@code jdbc:tandem:} in {@code dual-write}, naming the source and the target. Afterwards the target
     * is mapping(source) row for row (stale target rows overwritten, orphans gone, nothing deleted came
     * back) and {@code tandem verify} agrees.
     *
     * <p>On H2 the child and the test share a file database in AUTO_SERVER mode (an in-memory database is
     * not reachable from another process); the test JVM opens it first, so it is the server throughout.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aKilledBackfill_resumesAndFinishes_besideEightWriters_withNoDrift(TestDatabase db) throws Exception {
        String url = db == TestDatabase.H2 ? h2FileUrl() : db.rawUrl();
        try (Connection keeper = DriverManager.getConnection(url)) {
            OpsFixture fixture = new OpsFixture(db, url, dir, "kill").create("dual-write");
            fixture.seed(1, ROWS);
            fixture.execute("INSERT INTO " + fixture.target + " (id, title, qty, status_code) VALUES (3, 'stale', 0, '8'),"
                    + " (640, 'stale', 0, '8'), (1500, 'orphan', 1, '1'), (1501, 'orphan', 1, '1')");

            Connection holder = fixture.raw();
            holder.setAutoCommit(false);
            lockTimeout(holder, db);
            try (Statement statement = holder.createStatement()) {
                statement.executeQuery("SELECT id FROM " + fixture.source + " WHERE id = " + HELD + " FOR UPDATE").close();
            }

            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
            List<Future<Tally>> writers = new ArrayList<>();
            long seed = Long.getLong("tandem.seed", System.nanoTime());
            for (int w = 0; w < WRITERS; w++) {
                Random random = new Random(seed * 31 + w);
                writers.add(pool.submit(() -> write(fixture, db, random, stop)));
            }
            try {
                Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), TandemCommand.class.getName(), "backfill",
                        OpsFixture.MIGRATION, "--url", url, "--config", fixture.routing.toString(), "--chunk", "100")
                        .redirectErrorStream(true).start();
                List<String> childLines = Collections.synchronizedList(new ArrayList<>());
                CountDownLatch threeChunks = new CountDownLatch(3);
                Future<?> reader = pool.submit(() -> {
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                            StandardCharsets.UTF_8))) {
                        for (String line; (line = lines.readLine()) != null; ) {
                            childLines.add(line);
                            if (line.contains(": chunk ") && line.contains(" done (")) {
                                threeChunks.countDown();
                            }
                        }
                    } catch (java.io.IOException e) {
                        // killing the child may close its output under the reader ("Stream closed"): the end of it
                        if (child.isAlive()) {
                            throw e;
                        }
                    }
                    return null;
                });
                boolean reported = threeChunks.await(2, TimeUnit.MINUTES);
                child.destroyForcibly();
                child.waitFor();
                reader.get(1, TimeUnit.MINUTES);
                assertThat(reported).as("the child reported three chunks done: %s", childLines).isTrue();
                assertThat(childLines).as("the child was killed before it finished").noneMatch(l -> l.contains(": done:"));
                holder.commit();
                holder.close();

                OpsFixture.Run resumed = fixture.run("backfill", "--chunk", "100");
                assertThat(resumed.exit()).as(resumed.toString()).isZero();
                assertThat(resumed.out()).containsPattern("resuming: [34] of [0-9]+ chunks done").contains(": done: ");
            } finally {
                stop.set(true);
                pool.shutdown();
            }
            Tally all = new Tally();
            for (Future<Tally> writer : writers) {
                all.add(writer.get(2, TimeUnit.MINUTES));
            }
            System.out.printf("BackfillConcurrencyTest %s: writers %s (seed %d)%n", db, all, seed);
            assertThat(all.unexpected).as("writers' unexpected errors").isEmpty();
            assertThat(all.done).as("writes that committed").isPositive();
            assertThat(fixture.drift()).as("drift after the killed backfill, its resumption and the writers").isNull();
            try (Connection raw = fixture.raw()) {
                assertThat(OpsFixture.rows(raw, "SELECT COUNT(*) FROM tandem_backfill_chunk WHERE migration_id = 'items'"
                        + " AND done = 0")).containsExactly(List.of("0"));
            }
            OpsFixture.Run verify = fixture.run("verify", "--chunk", "150");
            assertThat(verify.exit()).as(verify.toString()).isZero();
            keeper.isValid(1);
        }
    }

    /**
     * Two runners with their own connections on one migration: the one that claims the first chunk
     * waits on the row the test holds, the other copies every other chunk and then waits for the first;
     * released, the first finishes. Each chunk is copied by exactly one of them, both copied some, and
     * together all.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void twoRunners_shareTheChunks_andNoChunkIsCopiedTwice(TestDatabase db) throws Exception {
        OpsFixture fixture = new OpsFixture(db, dir, "share").create("dual-write");
        fixture.seed(1, 600);
        var migration = Routing.load(fixture.routing).migration(OpsFixture.MIGRATION).migration();
        int chunks = 13; // 12 of 50 rows, and the open-ended one after the last key
        Connection holder = fixture.raw();
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.executeQuery("SELECT id FROM " + fixture.source + " WHERE id = 25 FOR UPDATE").close();
        }
        CountDownLatch allButOne = new CountDownLatch(chunks - 1);
        Writer lines = new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public synchronized void write(char[] chars, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    if (chars[i] == '\n') {
                        if (line.toString().contains(": chunk ")) {
                            allButOne.countDown();
                        }
                        line.setLength(0);
                    } else {
                        line.append(chars[i]);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Backfill.Result>> runners = new ArrayList<>();
            for (String name : List.of("A", "B")) {
                runners.add(pool.submit(() -> new Backfill(() -> {
                    Connection connection = DriverManager.getConnection(fixture.url);
                    lockTimeout(connection, db);
                    return connection;
                }, migration, new Backfill.Options(50, 0, 1, false, name), new Progress(new PrintWriter(lines, true), false,
                        "backfill " + name)).run()));
            }
            assertThat(allButOne.await(2, TimeUnit.MINUTES)).as("all chunks but the held one copied").isTrue();
            holder.commit();
            holder.close();
            Backfill.Result a = runners.get(0).get(1, TimeUnit.MINUTES);
            Backfill.Result b = runners.get(1).get(1, TimeUnit.MINUTES);

            List<Integer> byA = a.copiedHere().stream().map(Backfill.Chunk::number).toList();
            List<Integer> byB = b.copiedHere().stream().map(Backfill.Chunk::number).toList();
            assertThat(byA).as("chunks A copied (B: %s)", byB).isNotEmpty().doesNotContainAnyElementsOf(byB);
            assertThat(byB).isNotEmpty();
            Set<Integer> union = new HashSet<>(byA);
            union.addAll(byB);
            assertThat(union).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, chunks).boxed().toList());
            assertThat(byA.size() + byB.size()).isEqualTo(chunks);
            assertThat(a.rowsHere() + b.rowsHere()).isEqualTo(600);
            try (Connection raw = fixture.raw()) {
                Map<String, List<String>> signed = new TreeMap<>();
                for (List<String> row : OpsFixture.rows(raw, "SELECT worker, chunk_no FROM tandem_backfill_chunk"
                        + " WHERE migration_id = 'items' AND done = 1 ORDER BY chunk_no")) {
                    signed.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row.get(1));
                }
                assertThat(signed).containsOnlyKeys("A/1", "B/1");
                assertThat(signed.get("A/1")).containsExactlyElementsOf(byA.stream().sorted().map(String::valueOf).toList());
            }
            assertThat(fixture.drift()).isNull();
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ the writers

    /** What the writers did: statements that committed, and errors that are neither conflicts nor duplicates. */
    private static final class Tally {
        int done;
        int conflicts;
        final List<String> unexpected = new ArrayList<>();

        void add(Tally other) {
            done += other.done;
            conflicts += other.conflicts;
            unexpected.addAll(other.unexpected);
        }

        @Override
        public String toString() {
            return done + " committed, " + conflicts + " deadlocks, lock waits or duplicate keys";
        }
    }

    private static Tally write(OpsFixture fixture, TestDatabase db, Random random, AtomicBoolean stop) throws SQLException {
        Tally tally = new Tally();
        try (Connection connection = fixture.tandem()) {
            lockTimeout(connection, db);
            while (!stop.get()) {
                boolean transaction = random.nextInt(4) == 0;
                connection.setAutoCommit(!transaction);
                try {
                    for (int i = transaction ? 2 : 1; i > 0; i--) {
                        operation(connection, fixture, random);
                    }
                    if (transaction) {
                        connection.commit();
                    }
                    tally.done++;
                } catch (SQLException e) {
                    if (transaction) {
                        connection.rollback();
                    }
                    String message = String.valueOf(e.getMessage()).toLowerCase();
                    String state = String.valueOf(e.getSQLState());
                    if (state.startsWith("23") || state.startsWith("40") || state.equals("55P03") || state.equals("HYT00")
                            || e.getErrorCode() == 1205 || e.getErrorCode() == 1213 || message.contains("deadlock")
                            || message.contains("lock") || message.contains("duplicate")) {
                        tally.conflicts++;
                    } else {
                        tally.unexpected.add(state + " " + e.getMessage());
                    }
                }
            }
        }
        return tally;
    }

    /**
     * One write on ids 1..1200 (never the held row), naming the source or the target; below the held
     * row only updates and inserts into the target (whose mirror updates the source row there).
     */
    private static void operation(Connection connection, OpsFixture fixture, Random random) throws SQLException {
        int id = 1 + random.nextInt(IDS);
        if (Math.abs(id - HELD) <= 3) {
            id = HELD + 10;
        }
        int draw = random.nextInt(100);
        if (id < HELD && (draw < 15 || draw >= 65)) {
            draw = 15 + random.nextInt(50);
        }
        String sql;
        if (draw < 15) {
            sql = "INSERT INTO " + fixture.source + " (id, name, qty, status) VALUES (" + id + ", 'w" + random.nextInt(1000)
                    + "', " + random.nextInt(100) + ", " + random.nextInt(10) + ")";
        } else if (draw < 22) {
            sql = "INSERT INTO " + fixture.target + " (id, title, qty, status_code) VALUES (" + id + ", 't"
                    + random.nextInt(1000) + "', " + random.nextInt(100) + ", '" + random.nextInt(10) + "')";
        } else if (draw < 45) {
            sql = "UPDATE " + fixture.source + " SET qty = qty + 1, name = 'u" + random.nextInt(1000) + "' WHERE id = " + id;
        } else if (draw < 55) {
            sql = "UPDATE " + fixture.source + " SET status = " + random.nextInt(10) + " WHERE id BETWEEN " + id + " AND "
                    + (id + 2);
        } else if (draw < 65) {
            sql = "UPDATE " + fixture.target + " SET title = 'v" + random.nextInt(1000) + "' WHERE id = " + id;
        } else if (draw < 80) {
            sql = "DELETE FROM " + fixture.source + " WHERE id = " + id;
        } else if (draw < 88) {
            sql = "DELETE FROM " + fixture.source + " WHERE id BETWEEN " + id + " AND " + (id + 2);
        } else {
            sql = "DELETE FROM " + fixture.target + " WHERE id = " + id;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    /** Bounds every lock wait to twenty seconds, so that a bug cannot hang the build. */
    private static void lockTimeout(Connection connection, TestDatabase db) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(switch (db) {
                case H2 -> "SET LOCK_TIMEOUT 20000";
                case POSTGRES -> "SET lock_timeout = '20s'";
                case MARIADB -> "SET SESSION innodb_lock_wait_timeout = 20";
            });
        }
    }

    private static String h2FileUrl() throws Exception {
        Path base = Path.of(System.getProperty("user.dir"), "target", "h2-backfill");
        Files.createDirectories(base);
        return "jdbc:h2:file:" + base.resolve("kill-" + System.nanoTime()).toAbsolutePath()
                + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=20000";
    }
}
