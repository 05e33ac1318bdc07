package dev.tandem.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
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
 * What a fresh JVM waits from {@code DriverManager.getConnection} to the result of its first routed
 * statement (a point select of {@code users}, served from {@code users_v2} where the driver routes):
 * the routing file read and checked against the schema, the SQL parser loaded, ShardingSphere's
 * metadata built. One shot per fork, many forks. Every driver class on the class path is already
 * loaded (DriverManager loads them all at its first use, whoever asks); Tandem's loading starts its
 * parser warm-up on a thread of its own, which the Tandem trials do not wait for and the others do, so
 * that none pays for another's start.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 10, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdStartBenchmark {

    @Param({"raw", "tandem-passthrough", "tandem-routed", "p6spy", "datasource-proxy",
            "shardingsphere-single", "shardingsphere-routed"})
    String driver;

    private String h2Url;
    private Path config;
    private Connection connection;

    @Setup(Level.Trial)
    public void prepare() throws Exception {
        Peers.configure();
        h2Url = Fixture.newDatabase("cold");
        Fixture.seed(h2Url, Fixture.Target.SAME_SHAPE);
        DriverManager.getDrivers();
        if (!driver.startsWith("tandem")) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("tandem-parser-warm-up")) {
                    thread.join();
                }
            }
        }
        config = switch (driver) {
            case "tandem-routed" -> Fixture.routing("cutover", Fixture.Target.SAME_SHAPE);
            case "shardingsphere-single", "shardingsphere-routed" ->
                    Peers.shardingSphereYaml(h2Url, driver.endsWith("routed"));
            default -> null;
        };
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (config != null) {
            Files.deleteIfExists(config);
        }
        Fixture.shutdown(h2Url);
    }

    @Benchmark
    public String firstRoutedStatement() throws SQLException {
        connection = switch (driver) {
            case "raw" -> DriverManager.getConnection(h2Url);
            case "tandem-passthrough" -> DriverManager.getConnection(Fixture.tandemUrl(h2Url));
            case "tandem-routed" -> {
                Properties properties = new Properties();
                properties.setProperty("tandem.config", config.toString());
                properties.setProperty("tandem.reload", "0");
                yield DriverManager.getConnection(Fixture.tandemUrl(h2Url), properties);
            }
            case "p6spy" -> DriverManager.getConnection("jdbc:p6spy:" + h2Url.substring("jdbc:".length()));
            // no driver of its own: the proxy is built around the application's DataSource
            case "datasource-proxy" -> Peers.dataSourceProxy(h2Url).getConnection();
            case "shardingsphere-single", "shardingsphere-routed" ->
                    DriverManager.getConnection("jdbc:shardingsphere:absolutepath:" + config);
            default -> throw new IllegalArgumentException("no such driver: " + driver);
        };
        try (PreparedStatement ps = connection.prepareStatement(PeerReadBenchmark.POINT_SELECT)) {
            ps.setLong(1, 0);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String name = rs.getString(2);
                boolean routed = driver.endsWith("-routed");
                if (!(routed ? Fixture.TARGET_MARK : "user 0").equals(name)) {
                    throw new IllegalStateException(driver + " read " + name);
                }
                return name;
            }
        }
    }
}
