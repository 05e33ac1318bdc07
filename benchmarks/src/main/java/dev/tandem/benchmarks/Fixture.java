package dev.tandem.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.openjdk.jmh.infra.Blackhole;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded H2 database every benchmark reads and writes, and the routing file that migrates its
 * {@code users} table to {@code users_v2}: one copy of the setup that each benchmark class had its own.
 * Always seeded through raw H2, so that whatever driver a trial measures only runs in the measured calls.
 */
final class Fixture {

    /** Rows of {@code users} and {@code users_v2}; also of {@code orders} and {@code payments}. */
    static final int ROWS = 10_000;

    /** In {@link Target#SAME_SHAPE}, the {@code name} of {@code users_v2}'s row 0, so a read shows which table served it. */
    static final String TARGET_MARK = "v2 user 0";

    // JMH normally gives each trial its own JVM, but with -f 0 trials share one; a fresh name keeps the
    // databases apart and never reuses rows left by an earlier trial.
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** How {@code users_v2} differs from {@code users}. */
    enum Target {
        /** {@code name} is {@code full_name}, and its values start with {@code "v2 "}, so a read shows where it came from. */
        RENAMED,
        /** the same columns and values: what a peer that maps tables but not columns can serve too */
        SAME_SHAPE
    }

    private Fixture() {
    }

    /** A new in-memory database's URL, kept alive between connections until {@link #shutdown}. */
    static String newDatabase(String prefix) {
        return "jdbc:h2:mem:" + prefix + "_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    /**
     * {@code users} and {@code users_v2} with {@link #ROWS} rows each, {@code orders} (one per user) and
     * {@code payments} (one per order) for a three-table join, {@code events} (empty) for plain inserts.
     * In {@link Target#SAME_SHAPE} one row of {@code users_v2} differs: {@link #TARGET_MARK}.
     */
    static void seed(String h2Url, Target target) throws SQLException {
        try (Connection seed = DriverManager.getConnection(h2Url); Statement ddl = seed.createStatement()) {
            String name = target == Target.RENAMED ? "full_name" : "name";
            ddl.execute("CREATE TABLE users(id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, "
                    + "email VARCHAR(128) NOT NULL, balance BIGINT NOT NULL)");
            ddl.execute("CREATE TABLE users_v2(id BIGINT PRIMARY KEY, " + name + " VARCHAR(64) NOT NULL, "
                    + "email VARCHAR(128) NOT NULL, balance BIGINT NOT NULL)");
            ddl.execute("CREATE TABLE orders(id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, amount BIGINT NOT NULL)");
            ddl.execute("CREATE INDEX orders_user ON orders(user_id)");
            ddl.execute("CREATE TABLE payments(id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL, "
                    + "kind VARCHAR(32) NOT NULL, amount BIGINT NOT NULL)");
            ddl.execute("CREATE INDEX payments_order ON payments(order_id)");
            ddl.execute("CREATE TABLE events(id BIGINT PRIMARY KEY, kind VARCHAR(32) NOT NULL, payload VARCHAR(256))");
            ddl.execute("INSERT INTO users SELECT x, 'user ' || x, 'user' || x || '@example.com', 1000 + x"
                    + " FROM SYSTEM_RANGE(0, " + (ROWS - 1) + ")");
            ddl.execute("INSERT INTO users_v2 SELECT id, " + (target == Target.RENAMED ? "'v2 ' || name" : "name")
                    + ", email, balance FROM users");
            if (target == Target.SAME_SHAPE) {
                ddl.execute("UPDATE users_v2 SET name = '" + TARGET_MARK + "' WHERE id = 0");
            }
            ddl.execute("INSERT INTO orders SELECT x, x, x * 10 FROM SYSTEM_RANGE(0, " + (ROWS - 1) + ")");
            ddl.execute("INSERT INTO payments SELECT x, x, 'card', x * 100 FROM SYSTEM_RANGE(0, " + (ROWS - 1) + ")");
        }
    }

    /**
     * A routing file with one migration, {@code users -> users_v2} by {@code id}, in {@code phase}; in
     * {@code cutover} every read goes to the target ({@code percent: 100}).
     */
    static Path routing(String phase, Target target) throws IOException {
        Path routing = Files.createTempFile("tandem-bench-", ".yaml");
        Files.writeString(routing, "migrations:\n"
                + "  users-v2:\n"
                + "    source: users\n"
                + "    target: users_v2\n"
                + "    key: [id]\n"
                + (target == Target.RENAMED ? "    columns: {name: full_name}\n" : "")
                + "    phase: " + phase + "\n"
                + (phase.equals("cutover") ? "    reads: {percent: 100}\n" : ""));
        return routing;
    }

    /** {@code jdbc:tandem:h2:…} for {@code h2Url}. */
    static String tandemUrl(String h2Url) {
        return "jdbc:tandem:" + h2Url.substring("jdbc:".length());
    }

    /** A Tandem connection to {@code h2Url}, routed by {@code routing} (never reloaded) or, when null, by nothing. */
    static Connection tandem(String h2Url, Path routing) throws SQLException {
        Properties properties = new Properties();
        if (routing != null) {
            properties.setProperty("tandem.config", routing.toString());
            properties.setProperty("tandem.reload", "0");
        }
        Connection connection = DriverManager.getConnection(tandemUrl(h2Url), properties);
        // A misconfigured classpath would quietly measure raw H2; fail the trial instead.
        if (!connection.getClass().getName().startsWith("dev.tandem.")) {
            throw new IllegalStateException("jdbc:tandem: gave a " + connection.getClass().getName());
        }
        return connection;
    }

    /**
     * Drops the database: {@code DB_CLOSE_DELAY=-1} keeps it alive after its last connection, and trials
     * sharing a JVM ({@code -f 0}) should not carry each other's heap.
     */
    static void shutdown(String h2Url) throws SQLException {
        try (Connection last = DriverManager.getConnection(h2Url); Statement shutdown = last.createStatement()) {
            shutdown.execute("SHUTDOWN");
        }
    }

    // ---------------------------------------------------------------- the operations measured

    /** The point select of a user, every column read. */
    static final String SELECT_USER = "SELECT id, name, email, balance FROM users WHERE id = ?";
    /** The insert of a user. */
    static final String INSERT_USER = "INSERT INTO users (id, name, email, balance) VALUES (?, ?, ?, ?)";
    /** The update of a user's balance by key. */
    static final String UPDATE_BALANCE = "UPDATE users SET balance = balance + ? WHERE id = ?";

    /**
     * {@code sql}, a read of one user's {@code id, name, email, balance} by key (the columns as typed),
     * prepared as JdbcTemplate and hand-written JDBC do for every call, every column read.
     */
    static void readUser(Connection connection, String sql, long key, Blackhole bh) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bh.consume(rs.getLong(1));
                    bh.consume(rs.getString(2));
                    bh.consume(rs.getString(3));
                    bh.consume(rs.getLong(4));
                }
            }
        }
    }

    /** {@link #INSERT_USER} of user {@code id}, prepared for the call. */
    static int insertUser(Connection connection, long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT_USER)) {
            ps.setLong(1, id);
            ps.setString(2, "user " + id);
            ps.setString(3, "user" + id + "@example.com");
            ps.setLong(4, id);
            return ps.executeUpdate();
        }
    }

    /** {@link #UPDATE_BALANCE} adding 1 to user {@code key}'s balance, prepared for the call. */
    static int addToBalance(Connection connection, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(UPDATE_BALANCE)) {
            ps.setLong(1, 1);
            ps.setLong(2, key);
            return ps.executeUpdate();
        }
    }
}
