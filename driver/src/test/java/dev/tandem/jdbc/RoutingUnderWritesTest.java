package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tandem.routing.Phase;
import dev.tandem.routing.RoutingFile;

/**
 * The routing file changing while the application writes, on every database: a workload of writers
 * and readers on their own connections while the phases are walked (and one step rolled back), a
 * transaction keeping the routing it started with across a reload, a broken file leaving the last
 * good routing (and its mirroring) in force, and target-only running writes that name the target and
 * translating those that name the source. Until target-only, the target equals mapping(source) row
 * for row after each; in target-only the source is no longer written.
 */
class RoutingUnderWritesTest {

    private static final String ID = "items-rw";
    private static final int ROWS = 100;
    /** Writes (or failed attempts) the workload makes under each routing before the next step. */
    private static final int WRITES_PER_STEP = 150;
    private static final int READS_PER_STEP = 40;
    private static final String VERIFY_ALL = "    verify: {sampleRate: 1.0}\n";

    @TempDir
    Path dir;

    private Path routing;
    private RoutingFile file;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void walkingThePhases_underAWriteWorkload_losesNothing(TestDatabase db) throws Exception {
        setUp(db, "dual-write", "");
        MigrationMonitor monitor = monitor();
        try (Workload workload = new Workload(db, 4, 2, 10_000)) {
            workload.runs(WRITES_PER_STEP, READS_PER_STEP);
            long mirrored = monitor.getMirroredWrites();
            assertThat(mirrored).as("mirrored in dual-write").isPositive();

            String[][] steps = {
                    {"verify", VERIFY_ALL},
                    {"cutover", "    reads: {percent: 50}\n"},
                    {"cutover", "    reads: {percent: 100}\n"},
                    // The step back from cutover, as when the target's reads disappoint, and forward again.
                    {"verify", VERIFY_ALL},
                    {"cutover", "    reads: {percent: 100}\n"}};
            for (String[] step : steps) {
                apply(step[0], step[1]);
                workload.runs(WRITES_PER_STEP, READS_PER_STEP);
                assertThat(monitor.getMirroredWrites()).as("mirrored in %s %s", step[0], step[1].strip())
                        .isGreaterThan(mirrored);
                mirrored = monitor.getMirroredWrites();
            }
            workload.stop();
            assertThat(workload.unexpected).as("errors that are neither deadlocks nor lock timeouts (of which %d)",
                    workload.databaseErrors.size()).isEmpty();
            assertThat(workload.committed.get()).isPositive();
        }
        assertNoDrift(db);
        assertThat(phaseChanges()).containsExactly(
                "loaded - -> dual-write",
                "applied dual-write -> verify",
                "applied verify -> cutover",
                "applied cutover -> verify",
                "applied verify -> cutover");
        assertThat(monitor.getReadsFromSource()).isPositive();
        assertThat(monitor.getReadsFromTarget()).isPositive();
        assertThat(monitor.getShadowReads()).as("shadow reads in verify").isPositive();
        assertThat(monitor.getRefusedStatements()).isZero();

        // The last step: the same workload, written for the old shape, now runs on the target alone.
        List<String> source = source(db);
        List<String> target = target(db);
        long mirrored = monitor.getMirroredWrites();
        apply("target-only", "");
        try (Workload workload = new Workload(db, 4, 2, 100_000)) {
            workload.runs(WRITES_PER_STEP, READS_PER_STEP);
            workload.stop();
            assertThat(workload.unexpected).as("errors in target-only").isEmpty();
        }
        assertThat(monitor.getTranslatedWrites()).as("writes naming the source, translated").isPositive();
        assertThat(monitor.getMirroredWrites()).as("nothing mirrored in target-only").isEqualTo(mirrored);
        assertThat(monitor.getRefusedStatements()).isZero();
        assertThat(source(db)).as("the source is not written in target-only").isEqualTo(source);
        assertThat(target(db)).as("the target is").isNotEqualTo(target);
        assertThat(phaseChanges()).endsWith("applied cutover -> target-only");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTransaction_keepsOneRouting_acrossAReload(TestDatabase db) throws Exception {
        setUp(db, "dual-write", "");
        MigrationMonitor monitor = monitor();
        String read = "SELECT name FROM rw_items WHERE id = 1";
        try (Connection transaction = connect(db); Connection other = connect(db);
                Statement statement = transaction.createStatement();
                PreparedStatement rename = transaction.prepareStatement("UPDATE rw_items SET name = ? WHERE id = ?")) {
            transaction.setAutoCommit(false);
            statement.executeUpdate("UPDATE rw_items SET qty = qty + 5 WHERE id <= 3");
            statement.executeUpdate(insert(201));
            assertThat(monitor.getMirroredWrites()).isEqualTo(2);

            apply("verify", VERIFY_ALL);
            long shadowReads = monitor.getShadowReads();
            name(transaction, read);
            assertThat(monitor.getShadowReads()).as("the transaction is still in dual-write: no shadow read")
                    .isEqualTo(shadowReads);
            name(other, read);
            assertThat(monitor.getShadowReads()).as("a connection outside it is in verify").isEqualTo(shadowReads + 1);
            statement.executeUpdate("DELETE FROM rw_items WHERE id = 4");
            rename.setString(1, "renamed");
            rename.setInt(2, 5);
            assertThat(rename.executeUpdate()).isEqualTo(1);

            apply("cutover", "    reads: {percent: 100}\n");
            long fromTarget = monitor.getReadsFromTarget();
            assertThat(name(transaction, read)).isEqualTo("item-1");
            assertThat(monitor.getReadsFromTarget()).as("the transaction still reads the source").isEqualTo(fromTarget);
            statement.executeUpdate(insert(202));
            rename.setString(1, "late");
            rename.setInt(2, 6);
            rename.executeUpdate();
            assertThat(monitor.getMirroredWrites()).as("every write of the transaction mirrored").isEqualTo(6);

            assertThat(target(db)).as("nothing visible outside before the commit")
                    .noneMatch(row -> row.startsWith("201|"));
            transaction.commit();
            assertThat(name(transaction, read)).isEqualTo("item-1");
            assertThat(monitor.getReadsFromTarget()).as("the next transaction reads the target")
                    .isEqualTo(fromTarget + 1);
        }
        assertThat(target(db)).contains("1|item-1|6|1", "5|renamed|5|5", "6|late|6|6", "201|item-201|201|5",
                "202|item-202|202|6").noneMatch(row -> row.startsWith("4|")).hasSize(ROWS + 1);
        assertNoDrift(db);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBrokenFile_keepsTheLastGoodRouting_andWritesKeepMirroring(TestDatabase db) throws Exception {
        setUp(db, "dual-write", "");
        MigrationMonitor monitor = monitor();
        String[][] broken = {
                {routingText("cutovr", ""), "unknown phase 'cutovr'"},
                {routingText("cutover", ""), "cannot go from dual-write to cutover"},
                {routingText("dual-write", "").substring(0, 60) + "\n  - [", "routing.yaml"}};
        try (Workload workload = new Workload(db, 2, 1, 10_000)) {
            for (String[] bad : broken) {
                long mirrored = monitor.getMirroredWrites();
                Files.writeString(routing, bad[0]);
                RoutingFile.Reload reload = file.reload();
                assertThat(reload.outcome()).as(bad[0]).isEqualTo(RoutingFile.Outcome.REFUSED);
                assertThat(reload.message()).contains(bad[1]);
                assertThat(file.recentAudit()).last().asString().contains("result=refused");
                assertThat(file.current().migration(ID).phase()).isEqualTo(Phase.DUAL_WRITE);

                workload.runs(WRITES_PER_STEP / 3, READS_PER_STEP / 4);
                assertThat(monitor.getMirroredWrites()).as("mirrored after %s", bad[1]).isGreaterThan(mirrored);
            }
            workload.stop();
            assertThat(workload.unexpected).isEmpty();
        }
        assertNoDrift(db);
        assertThat(phaseChanges()).as("of the refusals, only the skipped step names the migration")
                .containsExactly("loaded - -> dual-write", "refused - -> -");
        assertThat(file.recentAudit()).filteredOn(line -> line.contains("result=refused")).hasSize(3);

        apply("verify", VERIFY_ALL);
        assertThat(file.current().migration(ID).phase()).as("a good file after broken ones").isEqualTo(Phase.VERIFY);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void targetOnly_runsWritesNamingTheTarget_andTranslatesThoseNamingTheSource(TestDatabase db) throws Exception {
        setUp(db, "cutover", "    reads: {percent: 50}\n");
        MigrationMonitor monitor = monitor();
        try (Connection connection = connect(db); Connection pinned = connect(db);
                Statement statement = connection.createStatement();
                PreparedStatement sourceUpdate = connection.prepareStatement(
                        "UPDATE rw_items SET qty = ? WHERE id = ?");
                PreparedStatement targetUpdate = connection.prepareStatement(
                        "UPDATE rw_items_v2 SET title = ? WHERE id = ?")) {
            writeRouting("target-only", "");
            assertThat(file.reload().message()).as("some reads still on the source")
                    .contains("send some reads to the source");
            apply("cutover", "    reads: {percent: 100}\n");

            pinned.setAutoCommit(false);
            try (Statement inCutover = pinned.createStatement()) {
                inCutover.executeUpdate("UPDATE rw_items SET qty = 77 WHERE id = 7");
                apply("target-only", "");
                assertThat(inCutover.executeUpdate("UPDATE rw_items SET qty = 88 WHERE id = 8"))
                        .as("a transaction begun in cutover keeps mirroring").isEqualTo(1);
                pinned.commit();
                assertNoDrift(db);
                assertThat(inCutover.executeUpdate("UPDATE rw_items SET qty = 99 WHERE id = 9"))
                        .as("the next transaction is in target-only: translated").isEqualTo(1);
                pinned.commit();
            }

            List<String> source = source(db);
            assertThat(source).as("the source is not written in target-only").contains("9|item-9|9|2|1");
            long refused = monitor.getRefusedStatements();
            assertThat(statement.executeUpdate("INSERT INTO rw_items_v2 (id, title, qty, status_code)"
                    + " VALUES (500, 'fresh', 5, '5')")).isEqualTo(1);
            assertThat(statement.executeUpdate("UPDATE rw_items_v2 SET qty = qty + 1000 WHERE qty <= 2")).isEqualTo(2);
            assertThat(statement.executeUpdate("DELETE FROM rw_items_v2 WHERE id = 3")).isEqualTo(1);
            targetUpdate.setString(1, "prepared in cutover");
            targetUpdate.setInt(2, 4);
            assertThat(targetUpdate.executeUpdate()).isEqualTo(1);

            // Written for the old shape, translated to the target: the source is not written.
            long translated = monitor.getTranslatedWrites();
            assertThat(statement.executeUpdate("UPDATE rw_items SET qty = 0, legacy_flag = 1 WHERE id = 10")).isEqualTo(1);
            assertThat(statement.executeUpdate(insert(600))).isEqualTo(1);
            assertThat(statement.executeUpdate("DELETE FROM rw_items WHERE id = 11")).isEqualTo(1);
            assertThat(statement.executeUpdate("INSERT INTO rw_items_v2 (id, title, qty, status_code)"
                    + " SELECT id + 1000, name, qty, CAST(status AS VARCHAR(8)) FROM rw_items WHERE id = 12"))
                    .as("a write to the target that reads the source").isEqualTo(1);
            sourceUpdate.setInt(1, 0);
            sourceUpdate.setInt(2, 13);
            assertThat(sourceUpdate.executeUpdate()).as("prepared in cutover, run in target-only").isEqualTo(1);
            try (PreparedStatement oldInsert = connection.prepareStatement(
                    "INSERT INTO rw_items (legacy_flag, id, name, qty, status) VALUES (?, ?, ?, ?, ?)")) {
                for (int id = 700; id <= 702; id++) {
                    oldInsert.setInt(1, 1);
                    oldInsert.setInt(2, id);
                    oldInsert.setString(3, "old-" + id);
                    oldInsert.setInt(4, id % 10);
                    oldInsert.setInt(5, 3);
                    if (id < 702) {
                        oldInsert.addBatch();
                    }
                }
                assertThat(oldInsert.executeBatch()).as("a batch, its legacy_flag dropped").hasSize(2);
                assertThat(oldInsert.executeUpdate()).as("its parameters move: legacy_flag is dropped").isEqualTo(1);
            }
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE rw_items SET qty = 1 WHERE legacy_flag = 0"))
                    .as("a condition on a column the target lacks").isInstanceOf(SQLException.class)
                    .hasMessageContaining("refused, nothing was run", "legacy_flag");

            connection.setAutoCommit(false);
            statement.executeUpdate("UPDATE rw_items_v2 SET title = 'in a transaction' WHERE id = 14");
            statement.executeUpdate("UPDATE rw_items SET status = status + 1 WHERE id = 14");
            connection.commit();

            assertThat(monitor.getRefusedStatements() - refused).isEqualTo(1);
            assertThat(monitor.getTranslatedWrites() - translated).as("one per statement run, entry of a batch too")
                    .isGreaterThanOrEqualTo(9);
            assertThat(source(db)).as("the source is not written in target-only").isEqualTo(source);
        }
        assertThat(target(db)).contains("500|fresh|5|5", "1|item-1|1001|1", "2|item-2|1002|2",
                "4|prepared in cutover|4|4", "10|item-10|0|3", "600|item-600|600|5", "1012|item-12|12|5",
                "13|item-13|0|6", "9|item-9|99|2", "700|old-700|0|3", "701|old-701|1|3", "702|old-702|2|3", "14|in a transaction|14|1")
                .noneMatch(row -> row.startsWith("3|") || row.startsWith("11|"))
                .hasSize(ROWS + 4);
    }

    // ------------------------------------------------------------------ the workload

    /**
     * Writers and readers, each on its own Tandem connection, running until stopped. Deadlocks and lock
     * timeouts are what concurrent writers meet: the writer rolls back and goes on, and they are
     * counted. Anything else is kept to fail the test.
     */
    private final class Workload implements AutoCloseable {

        private final TestDatabase db;
        private final int firstIds;
        private final ExecutorService pool;
        private final List<Future<?>> tasks = new ArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Semaphore writes = new Semaphore(0);
        private final Semaphore reads = new Semaphore(0);
        final AtomicInteger committed = new AtomicInteger();
        final Queue<String> databaseErrors = new ConcurrentLinkedQueue<>();
        final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

        /** @param firstIds the ids writer n inserts start at {@code firstIds * (n + 1)} */
        Workload(TestDatabase db, int writers, int readers, int firstIds) throws Exception {
            this.db = db;
            this.firstIds = firstIds;
            this.pool = Executors.newFixedThreadPool(writers + readers);
            CountDownLatch connected = new CountDownLatch(writers + readers);
            for (int w = 0; w < writers; w++) {
                int writer = w;
                tasks.add(pool.submit(() -> write(writer, connected)));
            }
            for (int r = 0; r < readers; r++) {
                int reader = r;
                tasks.add(pool.submit(() -> read(reader, connected)));
            }
            assertThat(connected.await(20, TimeUnit.SECONDS)).as("workload connected").isTrue();
        }

        /** Waits until {@code writeCount} writes and {@code readCount} reads have ended from now on. */
        void runs(int writeCount, int readCount) throws Exception {
            writes.drainPermits();
            reads.drainPermits();
            await(writes, writeCount, "writes");
            await(reads, readCount, "reads");
        }

        private void await(Semaphore done, int count, String what) throws Exception {
            for (int i = 0; i < count; i++) {
                if (!done.tryAcquire(20, TimeUnit.SECONDS)) {
                    throw new AssertionError("the workload stalled after " + i + " of " + count + " " + what
                            + "; unexpected: " + unexpected);
                }
            }
        }

        /** Stops the workload and waits for every connection to be closed, so no transaction is open. */
        void stop() throws Exception {
            stop.set(true);
            for (Future<?> task : tasks) {
                try {
                    task.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new AssertionError("a workload thread failed", e.getCause());
                }
            }
        }

        @Override
        public void close() {
            stop.set(true);
            pool.shutdownNow();
        }

        private Void write(int writer, CountDownLatch connected) throws Exception {
            Random random = new Random(31L * writer + 7);
            int nextId = firstIds * (writer + 1);
            List<Integer> inserted = new ArrayList<>();
            try (Connection connection = connect(db); Statement statement = connection.createStatement();
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE rw_items SET qty = qty + 1, name = ?, status = ? WHERE id = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO rw_items (id, name, qty, status, legacy_flag) VALUES (?, ?, ?, ?, 1)");
                    PreparedStatement delete = connection.prepareStatement("DELETE FROM rw_items WHERE id = ?")) {
                connected.countDown();
                boolean autoCommit = true;
                while (!stop.get()) {
                    boolean transaction = random.nextInt(3) == 0;
                    if (transaction == autoCommit) {
                        connection.setAutoCommit(!transaction);
                        autoCommit = !transaction;
                    }
                    try {
                        int statements = transaction ? 2 + random.nextInt(2) : 1;
                        for (int s = 0; s < statements; s++) {
                            int choice = random.nextInt(100);
                            if (choice < 45) {
                                update.setString(1, "w" + writer + "-" + random.nextInt(1000));
                                update.setInt(2, random.nextInt(10));
                                update.setInt(3, anyId(random, inserted));
                                update.executeUpdate();
                            } else if (choice < 55) {
                                int from = 1 + random.nextInt(ROWS);
                                statement.executeUpdate("UPDATE rw_items SET status = status + 1 WHERE id BETWEEN "
                                        + from + " AND " + (from + 2));
                            } else if (choice < 60) {
                                statement.executeUpdate("UPDATE rw_items SET legacy_flag = " + random.nextInt(2)
                                        + ", qty = qty - 1 WHERE qty = " + random.nextInt(ROWS));
                            } else if (choice < 75) {
                                int id = nextId++;
                                insert.setInt(1, id);
                                insert.setString(2, "w" + writer + "-new");
                                insert.setInt(3, random.nextInt(100));
                                insert.setInt(4, random.nextInt(10));
                                insert.executeUpdate();
                                inserted.add(id);
                            } else if (choice < 85) {
                                int id = nextId++;
                                statement.executeUpdate(insert(id));
                                inserted.add(id);
                            } else {
                                delete.setInt(1, !inserted.isEmpty() && random.nextInt(4) > 0
                                        ? inserted.remove(random.nextInt(inserted.size())) : 1 + random.nextInt(ROWS));
                                delete.executeUpdate();
                            }
                        }
                        if (transaction && random.nextInt(8) == 0) {
                            connection.rollback();
                        } else {
                            if (transaction) {
                                connection.commit();
                            }
                            committed.incrementAndGet();
                        }
                    } catch (SQLException e) {
                        failed(e);
                        if (transaction) {
                            connection.rollback();
                        }
                    }
                    writes.release();
                }
            }
            return null;
        }

        /** Mostly a row every writer may touch, sometimes one this writer inserted. */
        private static int anyId(Random random, List<Integer> inserted) {
            return inserted.isEmpty() || random.nextBoolean() ? 1 + random.nextInt(ROWS)
                    : inserted.get(random.nextInt(inserted.size()));
        }

        private Void read(int reader, CountDownLatch connected) throws Exception {
            Random random = new Random(97L * reader + 3);
            boolean transaction = reader % 2 == 0;
            try (Connection connection = connect(db); Statement statement = connection.createStatement();
                    PreparedStatement byId = connection.prepareStatement(
                            "SELECT id, name, qty, status FROM rw_items WHERE id = ?")) {
                connection.setAutoCommit(!transaction);
                connected.countDown();
                while (!stop.get()) {
                    // A cohort per request, so that a percentage rollout sends some reads to each side.
                    connection.setClientInfo("tandem.cohort", "user-" + random.nextInt(1000));
                    try {
                        byId.setInt(1, 1 + random.nextInt(ROWS));
                        try (ResultSet rows = byId.executeQuery()) {
                            while (rows.next()) {
                                assertThat(rows.getInt("id")).isPositive();
                            }
                        }
                        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*), SUM(qty) FROM rw_items_v2")) {
                            assertThat(rows.next()).isTrue();
                        }
                        if (transaction) {
                            connection.commit();
                        }
                    } catch (SQLException e) {
                        failed(e);
                        if (transaction) {
                            connection.rollback();
                        }
                    }
                    reads.release();
                }
            }
            return null;
        }

        private void failed(SQLException e) {
            String described = e.getSQLState() + "/" + e.getErrorCode() + ": " + e.getMessage();
            (contention(e) ? databaseErrors : unexpected).add(described);
        }
    }

    /**
     * Whether {@code e} (or what it wraps) is what concurrent transactions meet: a deadlock, a
     * serialization failure, a lock timeout, H2's concurrent update. A refusal by Tandem is not.
     */
    private static boolean contention(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                int code = sql.getErrorCode();
                if (state.startsWith("40") || state.equals("HYT00") || state.equals("55P03")
                        || code == 1205 || code == 1213 || code == 50200 || code == 90131) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ fixture

    /** Both tables with the same {@value #ROWS} rows, and the routing file read in {@code phase}. */
    private void setUp(TestDatabase db, String phase, String extra) throws Exception {
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS rw_items");
            statement.execute("DROP TABLE IF EXISTS rw_items_v2");
            statement.execute("CREATE TABLE rw_items (id INT PRIMARY KEY, name VARCHAR(40), qty INT, status INT,"
                    + " legacy_flag INT)");
            statement.execute("CREATE TABLE rw_items_v2 (id INT PRIMARY KEY, title VARCHAR(40), qty INT,"
                    + " status_code VARCHAR(8), note VARCHAR(20) DEFAULT 'new')");
            StringBuilder source = new StringBuilder(
                    "INSERT INTO rw_items (id, name, qty, status, legacy_flag) VALUES ");
            StringBuilder target = new StringBuilder("INSERT INTO rw_items_v2 (id, title, qty, status_code) VALUES ");
            for (int id = 1; id <= ROWS; id++) {
                String separator = id == 1 ? "" : ", ";
                source.append(separator).append("(%d, 'item-%d', %d, %d, %d)".formatted(id, id, id, id % 7, id % 2));
                target.append(separator).append("(%d, 'item-%d', %d, '%d')".formatted(id, id, id, id % 7));
            }
            statement.execute(source.toString());
            statement.execute(target.toString());
        }
        routing = dir.resolve("routing.yaml");
        writeRouting(phase, extra);
        file = RoutingFile.open(routing, 0);
    }

    private static String insert(int id) {
        return "INSERT INTO rw_items (id, name, qty, status, legacy_flag) VALUES (%d, 'item-%d', %d, %d, 0)"
                .formatted(id, id, id, id % 7);
    }

    private static String routingText(String phase, String extra) {
        return """
                migrations:
                  items-rw:
                    source: rw_items
                    target: rw_items_v2
                    key: [id]
                    columns:
                      name: title
                      legacy_flag: null
                      status: {target: status_code, toTarget: "CAST(status AS VARCHAR(8))", toSource: "CAST(status_code AS INT)"}
                    phase: %s
                """.formatted(phase) + extra;
    }

    private void writeRouting(String phase, String extra) throws IOException {
        Files.writeString(routing, routingText(phase, extra));
    }

    /** Edits the file and reloads it now, as the reload thread would at its next check. */
    private void apply(String phase, String extra) throws IOException {
        writeRouting(phase, extra);
        RoutingFile.Reload reload = file.reload();
        assertThat(reload.outcome()).as("%s %s: %s", phase, extra.strip(), reload.message())
                .isEqualTo(RoutingFile.Outcome.APPLIED);
    }

    /** The audit lines of the migration, as {@code result from -> to}. */
    private List<String> phaseChanges() {
        Pattern line = Pattern.compile("result=(\\S+) migration=" + ID + " from=(\\S+) to=(\\S+)");
        List<String> changes = new ArrayList<>();
        for (String audit : file.recentAudit()) {
            Matcher matcher = line.matcher(audit);
            if (matcher.find()) {
                changes.add(matcher.group(1) + " " + matcher.group(2) + " -> " + matcher.group(3));
            }
        }
        return changes;
    }

    private Connection connect(TestDatabase db) throws SQLException {
        Properties given = new Properties();
        given.setProperty("tandem.config", routing.toString());
        given.setProperty("tandem.reload", "0");
        return DriverManager.getConnection(db.tandemUrl(), given);
    }

    private MigrationMonitor monitor() {
        return MigrationMonitor.of(file, ID);
    }

    private static String name(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }

    private static List<String> rows(TestDatabase db, String sql) throws SQLException {
        return db.rows(sql);
    }

    private static List<String> target(TestDatabase db) throws SQLException {
        return rows(db, "SELECT id, title, qty, status_code FROM rw_items_v2 ORDER BY id");
    }

    private static List<String> source(TestDatabase db) throws SQLException {
        return rows(db, "SELECT id, name, qty, status, legacy_flag FROM rw_items ORDER BY id");
    }

    /** The target equals mapping(source), row for row, read through the real driver. */
    private static void assertNoDrift(TestDatabase db) throws SQLException {
        assertThat(target(db)).as("target = mapping(source)")
                .isEqualTo(rows(db, "SELECT id, name, qty, CAST(status AS VARCHAR(8)) FROM rw_items ORDER BY id"));
    }
}
