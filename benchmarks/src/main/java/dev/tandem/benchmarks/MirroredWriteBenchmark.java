package dev.tandem.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
 * A mirrored write against one raw write on embedded H2 (DESIGN §9: within 2.2x), under autocommit:
 * with the migration {@code users -> users_v2} in {@code dual-write}, Tandem runs the application's
 * single-row INSERT or UPDATE of {@code users} and the copy of the row it changed into {@code users_v2}
 * as one statement ({@code MERGE … FROM FINAL TABLE (…)}); the raw driver runs the application's
 * statement alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 8, time = 1)
public class MirroredWriteBenchmark {

    static final int ROWS = Fixture.ROWS;

        
    @Param({"raw", "tandem"})
    String driver;

    private String h2Url;
    private Path routing;
    private Connection connection;
    private long key;
    private long inserted;

    @Setup(Level.Trial)
    public void open() throws SQLException, IOException {
        h2Url = Fixture.newDatabase("mirrored_" + driver);
        Fixture.seed(h2Url, Fixture.Target.RENAMED);
        try (Connection raw = DriverManager.getConnection(h2Url); Statement same = raw.createStatement()) {
            same.execute("UPDATE users_v2 v SET full_name = (SELECT name FROM users u WHERE u.id = v.id)");
        }
        routing = Fixture.routing("dual-write", Fixture.Target.RENAMED);
        connection = driver.equals("tandem") ? Fixture.tandem(h2Url, routing) : DriverManager.getConnection(h2Url);
        inserted = ROWS;
    }

    /** Each iteration inserts into the same table size: the rows the last one added are removed. */
    @Setup(Level.Iteration)
    public void trim() throws SQLException {
        try (Connection raw = DriverManager.getConnection(h2Url); Statement delete = raw.createStatement()) {
            delete.execute("DELETE FROM users WHERE id >= " + ROWS);
            delete.execute("DELETE FROM users_v2 WHERE id >= " + ROWS);
        }
        inserted = ROWS;
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException, IOException {
        try (Connection raw = DriverManager.getConnection(h2Url); Statement check = raw.createStatement();
                var rows = check.executeQuery("SELECT COUNT(*) FROM users u JOIN users_v2 v ON v.id = u.id"
                        + " AND v.full_name = u.name AND v.balance = u.balance")) {
            rows.next();
            long mirrored = rows.getLong(1);
            if (driver.equals("tandem") && mirrored < ROWS) {
                throw new IllegalStateException("the writes were not mirrored: " + mirrored + " rows agree");
            }
        }
        connection.close();
        Fixture.shutdown(h2Url);
        Files.deleteIfExists(routing);
    }

    @Benchmark
    public int insert() throws SQLException {
        return Fixture.insertUser(connection, inserted++);
    }

    @Benchmark
    public int update() throws SQLException {
        long k = key;
        key = k + 1 == ROWS ? 0 : k + 1;
        return Fixture.addToBalance(connection, k);
    }
}
