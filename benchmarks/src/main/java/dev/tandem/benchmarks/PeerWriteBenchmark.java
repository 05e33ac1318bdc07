package dev.tandem.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-row writes of {@code users} through the raw driver, Tandem and its peers (see {@link Peers}) on
 * the same embedded H2 content, autocommit, prepared per operation: an INSERT with an increasing key
 * and an UPDATE by key. {@code tandem-mirrored} writes both tables in one transaction;
 * {@code tandem-routed} (target-only) and {@code shardingsphere-routed} write {@code users_v2} alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 8, time = 1)
public class PeerWriteBenchmark {

    static final String INSERT = Fixture.INSERT_USER;
    static final String UPDATE = Fixture.UPDATE_BALANCE;

    @Param({"raw", "tandem-passthrough", "tandem-mirrored", "tandem-routed", "p6spy", "datasource-proxy",
            "shardingsphere-single", "shardingsphere-routed"})
    String driver;

    private String h2Url;
    private Peers.Opened opened;
    private Connection connection;
    private long key;
    private long inserted;

    @Setup(Level.Trial)
    public void open() throws Exception {
        h2Url = Fixture.newDatabase("peer_write");
        Fixture.seed(h2Url, Fixture.Target.SAME_SHAPE);
        opened = Peers.open(driver, h2Url, true);
        connection = opened.connection();
        // the write must land where the driver's mode says: one probe row, then removed
        Fixture.insertUser(connection, -1);
        try (Connection raw = DriverManager.getConnection(h2Url); Statement check = raw.createStatement()) {
            String landed = (count(check, "users") == 1 ? "users" : "") + (count(check, "users_v2") == 1 ? " users_v2" : "");
            String expected = switch (driver) {
                case "tandem-mirrored" -> "users users_v2";
                case "tandem-routed", "shardingsphere-routed" -> " users_v2";
                default -> "users";
            };
            if (!landed.equals(expected)) {
                throw new IllegalStateException(driver + ": the insert reached '" + landed.trim() + "'");
            }
            check.execute("DELETE FROM users WHERE id = -1");
            check.execute("DELETE FROM users_v2 WHERE id = -1");
        }
    }

    private static long count(Statement check, String table) throws SQLException {
        try (ResultSet rows = check.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE id = -1")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Each iteration inserts into the same table size: the rows the last one added are removed. */
    @Setup(Level.Iteration)
    public void trim() throws SQLException {
        try (Connection raw = DriverManager.getConnection(h2Url); Statement delete = raw.createStatement()) {
            delete.execute("DELETE FROM users WHERE id >= " + Fixture.ROWS);
            delete.execute("DELETE FROM users_v2 WHERE id >= " + Fixture.ROWS);
        }
        inserted = Fixture.ROWS;
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        opened.close();
        Fixture.shutdown(h2Url);
    }

    @Benchmark
    public int insert() throws SQLException {
        return Fixture.insertUser(connection, inserted++);
    }

    @Benchmark
    public int update() throws SQLException {
        long k = key;
        key = k + 1 == Fixture.ROWS ? 0 : k + 1;
        return Fixture.addToBalance(connection, k);
    }
}
