package dev.tandem.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/**
 * A routed read against the raw driver on embedded H2 (DESIGN §9: within 10%): with a routing file
 * whose migration {@code users -> users_v2} is in {@code cutover} at 100%, Tandem serves
 * {@code SELECT … FROM users} from {@code users_v2}, translated; the raw driver runs the same
 * translation written by hand. {@code otherTable} reads a table the routing does not name: the
 * cost of the word scan and the plan lookup on every statement (within 3%).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 8, time = 1)
public class RoutedReadBenchmark {

    static final int ROWS = Fixture.ROWS;

    private static final String MIGRATED = Fixture.SELECT_USER;
    /** What Tandem runs for {@link #MIGRATED} in cutover at 100%, written by hand for the raw driver. */
    private static final String MIGRATED_BY_HAND = "SELECT id, full_name AS name, email, balance FROM users_v2 WHERE id = ?";
    private static final String OTHER = "SELECT id, kind, amount FROM payments WHERE id = ?";

    @Param({"raw", "tandem"})
    String driver;

    private String h2Url;
    private Path routing;
    private Connection connection;
    private String migratedSql;
    private long key;

    @Setup(Level.Trial)
    public void open() throws SQLException, IOException {
        h2Url = Fixture.newDatabase("routed_" + driver);
        Fixture.seed(h2Url, Fixture.Target.RENAMED);
        routing = Fixture.routing("cutover", Fixture.Target.RENAMED);
        connection = driver.equals("tandem") ? Fixture.tandem(h2Url, routing) : DriverManager.getConnection(h2Url);
        migratedSql = driver.equals("tandem") ? MIGRATED : MIGRATED_BY_HAND;
        // The routed read must really be served from users_v2: its names differ from users'.
        try (PreparedStatement check = connection.prepareStatement(migratedSql)) {
            check.setLong(1, 1);
            try (ResultSet rows = check.executeQuery()) {
                if (!rows.next() || !rows.getString("name").startsWith("v2 ")) {
                    throw new IllegalStateException(driver + ": the read was not served from users_v2");
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException, IOException {
        connection.close();
        Fixture.shutdown(h2Url);
        Files.deleteIfExists(routing);
    }

    private long nextKey() {
        long k = key;
        key = k + 1 == ROWS ? 0 : k + 1;
        return k;
    }

    @Benchmark
    public void migratedTable(Blackhole bh) throws SQLException {
        Fixture.readUser(connection, migratedSql, nextKey(), bh);
    }

    @Benchmark
    public void otherTable(Blackhole bh) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(OTHER)) {
            ps.setLong(1, nextKey());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bh.consume(rs.getLong(1));
                    bh.consume(rs.getString(2));
                    bh.consume(rs.getLong(3));
                }
            }
        }
    }
}
