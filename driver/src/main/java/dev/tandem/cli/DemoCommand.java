package dev.tandem.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
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
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.tandem.ops.Backfill;
import dev.tandem.ops.Progress;
import dev.tandem.ops.Verify;
import dev.tandem.routing.RoutingFile;
import dev.tandem.sql.Migration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tandem demo}: an embedded H2 database with a table of orders, a live workload written for the
 * table's old shape running through {@code jdbc:tandem:}, and the routing file edited step by step from
 * {@code off} to {@code target-only}, with a backfill, a verify, shadow reads, a staged cutover and a
 * step back. Each step says what it changed and what the workload saw; the end gives the drift found
 * and the workload's throughput per phase.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Walk a live workload on embedded H2 through every phase of a migration.")
final class DemoCommand implements Callable<Integer> {

    private static final String ID = "orders-v2";
    private static final String RAW = "jdbc:h2:mem:tandem_demo;DB_CLOSE_DELAY=-1";

    @Option(names = "--rows", defaultValue = "100000", description = "rows in the table at the start (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--threads", defaultValue = "4", description = "workload connections (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--step", defaultValue = "4000", description = "requests the workload makes in each step (default ${DEFAULT-VALUE})")
    int step;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the workload (default ${DEFAULT-VALUE})")
    long seed;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private Path routing;
    private RoutingFile file;
    private final List<String> throughput = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("tandem-demo");
        routing = dir.resolve("routing.yaml");
        try {
            return walk();
        } finally {
            Files.deleteIfExists(routing);
            Files.deleteIfExists(dir);
        }
    }

    private int walk() throws Exception {
        out.printf("tandem demo: embedded H2, %,d orders, %d connections through jdbc:tandem:, %,d requests per step%n",
                rows, threads, step);
        createTables();
        writeRouting("off", "");
        file = RoutingFile.open(routing, 0);
        out.println("  source  orders    (id, customer, amount_cents INT, status, legacy_flag, created)");
        out.println("  target  orders_v2 (id, customer_name, amount DECIMAL(12,2), status, created, channel DEFAULT 'web')");
        out.println("  mapping customer -> customer_name; amount_cents -> amount = amount_cents / 100 (and back);");
        out.println("          legacy_flag is dropped; channel is new. The application keeps its old SQL throughout.");
        Migration migration = file.current().migration(ID).migration();
        long drift;
        try (Workload workload = new Workload()) {
            workload.runs(step); // the JIT and the database's caches warm up before anything is measured
            phase(workload, "off", "", "writes and reads go to orders, as written");
            phase(workload, "dual-write", "", "every write to orders is copied to orders_v2 by key, in its transaction");

            out.println("[backfill] copying the rows written before dual-write, beside the live writes");
            long started = System.nanoTime();
            Backfill.Result copied = new Backfill(() -> DriverManager.getConnection(RAW), migration,
                    new Backfill.Options(Math.max(1000, rows / 20), 0, 2, false, "demo"), progress("backfill")).run();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("  %,d rows in %d chunks, %.1f s (%,.0f rows/s) while the workload ran; %s%n", copied.rowsHere(),
                    copied.chunks(), seconds, copied.rowsHere() / seconds, copied.keyGenerator() == null ? ""
                            : copied.keyGenerator());

            drift = verify(workload, migration);
            phase(workload, "verify", "    verify: {sampleRate: 0.2}\n",
                    "reads still come from orders; one in five also runs on orders_v2 and is compared");
            phase(workload, "cutover", "    reads: {percent: 10}\n", "10% of cohorts read orders_v2");
            phase(workload, "cutover", "    reads: {percent: 50}\n", "50% of cohorts read orders_v2");
            phase(workload, "cutover", "    reads: {percent: 100}\n", "every cohort reads orders_v2");
            phase(workload, "verify", "    verify: {sampleRate: 0.2}\n",
                    "rolled back: reads return to orders, writes still reach both");
            phase(workload, "cutover", "    reads: {percent: 100}\n", "forward again: every cohort reads orders_v2");
            drift += verify(workload, migration);
            // Switched with the workload paused, so that no write still in flight under cutover lands after the count.
            workload.pause();
            long sourceRows;
            String applied;
            try {
                applied = apply("target-only", "");
                sourceRows = count("orders");
            } finally {
                workload.resume();
            }
            step(workload, "target-only", "", "orders is no longer written: the old SQL is translated to orders_v2",
                    applied);
            long sourceAfter = count("orders");
            out.printf("  orders kept %,d rows, untouched since target-only: %s%n", sourceAfter,
                    sourceAfter == sourceRows ? "yes" : "NO");
            workload.stop();
            out.println();
            out.println("throughput per phase (requests/s, the workload's own mix of reads and writes):");
            throughput.forEach(line -> out.println("  " + line));
            out.printf("drift found by verify: %d rows; workload errors: %d%n", drift, workload.errors.size());
            workload.errors.stream().limit(5).forEach(e -> out.println("  error: " + e));
            boolean ok = drift == 0 && workload.errors.isEmpty() && sourceAfter == sourceRows;
            out.println(ok ? "done: the table moved to its new shape under live traffic, with nothing lost"
                    : "done, with the problems above");
            return ok ? 0 : 1;
        }
    }

    /** Applies {@code phase}, runs one step of the workload, and says what the counters saw. */
    private void phase(Workload workload, String phase, String extra, String what) throws Exception {
        step(workload, phase, extra, what, apply(phase, extra));
    }

    /** Writes the routing file in {@code phase} and reloads it; empty, or what refused it. */
    private String apply(String phase, String extra) throws IOException {
        writeRouting(phase, extra);
        RoutingFile.Reload reload = file.reload();
        return reload.outcome() == RoutingFile.Outcome.REFUSED ? " REFUSED: " + reload.message() : "";
    }

    private void step(Workload workload, String phase, String extra, String what, String applied) throws Exception {
        String policy = extra.isBlank() ? "" : " " + extra.strip();
        out.printf("[%s%s] %s%s%n", phase, policy, what, applied);
        long[] before = counters();
        double seconds = workload.runs(step);
        long[] after = counters();
        double rate = step / seconds;
        throughput.add(String.format("%-12s %-28s %,8.0f", phase, policy.strip(), rate));
        if (phase.equals("off")) {
            out.printf("  %,d requests, %,.0f/s; Tandem passes every statement through untouched%n", step, rate);
            return;
        }
        out.printf("  %,d requests, %,.0f/s; reads from orders %,d, from orders_v2 %,d; mirrored writes %,d;"
                + " translated writes %,d", step, rate, after[0] - before[0], after[1] - before[1],
                after[2] - before[2], after[3] - before[3]);
        if (after[4] > before[4]) {
            out.printf("; shadow reads %,d, mismatches %,d", after[4] - before[4], after[5] - before[5]);
        }
        out.println();
    }

    /** Pauses the workload (no transaction open), compares both tables chunk by chunk, and resumes it. */
    private long verify(Workload workload, Migration migration) throws Exception {
        out.println("[verify] comparing orders_v2 with mapping(orders), chunk by chunk, the workload paused");
        workload.pause();
        try {
            Verify.Result result = new Verify(() -> DriverManager.getConnection(RAW), migration,
                    new Verify.Options(Math.max(1000, rows / 20), false), progress("verify")).run();
            out.printf("  %d chunks compared, %d drifting rows%n", result.chunks(), result.driftCount());
            return result.driftCount();
        } finally {
            workload.resume();
        }
    }

    private Progress progress(String what) {
        return new Progress(out, System.console() != null, "  " + what);
    }

    /** readsFromSource, readsFromTarget, mirroredWrites, translatedWrites, shadowReads, shadowMismatches. */
    private long[] counters() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.tandem:type=Migration,routing=" + ObjectName.quote(routing.toString())
                + ",id=" + ObjectName.quote(ID));
        String[] attributes = {"ReadsFromSource", "ReadsFromTarget", "MirroredWrites", "TranslatedWrites", "ShadowReads",
            "ShadowMismatches"};
        long[] values = new long[attributes.length];
        if (server.isRegistered(name)) {
            for (int i = 0; i < attributes.length; i++) {
                values[i] = (Long) server.getAttribute(name, attributes[i]);
            }
        }
        return values;
    }

    // ------------------------------------------------------------------ the database and the routing file

    private void createTables() throws SQLException {
        try (Connection raw = DriverManager.getConnection(RAW); Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS orders");
            statement.execute("DROP TABLE IF EXISTS orders_v2");
            statement.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer VARCHAR(40) NOT NULL,"
                    + " amount_cents INT NOT NULL, status INT NOT NULL, legacy_flag INT, created TIMESTAMP NOT NULL)");
            statement.execute("CREATE TABLE orders_v2 (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " customer_name VARCHAR(40) NOT NULL, amount DECIMAL(12, 2) NOT NULL, status INT NOT NULL,"
                    + " created TIMESTAMP NOT NULL, channel VARCHAR(10) DEFAULT 'web')");
            statement.execute("INSERT INTO orders SELECT X, 'customer-' || MOD(X, 5000), MOD(X * 7919, 100000),"
                    + " MOD(X, 5), MOD(X, 2), DATEADD(MINUTE, -X, TIMESTAMP '2026-11-01 12:00:00')"
                    + " FROM SYSTEM_RANGE(1, " + rows + ")");
        }
    }

    private long count(String table) throws SQLException {
        try (Connection raw = DriverManager.getConnection(RAW); Statement statement = raw.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void writeRouting(String phase, String extra) throws IOException {
        Files.writeString(routing, """
                migrations:
                  %s:
                    owner: demo
                    source: orders
                    target: orders_v2
                    key: [id]
                    columns:
                      customer: customer_name
                      legacy_flag: null
                      amount_cents: {target: amount, toTarget: "CAST(amount_cents AS DECIMAL(12, 2)) / 100", toSource: "CAST(amount * 100 AS INT)"}
                    phase: %s
                %s""".formatted(ID, phase, extra));
    }

    private Connection tandem() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("tandem.config", routing.toString());
        properties.setProperty("tandem.reload", "0");
        properties.setProperty("tandem.client", "demo-shop");
        return DriverManager.getConnection("jdbc:tandem:" + RAW.substring("jdbc:".length()), properties);
    }

    // ------------------------------------------------------------------ the workload

    /**
     * Connections reading orders by id (each request its own cohort), and inserting, updating and
     * deleting orders, all in the SQL written for the old shape. Each request holds a read lock, so
     * that {@link #pause()} returns only when no transaction is open.
     */
    private final class Workload implements AutoCloseable {
        private final ExecutorService pool = Executors.newFixedThreadPool(threads);
        private final List<Future<?>> tasks = new ArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Semaphore done = new Semaphore(0);
        private final ReentrantReadWriteLock paused = new ReentrantReadWriteLock();
        private final AtomicLong nextId = new AtomicLong(10_000_000);
        final Queue<String> errors = new ConcurrentLinkedQueue<>();

        Workload() {
            for (int t = 0; t < threads; t++) {
                long threadSeed = seed * 31 + t;
                tasks.add(pool.submit(() -> work(threadSeed)));
            }
        }

        /** Waits for {@code requests} more requests to end; the seconds they took. */
        double runs(int requests) throws InterruptedException {
            done.drainPermits();
            long started = System.nanoTime();
            if (!done.tryAcquire(requests, 10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the workload stalled; errors: " + errors);
            }
            return (System.nanoTime() - started) / 1e9;
        }

        void pause() {
            paused.writeLock().lock();
        }

        void resume() {
            paused.writeLock().unlock();
        }

        void stop() throws Exception {
            stop.set(true);
            for (Future<?> task : tasks) {
                task.get(1, TimeUnit.MINUTES);
            }
        }

        @Override
        public void close() {
            stop.set(true);
            pool.shutdownNow();
        }

        private Void work(long threadSeed) throws SQLException {
            SplittableRandom random = new SplittableRandom(threadSeed);
            try (Connection connection = tandem();
                    PreparedStatement read = connection.prepareStatement(
                            "SELECT id, customer, amount_cents, status FROM orders WHERE id = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO orders (id, customer,"
                            + " amount_cents, status, legacy_flag, created) VALUES (?, ?, ?, 0, 1, CURRENT_TIMESTAMP)");
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE orders SET status = ?, amount_cents = amount_cents + ? WHERE id = ?");
                    PreparedStatement delete = connection.prepareStatement("DELETE FROM orders WHERE id = ?")) {
                List<Long> mine = new ArrayList<>();
                while (!stop.get()) {
                    paused.readLock().lock();
                    try {
                        int choice = random.nextInt(100);
                        connection.setClientInfo("tandem.cohort", "customer-" + random.nextInt(5000));
                        if (choice < 60) {
                            read.setLong(1, 1 + random.nextInt(rows));
                            try (ResultSet result = read.executeQuery()) {
                                while (result.next()) {
                                    result.getInt(3);
                                }
                            }
                        } else if (choice < 80) {
                            update.setInt(1, random.nextInt(5));
                            update.setInt(2, random.nextInt(1000));
                            update.setLong(3, !mine.isEmpty() && random.nextBoolean() ? mine.get(random.nextInt(mine.size()))
                                    : 1 + random.nextInt(rows));
                            update.executeUpdate();
                        } else if (choice < 95) {
                            long id = nextId.incrementAndGet();
                            insert.setLong(1, id);
                            insert.setString(2, "customer-" + random.nextInt(5000));
                            insert.setInt(3, random.nextInt(100_000));
                            insert.executeUpdate();
                            mine.add(id);
                        } else {
                            delete.setLong(1, !mine.isEmpty() ? mine.remove(random.nextInt(mine.size()))
                                    : 1 + random.nextInt(rows));
                            delete.executeUpdate();
                        }
                    } catch (SQLException e) {
                        errors.add(e.getSQLState() + ": " + e.getMessage().lines().findFirst().orElse(""));
                    } finally {
                        paused.readLock().unlock();
                    }
                    done.release();
                }
            }
            return null;
        }
    }
}
