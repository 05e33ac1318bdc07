package dev.tandem.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
import org.openjdk.jmh.infra.Blackhole;

/** Measures what Tandem without a routing file adds to plain prepared-statement JDBC calls against embedded H2. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Warmup iterations of H2 are still several times slower after 3-4 s on 2 cores, hence 8 of them.
// Four forks because fork-to-fork differences here are as large as the effect being looked for. A
// fixed, pre-touched heap so that no fork pays page faults for fresh heap that another did not.
// Together about 7 minutes on 2 cores.
@Fork(value = 4, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 8, time = 1)
public class PassThroughBenchmark {

    static final int ROWS = Fixture.ROWS;

    private static final String SELECT_USER = Fixture.SELECT_USER;
    private static final String INSERT_EVENT = "INSERT INTO events(id, kind, payload) VALUES (?, ?, ?)";
    private static final String UPDATE_BALANCE = "UPDATE users SET balance = balance + 1 WHERE id = ?";
    private static final String PAYLOAD = "{\"order\":12345,\"status\":\"shipped\",\"carrier\":\"ups\"}";

    @Param({"raw", "tandem"})
    String driver;

    private String h2Url;
    private Connection connection;
    private long key;
    private long nextEventId;

    @Setup(Level.Trial)
    public void openDatabase() throws SQLException {
        h2Url = Fixture.newDatabase("bench_" + driver);
        // Seeded through raw H2 whichever driver is measured, so both databases get identical content
        // and Tandem's own code path is only exercised by the measured calls.
        Fixture.seed(h2Url, Fixture.Target.RENAMED);
        connection = switch (driver) {
            case "raw" -> DriverManager.getConnection(h2Url);
            case "tandem" -> Fixture.tandem(h2Url, null);
            default -> throw new IllegalArgumentException("driver must be raw or tandem, not " + driver);
        };
        connection.setAutoCommit(true);
        if (driver.equals("raw") && !connection.getClass().getName().startsWith("org.h2.")) {
            throw new IllegalStateException(driver + " got a " + connection.getClass().getName());
        }
        key = 0;
        nextEventId = 0;
    }

    // Without this the events table would grow by millions of rows over a trial and later iterations
    // would measure a bigger index and a fuller heap than earlier ones.
    @Setup(Level.Iteration)
    public void emptyEvents() throws SQLException {
        try (Statement truncate = connection.createStatement()) {
            truncate.execute("TRUNCATE TABLE events");
        }
    }

    @TearDown(Level.Trial)
    public void closeDatabase() throws SQLException {
        connection.close();
        Fixture.shutdown(h2Url);
    }

    private long nextKey() {
        long k = key;
        key = k + 1 == ROWS ? 0 : k + 1;
        return k;
    }

    // Each benchmark prepares its statement per operation, as JdbcTemplate and hand-written JDBC do, so
    // the per-statement and per-result-set wrappers are part of what is measured.

    @Benchmark
    public void pointSelect(Blackhole bh) throws SQLException {
        Fixture.readUser(connection, SELECT_USER, nextKey(), bh);
    }

    @Benchmark
    public int insert() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT_EVENT)) {
            ps.setLong(1, nextEventId++);
            ps.setString(2, "order.shipped");
            ps.setString(3, PAYLOAD);
            return ps.executeUpdate();
        }
    }

    @Benchmark
    public int updateByKey() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(UPDATE_BALANCE)) {
            ps.setLong(1, nextKey());
            return ps.executeUpdate();
        }
    }
}
