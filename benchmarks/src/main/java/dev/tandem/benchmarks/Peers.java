package dev.tandem.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.listener.logging.SLF4JLogLevel;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One connection to a {@link Fixture} database through the raw driver, Tandem in one of its modes, or a
 * peer an application might pick instead, each configured as its users would to do the same job:
 *
 * <ul>
 * <li>{@code raw}: H2's own driver.</li>
 * <li>{@code tandem-passthrough}: {@code jdbc:tandem:h2:} without a routing file.</li>
 * <li>{@code tandem-routed}: {@code users -> users_v2} in {@code cutover} at 100% for reads (each read of
 * {@code users} served from {@code users_v2}), in {@code target-only} for writes (each write of
 * {@code users} translated to change {@code users_v2} alone).</li>
 * <li>{@code tandem-mirrored}: the same migration in {@code dual-write}: each write of {@code users} also
 * copied into {@code users_v2}, in the same transaction.</li>
 * <li>{@code p6spy}: {@code jdbc:p6spy:h2:} with its default modules, logging through SLF4J, which the
 * benchmarks bind to slf4j-nop: every statement is intercepted and its logging switched off at the
 * logger, as in production.</li>
 * <li>{@code datasource-proxy}: H2's {@code JdbcDataSource} behind {@code ProxyDataSourceBuilder} with its
 * SLF4J query logging listener, switched off the same way.</li>
 * <li>{@code shardingsphere-single}: ShardingSphere-JDBC over the same database with a {@code SINGLE} rule
 * holding every table: each statement is parsed, routed to the one data source and run as written.</li>
 * <li>{@code shardingsphere-routed}: a {@code SHARDING} rule whose logic table {@code users} has the one
 * actual table {@code users_v2} (the rest {@code SINGLE}): ShardingSphere's way of serving statements about
 * one table from another, reads and writes alike, with the SQL rewritten to name it.</li>
 * </ul>
 *
 * The peers map tables, not columns, so every peer benchmark uses {@link Fixture.Target#SAME_SHAPE}.
 */
final class Peers {

    static {
        // read when p6spy first loads its options; without a spy.properties these are all it has
        System.setProperty("p6spy.config.appender", "com.p6spy.engine.spy.appender.Slf4JLogger");
        System.setProperty("p6spy.config.logMessageFormat", "com.p6spy.engine.spy.appender.SingleLineFormat");
    }

    private Peers() {
    }

    /** Sets the peers' own settings (p6spy's, read when it first loads), for a trial that connects without {@link #open}. */
    static void configure() {
        // the static initializer has run by now
    }

    /** A connection and what must be closed or deleted with it. */
    record Opened(Connection connection, List<AutoCloseable> resources) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            connection.close();
            for (AutoCloseable resource : resources) {
                resource.close();
            }
        }
    }

    /** A connection to {@code h2Url} through {@code driver} (see the class comment), for statements that {@code write} or read. */
    static Opened open(String driver, String h2Url, boolean write) throws SQLException, IOException {
        List<AutoCloseable> resources = new ArrayList<>();
        Connection connection = switch (driver) {
            case "raw" -> DriverManager.getConnection(h2Url);
            case "tandem-passthrough" -> Fixture.tandem(h2Url, null);
            case "tandem-routed" -> Fixture.tandem(h2Url, deleted(resources,
                    Fixture.routing(write ? "target-only" : "cutover", Fixture.Target.SAME_SHAPE)));
            case "tandem-mirrored" -> Fixture.tandem(h2Url, deleted(resources,
                    Fixture.routing("dual-write", Fixture.Target.SAME_SHAPE)));
            case "p6spy" -> DriverManager.getConnection("jdbc:p6spy:" + h2Url.substring("jdbc:".length()));
            case "datasource-proxy" -> dataSourceProxy(h2Url).getConnection();
            case "shardingsphere-single", "shardingsphere-routed" -> {
                Path yaml = deleted(resources, shardingSphereYaml(h2Url, driver.endsWith("routed")));
                DataSource dataSource = YamlShardingSphereDataSourceFactory.createDataSource(yaml.toFile());
                resources.add((AutoCloseable) dataSource);
                yield dataSource.getConnection();
            }
            default -> throw new IllegalArgumentException("no such driver: " + driver);
        };
        Opened opened = new Opened(connection, resources);
        check(driver, connection);
        return opened;
    }

    static DataSource dataSourceProxy(String h2Url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(h2Url);
        return ProxyDataSourceBuilder.create(h2).name("bench").logQueryBySlf4j(SLF4JLogLevel.INFO).build();
    }

    /**
     * ShardingSphere-JDBC's YAML for {@code h2Url}: one data source (H2's own {@code JdbcDataSource}, not a
     * pool, as for the other drivers), standalone mode with its metadata in a separate in-memory H2.
     */
    static Path shardingSphereYaml(String h2Url, boolean routed) throws IOException {
        String name = h2Url.substring("jdbc:h2:mem:".length(), h2Url.indexOf(';'));
        String rules = routed
                ? """
                  - !SHARDING
                    tables:
                      users:
                        actualDataNodes: ds.users_v2
                  - !SINGLE
                    tables:
                      - "ds.orders"
                      - "ds.payments"
                      - "ds.events"
                  """
                : """
                  - !SINGLE
                    tables:
                      - "*.*"
                  """;
        Path yaml = Files.createTempFile("shardingsphere-bench-", ".yaml");
        Files.writeString(yaml, "databaseName: " + name + "\n"
                + "mode:\n"
                + "  type: Standalone\n"
                + "  repository:\n"
                + "    type: JDBC\n"
                + "    props:\n"
                + "      provider: H2\n"
                + "      jdbc_url: jdbc:h2:mem:ss_meta_" + name + ";DB_CLOSE_DELAY=0;MODE=MYSQL\n"
                + "dataSources:\n"
                + "  ds:\n"
                + "    dataSourceClassName: org.h2.jdbcx.JdbcDataSource\n"
                + "    url: " + h2Url + "\n"
                + "rules:\n"
                + rules
                + "props:\n"
                + "  sql-show: false\n");
        return yaml;
    }

    private static Path deleted(List<AutoCloseable> resources, Path file) {
        resources.add(() -> Files.deleteIfExists(file));
        return file;
    }

    // A misconfigured classpath would quietly measure raw H2 under another name; fail the trial instead.
    private static void check(String driver, Connection connection) {
        String type = connection.getClass().getName();
        boolean ok = switch (driver) {
            case "raw" -> type.startsWith("org.h2.");
            case "p6spy" -> type.startsWith("com.p6spy.");
            case "datasource-proxy" -> java.lang.reflect.Proxy.isProxyClass(connection.getClass())
                    || type.startsWith("net.ttddyy.");
            case "shardingsphere-single", "shardingsphere-routed" -> type.startsWith("org.apache.shardingsphere.");
            default -> type.startsWith("dev.tandem.");
        };
        if (!ok) {
            throw new IllegalStateException(driver + " gave a " + type);
        }
    }
}
