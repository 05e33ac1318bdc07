package dev.tandem.benchmarks;

import java.sql.Connection;
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
 * Reads through the raw driver, Tandem and its peers (see {@link Peers}) on the same embedded H2 content:
 * a point select of {@code users} and a three-table join from {@code users}, each prepared per
 * operation and every column read. {@code tandem-routed} and {@code shardingsphere-routed} serve
 * {@code users} from {@code users_v2}, a table of the same shape and content.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 8, time = 1)
public class PeerReadBenchmark {

    static final String POINT_SELECT = Fixture.SELECT_USER;
    static final String JOIN3 = "SELECT u.name, o.amount, p.kind, p.amount FROM users u"
            + " JOIN orders o ON o.user_id = u.id JOIN payments p ON p.order_id = o.id WHERE u.id = ?";

    @Param({"raw", "tandem-passthrough", "tandem-routed", "p6spy", "datasource-proxy",
            "shardingsphere-single", "shardingsphere-routed"})
    String driver;

    private String h2Url;
    private Peers.Opened opened;
    private Connection connection;
    private long key;

    @Setup(Level.Trial)
    public void open() throws Exception {
        h2Url = Fixture.newDatabase("peer_read");
        Fixture.seed(h2Url, Fixture.Target.SAME_SHAPE);
        opened = Peers.open(driver, h2Url, false);
        connection = opened.connection();
        boolean routed = driver.endsWith("-routed");
        for (String sql : new String[] {POINT_SELECT, JOIN3}) {
            try (PreparedStatement check = connection.prepareStatement(sql)) {
                check.setLong(1, 0);
                try (ResultSet rows = check.executeQuery()) {
                    String name = rows.next() ? rows.getString(sql.equals(JOIN3) ? 1 : 2) : null;
                    if (!(routed ? Fixture.TARGET_MARK : "user 0").equals(name)) {
                        throw new IllegalStateException(driver + ": " + sql + " read " + name
                                + (routed ? ", not users_v2's row" : ", not users' row"));
                    }
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        opened.close();
        Fixture.shutdown(h2Url);
    }

    private long nextKey() {
        long k = key;
        key = k + 1 == Fixture.ROWS ? 0 : k + 1;
        return k;
    }

    @Benchmark
    public void pointSelect(Blackhole bh) throws SQLException {
        Fixture.readUser(connection, POINT_SELECT, nextKey(), bh);
    }

    @Benchmark
    public void join3(Blackhole bh) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(JOIN3)) {
            ps.setLong(1, nextKey());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bh.consume(rs.getString(1));
                    bh.consume(rs.getLong(2));
                    bh.consume(rs.getString(3));
                    bh.consume(rs.getLong(4));
                }
            }
        }
    }
}
